import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { HOME_SUBSCRIPTION_REMOVE } from '../../blocks/home-subscriptions';
import { HOME_MINE, HOME_REFRESH, HOME_RETAG, HOME_UNMUTE, homeView } from '../../blocks/home-view';
import { homeModel } from '../../src/home/home-model';
import type { LaunchHomeItem } from '../../src/store/home-items';
import { manyHomeItems } from '../support/home-items-fixture';
import { messageTexts } from '../support/mrkdwn-safety';

const NOW = new Date('2026-12-02T12:00:00Z');
const USER = 'U0ADA0001';

const actionIds = (view: unknown) =>
  [...JSON.stringify(view).matchAll(/"action_id":"([^"]+)"/g)].map((m) => m[1]);

describe('homeView', () => {
  it('stays within 100 blocks and every Slack limit with 200 accounts and 1,000 items, counting the accounts left out', () => {
    const items = manyHomeItems({ accounts: 200, items: 1000, now: NOW, userId: USER });
    const subscriptions = Array.from({ length: 25 }, (_, i) => ({
      id: `sub-${i}`,
      target: { kind: 'service' as const, service: `SERVICE${i}` },
    }));
    const model = homeModel({ userId: USER, items, subscriptions, now: NOW, mayUnmute: true, audits: [] });

    const view = homeView(model);

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(checkSlackLimits(view, 'home')).toEqual([]);
    const texts = messageTexts(view).join('\n');
    expect(texts).toMatch(/…and \d+ more accounts with something open/);
    expect(model.accounts.length).toBeGreaterThan(100);
    expect(texts).toContain(`Accounts with something open (${model.accounts.length})`);
    expect(actionIds(view)).toEqual(
      expect.arrayContaining([HOME_REFRESH, HOME_RETAG, HOME_MINE, HOME_UNMUTE, HOME_SUBSCRIPTION_REMOVE]),
    );
    expect(texts).toContain('every SERVICE0 event in every account');
  });

  it('escapes names from AWS and people, so none becomes a mention or a link', () => {
    const items = manyHomeItems({ accounts: 3, items: 30, now: NOW, userId: USER });
    const view = homeView(homeModel({ userId: USER, items, now: NOW, mayUnmute: false }));

    const texts = messageTexts(view).join('\n');

    expect(texts).not.toContain('<!channel>');
    expect(texts).toContain('&lt;!channel&gt; &amp; co');
    expect(texts).toContain('product &lt;');
  });

  it('cuts a 3,000-character product name of "<" after escaping, inside its link to the alert', () => {
    const view = homeView(
      homeModel({
        userId: USER,
        items: [
          {
            kind: 'catalog',
            key: 'stack#ROLLBACK_COMPLETE',
            account: { id: '222222222222' },
            at: NOW.toISOString(),
            fields: {
              stackName: 'SC-222222222222-pp-x',
              product: '<'.repeat(3000),
              status: 'ROLLBACK_COMPLETE',
              region: 'eu-west-1',
              alert: { channelId: 'C0CATALOG1', ts: '1700000000.000100' },
            },
          },
        ],
        now: NOW,
        mayUnmute: false,
      }),
    );

    const link = /<https:\/\/slack\.com\/archives\/C0CATALOG1\/p1700000000000100\|([^>]*)>/.exec(
      messageTexts(view).join('\n'),
    );
    expect(link?.[1]).toMatch(/^(&lt;)+…$/);
    expect(link?.[1]?.length).toBeLessThanOrEqual(200);
  });

  it('shows the age of the case report and of Health lines not updated for a day', () => {
    const items = manyHomeItems({ accounts: 3, items: 30, now: NOW, userId: USER });
    const view = homeView(homeModel({ userId: USER, items, now: NOW, mayUnmute: false }));

    const texts = messageTexts(view).join('\n');

    expect(texts).toMatch(/open support cases? \(of cases opened in the last 7d\) · report 3 d old/);
    expect(texts).toMatch(/open support cases? \(of cases opened in the last 7d; report 3 d old\)/);
  });

  it('offers Unmute only to people allowed to unmute', () => {
    const items = manyHomeItems({ accounts: 3, items: 30, now: NOW, userId: USER });

    const refused = homeView(homeModel({ userId: USER, items, now: NOW, mayUnmute: false }));
    const allowed = homeView(homeModel({ userId: USER, items, now: NOW, mayUnmute: true }));

    expect(actionIds(refused)).not.toContain(HOME_UNMUTE);
    expect(actionIds(allowed)).toContain(HOME_UNMUTE);
  });

  it('says nothing is open when no account has anything, and shows the admin audit lines', () => {
    const view = homeView(
      homeModel({
        userId: USER,
        items: [],
        now: NOW,
        mayUnmute: false,
        audits: [
          { action: 'health.mute', actor: USER, target: '<b>EC2</b>', result: 'ok', at: NOW.toISOString() },
        ],
      }),
    );

    const texts = messageTexts(view).join('\n');
    expect(texts).toContain('Nothing open in any account');
    expect(texts).toContain('*health.mute* &lt;b&gt;EC2&lt;/b&gt; · ok');
  });

  it('says how many items were not read when a kind passed its read cap', () => {
    const capped = homeView(
      homeModel({ userId: USER, items: [], now: NOW, mayUnmute: false, notRead: 1234 }),
    );
    const whole = homeView(homeModel({ userId: USER, items: [], now: NOW, mayUnmute: false }));

    expect(messageTexts(capped).join('\n')).toContain('…1234 items not shown (over the read cap)');
    expect(messageTexts(whole).join('\n')).not.toContain('not shown');
  });

  it("offers no Retag / It's mine on a launch whose notice has none (a service notice)", () => {
    const launch = (actions?: false): LaunchHomeItem => ({
      kind: 'launch',
      key: actions === false ? 'service#1' : 'n-1',
      account: { id: '222222222222' },
      at: NOW.toISOString(),
      fields: {
        noticeId: actions === false ? 'service#1' : 'n-1',
        launcher: 'dave',
        launcherUserId: USER,
        owner: 'dave',
        resources: 'orders-db',
        region: 'us-east-1',
        ...(actions === false ? { actions } : {}),
      },
    });

    const service = homeView(homeModel({ userId: USER, items: [launch(false)], now: NOW, mayUnmute: false }));
    const ec2 = homeView(homeModel({ userId: USER, items: [launch()], now: NOW, mayUnmute: false }));

    expect(actionIds(service)).not.toContain(HOME_RETAG);
    expect(actionIds(ec2)).toContain(HOME_RETAG);
  });
});
