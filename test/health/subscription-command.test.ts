import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';
import { maySubscribe } from '../../src/health/subscribe-permission';
import {
  answerSubscriptionCommand,
  parseSubscriptionArgs,
  subscriptionVerbOf,
} from '../../src/health/subscription-command';
import { subscriptionTargetOf } from '../../src/health/subscription-request';
import type { StateStore } from '../../src/store/state-store';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { useLocalStateStore } from '../support/local-state-store';

const config = parseConfig(
  `
accounts:
  - { id: "222222222222", name: prod-payments }
slack: { defaultChannel: C0ALERTS01 }
`,
  'test',
);
const accounts = new AccountDirectory(config);
const textOf = (reply: { text: string; blocks: unknown[] }) =>
  `${reply.text} ${JSON.stringify(reply.blocks)}`;

describe('/aws-health subscribe arguments', () => {
  it('knows its three verbs and leaves every other /aws-health word alone', () => {
    expect(subscriptionVerbOf('subscribe service EC2')).toBe('subscribe');
    expect(subscriptionVerbOf('UNSUBSCRIBE account prod-payments')).toBe('unsubscribe');
    expect(subscriptionVerbOf('subscriptions')).toBe('subscriptions');
    expect(subscriptionVerbOf('mutes')).toBeUndefined();
    expect(subscriptionVerbOf('')).toBeUndefined();
  });

  it('reads <kind> <value> [in <account>]', () => {
    expect(parseSubscriptionArgs(['service', 'EC2', 'in', 'prod-payments'])).toEqual({
      ok: true,
      fields: { service: 'EC2', account: 'prod-payments' },
    });
    expect(parseSubscriptionArgs(['event-type', 'AWS_VPN_*'])).toEqual({
      ok: true,
      fields: { eventType: 'AWS_VPN_*' },
    });
    expect(parseSubscriptionArgs(['account', 'prod-payments'])).toEqual({
      ok: true,
      fields: { account: 'prod-payments' },
    });
  });

  it('says what was wrong and gives an example', () => {
    const unknownKind = parseSubscriptionArgs(['region', 'us-east-1']);
    const missing = parseSubscriptionArgs(['service']);
    const trailing = parseSubscriptionArgs(['service', 'EC2', 'at', 'prod']);

    expect(unknownKind).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"region" is not account'),
    });
    expect(missing).toMatchObject({ ok: false, problem: expect.stringContaining('Give the service') });
    expect(trailing).toMatchObject({ ok: false, problem: expect.stringContaining('only "in <account>"') });
    expect(unknownKind.ok || unknownKind.problem).toContain(
      '/aws-health subscribe service EC2 in prod-payments',
    );
  });
});

describe('subscriptionTargetOf', () => {
  it('resolves account names and makes one target of account + one other field', () => {
    expect(subscriptionTargetOf({ account: 'PROD-PAYMENTS' }, accounts)).toEqual({
      ok: true,
      target: { kind: 'account', accountId: '222222222222' },
      accountName: 'prod-payments',
    });
    expect(subscriptionTargetOf({ category: 'scheduledchange', account: ' ' }, accounts)).toEqual({
      ok: true,
      target: { kind: 'category', category: 'scheduledChange', accountId: undefined },
    });
  });

  it('refuses with the field at fault: nothing given, two kinds, unknown account, bad glob', () => {
    expect(subscriptionTargetOf({}, accounts)).toMatchObject({ ok: false, field: 'account' });
    expect(subscriptionTargetOf({ service: 'EC2', eventType: 'X' }, accounts)).toMatchObject({
      ok: false,
      field: 'eventType',
    });
    expect(subscriptionTargetOf({ account: 'prod-paymets', service: 'EC2' }, accounts)).toMatchObject({
      ok: false,
      field: 'account',
      problem: expect.stringContaining('prod-payments'),
    });
    expect(subscriptionTargetOf({ eventType: 'AWS EC2' }, accounts)).toMatchObject({
      ok: false,
      field: 'eventType',
    });
    expect(subscriptionTargetOf({ category: 'outage' }, accounts)).toMatchObject({
      ok: false,
      field: 'category',
    });
  });
});

describe('answerSubscriptionCommand against dynalite', () => {
  let store: StateStore;
  useLocalStateStore('subscription-command-test', (s) => {
    store = s;
  });
  const answer = (text: string) =>
    answerSubscriptionCommand(text, 'U0ADA00001', {
      subscriptions: new SubscriptionStore(store),
      store,
      accounts,
      maySubscribe: async () => true,
    });

  it('subscribes once, says so the second time, lists, unsubscribes, and audits', async () => {
    const first = await answer('subscribe service ec2 in prod-payments');
    const second = await answer('subscribe service EC2 in 222222222222');
    const list = await answer('subscriptions');
    const removed = await answer('unsubscribe service EC2 in prod-payments');
    const again = await answer('unsubscribe service EC2 in prod-payments');

    expect(textOf(first)).toContain('Subscribed: every EC2 event in prod-payments');
    expect(textOf(second)).toContain('already subscribed');
    expect(textOf(list)).toContain('every EC2 event in prod-payments');
    expect(textOf(list)).toContain('home_subscription_remove');
    expect(textOf(removed)).toContain('Unsubscribed: every EC2 event in prod-payments');
    expect(textOf(again)).toContain('no subscription to every EC2 event in prod-payments');
    const audit = await store.listAudit('health.subscribe');
    expect(audit.filter((a) => a.actor === 'U0ADA00001')).toHaveLength(1);
  });

  it('answers a bad input with the problem, the usage and an example, and stores nothing', async () => {
    const reply = await answer('subscribe service EC2 in nowhere');

    expect(textOf(reply)).toContain('nowhere');
    expect(textOf(reply)).toContain('Usage: /aws-health subscribe account');
    expect(textOf(reply)).toContain('For example');
    expect(await new SubscriptionStore(store).listForUser('U0ADA00001')).toEqual([]);
  });

  it('refuses a person health.subscribeAllowed does not name, stores nothing and audits the refusal', async () => {
    const limited = {
      ...config,
      health: { ...config.health, subscribeAllowed: { users: ['U0LI000001'], userGroups: ['S0ONCALL01'] } },
    };
    const groups = async (group: string) => (group === 'S0ONCALL01' ? ['U0GRP00001'] : []);
    const asUser = (userId: string) =>
      answerSubscriptionCommand('subscribe account prod-payments', userId, {
        subscriptions: new SubscriptionStore(store),
        store,
        accounts,
        maySubscribe: (id) => maySubscribe(id, limited, groups),
      });

    const refused = await asUser('U0EVE00001');
    const listed = await asUser('U0LI000001');
    const inGroup = await asUser('U0GRP00001');

    expect(textOf(refused)).toContain('health.subscribeAllowed');
    expect(await new SubscriptionStore(store).listForUser('U0EVE00001')).toEqual([]);
    expect(textOf(listed)).toContain('Subscribed');
    expect(textOf(inGroup)).toContain('Subscribed');
    const refusals = (await store.listAudit('health.subscribe')).filter((a) => a.result === 'refused');
    expect(refusals.map((a) => a.actor)).toEqual(['U0EVE00001']);
    // Unset, everyone may subscribe (the default).
    expect(await maySubscribe('U0EVE00001', config, groups)).toBe(true);
  });
});
