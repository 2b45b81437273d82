import { describe, expect, it } from 'vitest';
import { identityStoreIdOf } from '../../src/autotag/identity-center-names';

describe('the identity store of an Identity Center user', () => {
  it('is read from both id forms the Identity Store API allows (d-… and a UUID)', () => {
    // Pattern of IdentityStoreArn in the Identity Store API reference (IdentityStore data type).
    expect(identityStoreIdOf('arn:aws:identitystore::111122223333:identitystore/d-1234567890')).toBe(
      'd-1234567890',
    );
    expect(
      identityStoreIdOf(
        'arn:aws:identitystore::111122223333:identitystore/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      ),
    ).toBe('1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d');
    expect(identityStoreIdOf('arn:aws:identitystore::111122223333:identitystore/x-12')).toBeUndefined();
  });
});
