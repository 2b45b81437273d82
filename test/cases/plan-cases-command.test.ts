import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { CASES_CONFIG_DEFAULTS } from '../../src/cases/config-schema';
import { planCasesCommand } from '../../src/cases/plan-cases-command';

const accountsConfig = [
  { id: '222222222222', name: 'prod-payments', roles: {} },
  { id: '333333333333', name: 'staging', roles: {} },
];
const accounts = new AccountDirectory({
  organization: { partition: 'aws', lookUpAccountNames: false },
  accounts: accountsConfig,
  roles: {},
});
const input = (text: string) => ({
  text,
  triggerId: '1234.5678.abcd',
  reply: { responseUrl: 'https://hooks.slack.com/commands/T1/1/x', userId: 'U1', channelId: 'C1' },
});
const deps = (accountSource: 'config' | 'organization' = 'config') => ({
  config: { cases: { ...CASES_CONFIG_DEFAULTS, accountSource }, accounts: accountsConfig },
  accounts,
});

describe('planCasesCommand', () => {
  it('starts a job keyed by the trigger id and says how many accounts it covers', () => {
    const plan = planCasesCommand(input('30d status=open'), deps());
    expect(plan).toMatchObject({
      type: 'job',
      job: { kind: 'cases', id: '1234.5678.abcd', query: { windowText: '30d', status: 'open' } },
      working: 'Collecting support cases (every case open now, any creation date) from 2 accounts…',
    });
    expect(planCasesCommand(input('30d'), deps())).toMatchObject({
      working: 'Collecting support cases (last 30d) from 2 accounts…',
    });
  });

  it('says a coverage check is one', () => {
    expect(planCasesCommand(input('coverage'), deps())).toMatchObject({
      job: { query: { coverage: true } },
      working: 'Checking which of 2 accounts the case report can read…',
    });
  });

  it('names the one account asked for, or the organisation', () => {
    expect(planCasesCommand(input('account=staging'), deps())).toMatchObject({
      working: expect.stringContaining('from account staging'),
    });
    expect(planCasesCommand(input(''), deps('organization'))).toMatchObject({
      working: expect.stringContaining('from every account in the organization'),
    });
  });

  it('answers a bad word at once with the usage', () => {
    const plan = planCasesCommand(input('severity=panic'), deps());
    expect(plan.type).toBe('reply');
    expect(JSON.stringify(plan)).toContain('/aws-cases');
  });
});
