import { describe, expect, it, vi } from 'vitest';
import { AccountDirectory, UnknownAccountError } from '../../src/aws/account-directory';
import type { AppConfig } from '../../src/config/schema';

const config = (
  overrides: Partial<AppConfig['organization']> = {},
): Pick<AppConfig, 'accounts' | 'roles' | 'organization'> => ({
  organization: { partition: 'aws', lookUpAccountNames: true, ...overrides },
  accounts: [
    { id: '111111111111', name: 'management', roles: {} },
    { id: '222222222222', name: 'prod-payments', roles: { default: 'payments-read' } },
    { id: '333333333333', name: 'staging', roles: { whoami: 'staging-reader' } },
  ],
  roles: { default: 'aws-chatops-read', cases: 'aws-chatops-support' },
});

describe('AccountDirectory.resolve', () => {
  it.each([
    ['a configured id', '222222222222', { id: '222222222222', name: 'prod-payments' }],
    [
      'a name in another case, with spaces around',
      '  PROD-Payments ',
      { id: '222222222222', name: 'prod-payments' },
    ],
    ['an unconfigured 12-digit id', '444444444444', { id: '444444444444', name: undefined }],
  ])('accepts %s', (_label, input, expected) => {
    expect(new AccountDirectory(config()).resolve(input)).toEqual(expected);
  });

  it('refuses an unknown name and lists the known ones for the reply', () => {
    const directory = new AccountDirectory(config());

    let error: unknown;
    try {
      directory.resolve('prod');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(UnknownAccountError);
    expect(error).toMatchObject({ input: 'prod', known: ['management', 'prod-payments', 'staging'] });
  });

  it.each(['12345678901', '1234567890123', '12345678901a'])(
    'refuses %s, which is not a 12-digit id',
    (input) => {
      expect(() => new AccountDirectory(config()).resolve(input)).toThrow(UnknownAccountError);
    },
  );
});

describe('AccountDirectory.roleFor', () => {
  const directory = new AccountDirectory(config());

  it('uses the per-account role for the purpose first', () => {
    expect(directory.roleFor('333333333333', 'whoami')).toBe('staging-reader');
  });

  it('then the global role for the purpose', () => {
    expect(directory.roleFor('111111111111', 'cases')).toBe('aws-chatops-support');
  });

  it("then the account's default, then the global default", () => {
    expect(directory.roleFor('222222222222', 'whoami')).toBe('payments-read');
    expect(directory.roleFor('444444444444', 'whoami')).toBe('aws-chatops-read');
  });

  it('never hands the read-only default to a purpose that needs its own role (tagging, catalog reads)', () => {
    // 222222222222 has an account default (payments-read): still not used for these purposes.
    expect(directory.roleFor('222222222222', 'autotag')).toBe('aws-chatops-tagger');
    expect(directory.roleFor('444444444444', 'catalog')).toBe('AWSControlTowerExecution');
  });

  it('falls back to aws-chatops-read when no default is configured', () => {
    const bare = new AccountDirectory({ ...config(), accounts: [], roles: {} });

    expect(bare.roleFor('444444444444', 'anything')).toBe('aws-chatops-read');
  });
});

describe('AccountDirectory.nameOf', () => {
  it('answers configured names without a lookup', async () => {
    const lookUp = vi.fn(async () => 'from-organizations');

    expect(await new AccountDirectory(config(), lookUp).nameOf('333333333333')).toBe('staging');
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('looks an unconfigured id up once and caches the answer', async () => {
    const lookUp = vi.fn(async () => 'sandbox');
    const directory = new AccountDirectory(config(), lookUp);

    const names = await Promise.all([directory.nameOf('444444444444'), directory.nameOf('444444444444')]);
    const later = await directory.nameOf('444444444444');

    expect(names).toEqual(['sandbox', 'sandbox']);
    expect(later).toBe('sandbox');
    expect(lookUp).toHaveBeenCalledTimes(1);
  });

  it('does not look up when lookups are off in config', async () => {
    const lookUp = vi.fn(async () => 'sandbox');

    expect(
      await new AccountDirectory(config({ lookUpAccountNames: false }), lookUp).nameOf('444444444444'),
    ).toBeUndefined();
    expect(lookUp).not.toHaveBeenCalled();
  });

  it('answers undefined when the lookup fails, and tries again next time', async () => {
    const lookUp = vi.fn().mockRejectedValueOnce(new Error('AccessDenied')).mockResolvedValueOnce('sandbox');
    const directory = new AccountDirectory(config(), lookUp);

    const first = await directory.nameOf('444444444444');
    const second = await directory.nameOf('444444444444');

    expect(first).toBeUndefined();
    expect(second).toBe('sandbox');
  });
});

describe('AccountDirectory.tryResolve', () => {
  it('gives the account for an id or a configured name', () => {
    expect(new AccountDirectory(config()).tryResolve('staging')).toEqual({
      ok: true,
      account: { id: '333333333333', name: 'staging' },
    });
  });

  it('answers an unknown word with what was wrong and the known names', () => {
    expect(new AccountDirectory(config()).tryResolve('prod-paymnets')).toEqual({
      ok: false,
      problem:
        '"prod-paymnets" is neither a 12-digit account id nor a configured account name. Known names: management, prod-payments, staging.',
    });
  });

  it('lists 20 known names and counts the rest when there are many', () => {
    const accounts = Array.from({ length: 25 }, (_, i) => ({
      id: String(100000000000 + i),
      name: `team-${i}`,
      roles: {},
    }));
    const choice = new AccountDirectory({ ...config(), accounts }).tryResolve('nope');
    expect(choice.ok).toBe(false);
    const problem = choice.ok ? '' : choice.problem;
    expect(problem).toContain('team-0, team-1,');
    expect(problem).toContain('team-19 and 5 more.');
    expect(problem).not.toContain('team-20');
  });

  it('says an account is missing for an empty word', () => {
    const choice = new AccountDirectory(config()).tryResolve('  ');
    expect(choice).toMatchObject({ ok: false, problem: expect.stringMatching(/^An account is missing/) });
  });
});
