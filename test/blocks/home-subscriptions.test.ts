import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import {
  HOME_SUBSCRIPTION_ADD,
  HOME_SUBSCRIPTION_REMOVE,
  HOME_SUBSCRIPTION_VIEW,
  homeSubscriptionsSection,
  type SubscriptionLine,
  subscriptionModal,
  subscriptionPlain,
} from '../../blocks/home-subscriptions';
import { HEALTH_CATEGORIES } from '../../src/health/config-schema';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';

const line = (i: number): SubscriptionLine => ({
  id: `eventType#*#type_${i}`,
  target: { kind: 'eventType', pattern: `TYPE_${i}` },
});

describe('Home tab "Your subscriptions"', () => {
  it('lists each subscription with a Remove button bound to its id, then Add subscription…', () => {
    const blocks = homeSubscriptionsSection([
      {
        id: 'account#222222222222#',
        target: { kind: 'account', accountId: '222222222222' },
        accountName: 'prod',
      },
      { id: 'service#*#ec2', target: { kind: 'service', service: 'EC2' } },
    ]);

    expect(JSON.stringify(blocks)).toContain('everything in prod');
    expect(JSON.stringify(blocks)).toContain('every EC2 event in every account');
    const removes = blocks.flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [],
    );
    expect(removes.map((r) => [r.action_id, r.value])).toEqual([
      [HOME_SUBSCRIPTION_REMOVE, 'account#222222222222#'],
      [HOME_SUBSCRIPTION_REMOVE, 'service#*#ec2'],
    ]);
    expect(JSON.stringify(blocks.at(-1))).toContain(HOME_SUBSCRIPTION_ADD);
    expect(checkSlackLimits({ text: 'Home', blocks })).toEqual([]);
  });

  it('shows the first ten and counts the rest, so the Home tab stays within its 100 blocks', () => {
    const blocks = homeSubscriptionsSection(Array.from({ length: 25 }, (_, i) => line(i)));

    expect(blocks).toHaveLength(1 + 10 + 1 + 1);
    expect(JSON.stringify(blocks)).toContain('and 15 more');
  });

  it('escapes what a person typed: a pattern cannot mention the channel', () => {
    const blocks = homeSubscriptionsSection([
      { id: 'x', target: { kind: 'eventType', pattern: '<!channel>_*' }, accountName: '<@U1>' },
    ]);

    expect(unsafeMrkdwn({ blocks })).toEqual([]);
  });

  it('says what each kind of subscription covers', () => {
    expect(
      subscriptionPlain({ kind: 'category', category: 'scheduledChange', accountId: '2'.repeat(12) }),
    ).toBe('every scheduledChange event in 222222222222');
    expect(subscriptionPlain({ kind: 'eventType', pattern: 'AWS_VPN_*' })).toBe(
      'event types AWS_VPN_* in every account',
    );
  });
});

describe('Add subscription modal', () => {
  it('asks for account, service, category and event type, within a modal’s limits', () => {
    const modal = subscriptionModal(HEALTH_CATEGORIES);

    expect(modal.callback_id).toBe(HOME_SUBSCRIPTION_VIEW);
    expect(modal.blocks.filter((b) => b.type === 'input')).toHaveLength(4);
    expect(checkSlackLimits(modal, 'modal')).toEqual([]);
  });
});
