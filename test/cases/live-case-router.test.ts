import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { liveCaseRouter } from '../../src/cases/live-case-router';
import { appConfigSchema } from '../../src/config/schema';

const config = appConfigSchema.parse({
  slack: { defaultChannel: 'C0ALERTS01' },
  accounts: [{ id: '222222222222', name: 'prod-payments' }],
  cases: {
    live: {
      enabled: true,
      routes: [
        { accounts: ['prod-payments'], channels: ['C0PAYMENTS'] },
        { severities: ['urgent', 'critical'], channels: ['C0URGENT01', 'C0PAYMENTS'] },
      ],
    },
  },
});

describe('liveCaseRouter', () => {
  const route = liveCaseRouter(config.cases.live, config.slack.defaultChannel, new AccountDirectory(config));

  it('sends a case to every matching route once, routed by account and severity like Health', () => {
    expect(route({ accountId: '222222222222', severity: 'urgent' })).toEqual(['C0PAYMENTS', 'C0URGENT01']);
    expect(route({ accountId: '333333333333', severity: 'critical' })).toEqual(['C0URGENT01', 'C0PAYMENTS']);
    expect(route({ accountId: '222222222222', severity: 'low' })).toEqual(['C0PAYMENTS']);
  });

  it('sends the rest to cases.live.channel, else the default channel', () => {
    expect(route({ accountId: '333333333333', severity: 'low' })).toEqual(['C0ALERTS01']);
  });

  it('refuses an account name it does not know, naming the rule', () => {
    const bad = { ...config.cases.live, routes: [{ accounts: ['nope'], channels: ['C0X0000001'] }] };

    expect(() => liveCaseRouter(bad, 'C0ALERTS01', new AccountDirectory(config))).toThrow(
      /Invalid cases.live routing/,
    );
  });
});
