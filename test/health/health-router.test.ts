import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { ConfigError } from '../../src/config/config-error';
import { healthConfigSchema } from '../../src/health/config-schema';
import { HealthRouter, type RouteSubject } from '../../src/health/health-router';

const accounts = new AccountDirectory({
  accounts: [
    { id: '222222222222', name: 'prod-payments', roles: {} },
    { id: '333333333333', name: 'staging', roles: {} },
  ],
  roles: {},
  organization: { partition: 'aws', lookUpAccountNames: false },
});

const subject = (overrides: Partial<RouteSubject> = {}): RouteSubject => ({
  category: 'issue',
  service: 'EC2',
  eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
  accountId: '222222222222',
  region: 'eu-west-1',
  status: 'open',
  ...overrides,
});

function router(health: unknown): HealthRouter {
  return new HealthRouter(healthConfigSchema.parse(health), 'C0DEFAULT1', accounts);
}

const NOW = new Date('2024-05-14T09:00:00Z');

describe('HealthRouter', () => {
  const rules = router({
    routes: [
      { name: 'prod', accounts: ['prod-payments'], categories: ['issue'], channels: ['C0PROD0001'] },
      {
        name: 'ec2-eu',
        services: ['ec2'],
        regions: ['eu-*'],
        excludeEventTypes: ['*_SCHEDULED'],
        channels: ['C0EC2EU001', 'C0PROD0001'],
      },
      { eventTypes: ['AWS_RDS_*'], statuses: ['upcoming'], channels: ['C0MAINT001'] },
    ],
    mute: [
      { name: 'billing', services: ['BILLING'] },
      { name: 'migration', accounts: ['333333333333'], until: '2024-06-01T00:00:00Z' },
    ],
  });

  it('sends to every matching route once, naming the rules', () => {
    expect(rules.route(subject(), NOW)).toEqual({
      channels: ['C0PROD0001', 'C0EC2EU001'],
      reason: 'health.routes[0] prod, health.routes[1] ec2-eu',
    });
  });

  it('matches globs case-insensitively and honours the deny list', () => {
    const decision = rules.route(
      subject({ accountId: '444444444444', eventTypeCode: 'AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED' }),
      NOW,
    );
    expect(decision.channels).toEqual(['C0DEFAULT1']);
    expect(decision.reason).toMatch(/default/);
  });

  it('matches status and event-type patterns', () => {
    const rds = subject({
      accountId: '444444444444',
      service: 'RDS',
      eventTypeCode: 'AWS_RDS_MAINTENANCE_SCHEDULED',
      category: 'scheduledChange',
      region: 'us-east-1',
    });
    expect(rules.route({ ...rds, status: 'upcoming' }, NOW).channels).toEqual(['C0MAINT001']);
    expect(rules.route({ ...rds, status: 'open' }, NOW).channels).toEqual(['C0DEFAULT1']);
  });

  it('mutes first, and a mute with `until` ends by itself', () => {
    expect(rules.route(subject({ service: 'BILLING' }), NOW)).toEqual({
      channels: [],
      reason: 'muted by health.mute[0] billing',
      muted: true,
    });
    expect(rules.route(subject({ accountId: '333333333333' }), NOW).channels).toEqual([]);
    expect(
      rules.route(
        subject({ accountId: '333333333333', region: 'us-east-1' }),
        new Date('2024-06-02T00:00:00Z'),
      ).channels,
    ).toEqual(['C0DEFAULT1']);
  });

  it('says so when no rule and no default channel sends the event anywhere', () => {
    const none = router({ defaultChannels: [], routes: [{ services: ['RDS'], channels: ['C0RDS00001'] }] });
    expect(none.route(subject(), NOW)).toEqual({
      channels: [],
      reason: 'no route matched and no default channel',
    });
  });

  it('stops at start-up when a rule names an unknown account', () => {
    expect(() => router({ routes: [{ accounts: ['prod-paymnets'], channels: ['C0PROD0001'] }] })).toThrow(
      ConfigError,
    );
    expect(() => router({ routes: [{ accounts: ['prod-paymnets'], channels: ['C0PROD0001'] }] })).toThrow(
      /health\.routes\[0\]\.accounts\[0\]/,
    );
  });
});
