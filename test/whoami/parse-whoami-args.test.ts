import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseWhoamiArgs } from '../../src/whoami/parse-whoami-args';

const accounts = new AccountDirectory({
  organization: { partition: 'aws', lookUpAccountNames: false },
  accounts: [{ id: '222222222222', name: 'prod-payments', roles: {} }],
  roles: {},
});

describe('parseWhoamiArgs', () => {
  it('asks about the bot itself when no account is named', () => {
    expect(parseWhoamiArgs('  ', accounts)).toEqual({ ok: true });
  });

  it('resolves a configured name to its id and name', () => {
    expect(parseWhoamiArgs('PROD-payments', accounts)).toEqual({
      ok: true,
      account: { id: '222222222222', name: 'prod-payments' },
    });
  });

  it('takes any 12-digit id (the worker checks it is allowed)', () => {
    expect(parseWhoamiArgs('444444444444', accounts)).toEqual({ ok: true, account: { id: '444444444444' } });
  });

  it('refuses an unknown name with the known names', () => {
    expect(parseWhoamiArgs('prod', accounts)).toEqual({
      ok: false,
      problem:
        '"prod" is neither a 12-digit account id nor a configured account name. Known names: prod-payments.',
    });
  });

  it('refuses more than one word', () => {
    expect(parseWhoamiArgs('prod-payments staging', accounts)).toEqual({
      ok: false,
      problem: 'Expected one account, got 2 words.',
    });
  });
});
