import { describe, expect, it } from 'vitest';
import { homeModel } from '../../src/home/home-model';
import type { HomeItem } from '../../src/store/home-items';

const NOW = new Date('2026-12-02T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const prod = { id: '222222222222', name: 'prod-payments' };
const staging = { id: '333333333333', name: 'staging' };

function health(
  key: string,
  account: { id: string; name: string },
  category: string,
  status: 'open' | 'upcoming' | 'closed',
): HomeItem {
  return {
    kind: 'health',
    key,
    account,
    at: ago(1),
    fields: {
      eventArn: key,
      service: 'EC2',
      eventTypeCode: 'AWS_EC2_X',
      category,
      status,
      region: 'us-east-1',
    },
  };
}

describe('homeModel', () => {
  it('counts each event once across accounts, by severity of status, and leaves closed ones out', () => {
    const items = [
      health('arn:issue', prod, 'issue', 'open'),
      health('arn:issue', staging, 'issue', 'open'),
      health('arn:notice', staging, 'accountNotification', 'open'),
      health('arn:change', staging, 'scheduledChange', 'upcoming'),
      health('arn:closed', prod, 'issue', 'closed'),
    ];

    const model = homeModel({ userId: 'U0ADA0001', items, now: NOW, mayUnmute: false });

    expect(model.header.health).toEqual({ openIssues: 1, open: 1, upcoming: 1 });
    expect(model.accounts.flatMap((a) => a.health.map((h) => h.key))).not.toContain('arn:closed');
  });

  it('puts the account with an open issue before one with more but milder items', () => {
    const items = [
      health('arn:a', staging, 'accountNotification', 'open'),
      health('arn:b', staging, 'scheduledChange', 'upcoming'),
      health('arn:c', prod, 'issue', 'open'),
    ];

    const model = homeModel({ userId: 'U0ADA0001', items, now: NOW, mayUnmute: false });

    expect(model.accounts.map((a) => a.account.id)).toEqual([prod.id, staging.id]);
  });

  it('counts catalog failures of the last 7 days and launches of the last 24 h only', () => {
    const catalog = (key: string, hours: number): HomeItem => ({
      kind: 'catalog',
      key,
      account: prod,
      at: ago(hours),
      fields: { stackName: 'SC-222222222222-pp-x', status: 'ROLLBACK_COMPLETE', region: 'us-east-1' },
    });
    const launch = (key: string, hours: number, launcherUserId: string): HomeItem => ({
      kind: 'launch',
      key,
      account: prod,
      at: ago(hours),
      fields: {
        noticeId: key,
        launcher: 'alice',
        launcherUserId,
        owner: 'alice',
        resources: 'i-1',
        region: 'us-east-1',
      },
    });

    const model = homeModel({
      userId: 'U0ADA0001',
      items: [
        catalog('new', 24),
        catalog('old', 8 * 24),
        launch('n1', 2, 'U0ADA0001'),
        launch('n2', 30, 'U0OTHER01'),
      ],
      now: NOW,
      mayUnmute: false,
    });

    expect(model.header.catalogFailures).toBe(1);
    expect(model.header.launches).toBe(1);
    expect(model.yourLaunches.map((l) => l.key)).toEqual(['n1']);
  });

  it('takes open cases from the newest report only, with its time for the age', () => {
    const cases = (account: typeof prod, at: string, open: number): HomeItem => ({
      kind: 'cases',
      key: 'report',
      account,
      at,
      fields: { open, total: open, window: '7d' },
    });

    const model = homeModel({
      userId: 'U0ADA0001',
      items: [cases(prod, ago(30), 2), cases(staging, ago(200), 5)],
      now: NOW,
      mayUnmute: false,
    });

    expect(model.header.cases).toEqual({ open: 2, reportedAt: ago(30), window: '7d', accountsNotRead: 0 });
    expect(model.accounts.map((a) => a.account.id)).toEqual([prod.id]);
  });

  it('counts the accounts the newest case report could not read', () => {
    const model = homeModel({
      userId: 'U0ADA0001',
      items: [
        {
          kind: 'cases',
          key: 'report',
          account: prod,
          at: ago(30),
          fields: { open: 1, total: 1, window: '7d' },
        },
        {
          kind: 'cases',
          key: 'report',
          account: staging,
          at: ago(30),
          fields: { open: 0, total: 0, window: '7d', unread: true },
        },
      ],
      now: NOW,
      mayUnmute: false,
    });

    expect(model.header.cases).toEqual({ open: 1, reportedAt: ago(30), window: '7d', accountsNotRead: 1 });
  });

  it('lists mutes that have not ended', () => {
    const mute = (key: string, until: string): HomeItem => ({
      kind: 'mute',
      key,
      at: ago(5),
      fields: { muteId: key, scope: 'EC2 everywhere', until, by: 'U0ADA0001' },
    });

    const model = homeModel({
      userId: 'U0ADA0001',
      items: [mute('mute-live', ago(-5)), mute('mute-ended', ago(1))],
      now: NOW,
      mayUnmute: true,
    });

    expect(model.mutes.map((m) => m.key)).toEqual(['mute-live']);
  });
});
