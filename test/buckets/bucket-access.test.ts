import { describe, expect, it } from 'vitest';
import { bucketPatternProblem, mayRunBucketCommand } from '../../src/buckets/bucket-access';
import { parseConfig } from '../../src/config/load-config';

const config = parseConfig(
  `slack: { defaultChannel: C0ALERTS01, admins: { users: [U0ADMIN01], userGroups: [S0ADMINS1] } }
buckets:
  allow:
    create: { users: [U0MAKER01], userGroups: [S0MAKERS1] }
  namePatterns:
    staging: ["stg-*"]
    "222222222222": ["payments-public-*"]`,
  'test',
);
const groups: Record<string, string[]> = { S0ADMINS1: ['U0GADMIN1'], S0MAKERS1: ['U0GMAKER1'] };
const groupMembers = async (id: string) => groups[id] ?? [];

describe('mayRunBucketCommand', () => {
  it.each([
    ['U0MAKER01', 'create', true],
    ['U0GMAKER1', 'create', true],
    ['U0ADMIN01', 'create', true],
    ['U0GADMIN1', 'website', true],
    ['U0MAKER01', 'website', false],
    ['U0NOBODY1', 'create', false],
    ['U0NOBODY1', 'ls', true],
    ['U0NOBODY1', 'info', true],
  ] as const)('%s may run %s: %s', async (user, sub, expected) => {
    expect(await mayRunBucketCommand(sub, user, config, groupMembers)).toBe(expected);
  });

  it('treats a group Slack cannot list as empty', async () => {
    const failing = async () => [];

    expect(await mayRunBucketCommand('create', 'U0GMAKER1', config, failing)).toBe(false);
  });
});

describe('bucketPatternProblem', () => {
  it.each([
    ['stg-a', { id: '333333333333', name: 'staging' }, undefined],
    ['stg-a', { id: '333333333333', name: 'STAGING' }, undefined],
    ['payments-public-site', { id: '222222222222', name: 'prod-payments' }, undefined],
    [
      'payments-ledger',
      { id: '222222222222', name: 'prod-payments' },
      /only changes buckets named payments-public-\*/,
    ],
    ['stg-a', { id: '111111111111', name: 'management' }, /no entry for that account/],
  ])('%s in %j', (bucket, account, expected) => {
    const problem = bucketPatternProblem(bucket, account, config);

    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});
