import { describe, expect, it } from 'vitest';
import { resolveCreator, SERVICE_CATALOG_PRINCIPAL_TAG } from '../../../src/autotag/resolve-creator';

const none = new Map<string, string>();

describe('resolveCreator edge cases', () => {
  it('reads an assumed role from principalId and session issuer when the ARN is missing', () => {
    const creator = resolveCreator(
      {
        type: 'AssumedRole',
        principalId: 'AROAX:deploy-7',
        sessionContext: { sessionIssuer: { userName: 'ci' } },
      },
      none,
    );

    expect(creator).toMatchObject({ label: 'deploy-7 via role ci', person: 'deploy-7', service: false });
  });

  it('names another account when a principal of another account made the call', () => {
    expect(
      resolveCreator({ type: 'AWSAccount', accountId: '444444444444', principalId: 'AIDA' }, none).label,
    ).toBe('account 444444444444');
  });

  it('falls back to the identity when the Service Catalog tag is not an ARN it can read', () => {
    const tags = new Map([[SERVICE_CATALOG_PRINCIPAL_TAG, 'not-an-arn']]);

    const creator = resolveCreator(
      { type: 'IAMUser', userName: 'alice', arn: 'arn:aws:iam::1:user/alice' },
      tags,
    );

    expect(creator.label).toBe('alice');
  });

  it('keeps an unknown identity type readable by its ARN', () => {
    expect(resolveCreator({ type: 'SAMLUser', arn: 'arn:aws:sts::1:x/y' }, none)).toMatchObject({
      kind: 'SAMLUser',
      label: 'arn:aws:sts::1:x/y',
    });
  });
});
