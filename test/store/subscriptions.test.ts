import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../src/store/state-store';
import {
  MAX_SUBSCRIPTIONS_PER_USER,
  SubscriptionStore,
  type SubscriptionTarget,
  subscriptionMatches,
  subscriptionTargetSchema,
} from '../../src/store/subscriptions';
import { useLocalStateStore } from '../support/local-state-store';

const PROD = '222222222222';
const VPN_LOSS = {
  accountId: PROD,
  service: 'VPN',
  category: 'issue',
  eventTypeCode: 'AWS_VPN_REDUNDANCY_LOSS',
};

describe('subscriptionMatches', () => {
  const matches = (target: SubscriptionTarget, subject = VPN_LOSS) => subscriptionMatches(target, subject);

  it('matches an account subscription on the account only', () => {
    expect(matches({ kind: 'account', accountId: PROD })).toBe(true);
    expect(matches({ kind: 'account', accountId: '333333333333' })).toBe(false);
    expect(subscriptionMatches({ kind: 'account', accountId: PROD }, { accountId: PROD })).toBe(true);
  });

  it('matches service and category whatever their case, in every account or the one named', () => {
    expect(matches({ kind: 'service', service: 'vpn' })).toBe(true);
    expect(matches({ kind: 'service', service: 'EC2' })).toBe(false);
    expect(matches({ kind: 'service', service: 'VPN', accountId: '333333333333' })).toBe(false);
    expect(matches({ kind: 'category', category: 'Issue', accountId: PROD })).toBe(true);
    expect(matches({ kind: 'category', category: 'scheduledChange' })).toBe(false);
  });

  it('matches event types by glob: * for any run, ? for one character, the whole code', () => {
    expect(matches({ kind: 'eventType', pattern: 'AWS_VPN_*' })).toBe(true);
    expect(matches({ kind: 'eventType', pattern: 'aws_vpn_redundancy_los?' })).toBe(true);
    expect(matches({ kind: 'eventType', pattern: 'AWS_VPN' })).toBe(false);
    expect(matches({ kind: 'eventType', pattern: '*_EC2_*' })).toBe(false);
  });

  it('never matches a catalog failure (account only) with a service, category or event-type subscription', () => {
    expect(subscriptionMatches({ kind: 'service', service: 'VPN' }, { accountId: PROD })).toBe(false);
    expect(subscriptionMatches({ kind: 'eventType', pattern: '*' }, { accountId: PROD })).toBe(false);
  });

  it('refuses targets a person cannot mean: a short account id, an empty service', () => {
    expect(subscriptionTargetSchema.safeParse({ kind: 'account', accountId: '1234' }).success).toBe(false);
    expect(subscriptionTargetSchema.safeParse({ kind: 'service', service: ' ' }).success).toBe(false);
  });
});

describe('SubscriptionStore against dynalite', () => {
  let state: StateStore;
  useLocalStateStore('subscriptions-test', (s) => {
    state = s;
  });
  let clock = new Date('2026-12-01T10:00:00.000Z');
  const store = (cacheMs?: number) => new SubscriptionStore(state, { cacheMs, now: () => clock });

  it('adds once per person and target, lists them, and removes only the owner’s', async () => {
    const subs = store();
    const target: SubscriptionTarget = { kind: 'service', service: 'EC2', accountId: PROD };

    const results = await Promise.all([
      subs.add('U0ADA00001', target, 'alert'),
      subs.add('U0ADA00001', { ...target, service: 'ec2' }, 'home'),
    ]);
    const again = await subs.add('U0ADA00001', target, 'command');
    const mine = await subs.listForUser('U0ADA00001');
    const byOther = await subs.remove('U0LI000001', mine[0]?.id ?? '');
    const removed = await subs.remove('U0ADA00001', mine[0]?.id ?? '');

    expect(results.filter((r) => r === 'added')).toHaveLength(1);
    expect(again).toBe('exists');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ userId: 'U0ADA00001', target });
    expect(byOther).toBeUndefined();
    expect(removed?.target).toEqual(target);
    expect(await subs.listForUser('U0ADA00001')).toEqual([]);
  });

  it('finds the subscribers of a delivery, each once, and sees a new subscription after the cache', async () => {
    const writer = store();
    const reader = store(5_000);
    await writer.add('U0BOB00001', { kind: 'account', accountId: PROD }, 'alert');
    await writer.add('U0BOB00001', { kind: 'eventType', pattern: 'AWS_VPN_*' }, 'command');
    await writer.add('U0CY000001', { kind: 'service', service: 'EC2' }, 'home');

    const first = await reader.subscribersFor(VPN_LOSS);
    await writer.add('U0DAN00001', { kind: 'category', category: 'issue' }, 'home');
    const cached = await reader.subscribersFor(VPN_LOSS);
    clock = new Date(clock.getTime() + 5_001);
    const fresh = await reader.subscribersFor(VPN_LOSS);

    expect(first).toEqual(['U0BOB00001']);
    expect(cached).toEqual(['U0BOB00001']);
    expect(fresh).toEqual(['U0BOB00001', 'U0DAN00001']);
  });

  it(`stops a person at ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions`, async () => {
    const subs = store();
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_USER; i += 1) {
      expect(await subs.add('U0FULL0001', { kind: 'eventType', pattern: `TYPE_${i}` }, 'command')).toBe(
        'added',
      );
    }

    expect(await subs.add('U0FULL0001', { kind: 'eventType', pattern: 'ONE_MORE' }, 'command')).toBe('full');
  });
});
