import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { catalogFixtureWith, PAYMENTS_STACK_ID, ROLLBACK_TOKEN } from '../support/catalog-fixtures';
import { CatalogHarness } from '../support/catalog-harness';

const ADA = 'U0ADA00001';
/** The Slack stand-in answers conversations.open for U… with D… (the rest of the id kept). */
const ADA_DM = 'D0ADA00001';
const LI = 'U0LI000001';

describe('catalog-event handler: a failure also reaches the people subscribed to its account', () => {
  const harness = new CatalogHarness();
  beforeAll(async () => {
    await harness.start();
    harness.answerFromFixtures();
    const subscriptions = new SubscriptionStore(harness.store);
    await subscriptions.add(ADA, { kind: 'account', accountId: '222222222222' }, 'command');
    await subscriptions.add(LI, { kind: 'account', accountId: '333333333333' }, 'command');
    await subscriptions.add(LI, { kind: 'service', service: 'CLOUDFORMATION' }, 'command');
  });
  afterAll(() => harness.stop());

  it('DMs the account’s subscriber once, without the channel’s mention, and nobody else', async () => {
    const failure = catalogFixtureWith('sns-stack-rollback-complete', ROLLBACK_TOKEN, 'token-subscribed');

    await harness.handler(failure);
    await harness.handler(failure); // SNS delivers at least once

    const opened = harness.slack.callsOf('conversations.open').map((c) => c.body.users);
    expect(opened).toEqual([ADA]);
    const dms = harness.posts().filter((p) => p.channel === ADA_DM);
    expect(dms).toHaveLength(1);
    expect(JSON.stringify(dms[0]?.blocks)).toContain('payments-artifacts-bucket');
    expect(JSON.stringify(dms[0]?.blocks)).not.toContain('<!subteam^');
    expect(harness.posts().filter((p) => p.channel === 'C0PAYMENTS')).toHaveLength(1);
  });

  it('still alerts the channel when the subscriber’s DM cannot be opened', async () => {
    harness.slack.answers.set('conversations.open', () => ({ ok: false, error: 'user_not_found' }));
    const before = harness.posts().length;

    await harness.handler(
      catalogFixtureWith('sns-stack-rollback-complete', ROLLBACK_TOKEN, 'token-dm-fails'),
    );

    const posted = harness.posts().slice(before);
    expect(posted.map((p) => p.channel)).toEqual(['C0PAYMENTS']);
    harness.slack.answers.delete('conversations.open');
  });

  it('a retry after the channel post (the first invocation slow in its DMs) alerts and DMs nobody again', async () => {
    const failure = catalogFixtureWith('sns-stack-rollback-complete', ROLLBACK_TOKEN, 'token-slow-dm');
    const channelBefore = harness.posts().filter((p) => p.channel === 'C0PAYMENTS').length;
    const dmsBefore = harness.posts().filter((p) => p.channel === ADA_DM).length;
    let throttled = false;
    // The first DM waits out a 429, as conversations.open (Tier 3) does in a burst.
    harness.slack.throttle = (call) => {
      if (call.method !== 'conversations.open' || throttled) return undefined;
      throttled = true;
      return 1;
    };

    const slow = harness.handler(failure);
    await vi.waitFor(() => expect(throttled).toBe(true), { timeout: 5000, interval: 20 });
    // Lambda gave up on the slow invocation and its send lease lapsed: the async retry runs.
    await harness.store.release(`catalog-alert#${PAYMENTS_STACK_ID}#ROLLBACK_COMPLETE#sending`);
    await harness.handler(failure);
    await slow;
    harness.slack.throttle = undefined;

    const channel = harness.posts().filter((p) => p.channel === 'C0PAYMENTS').length;
    const dms = harness.posts().filter((p) => p.channel === ADA_DM).length;
    expect(channel - channelBefore).toBe(1);
    expect(dms - dmsBefore).toBe(1);
  });

  it('sends no DM once the invocation has too little time left, and the channel alert stands', async () => {
    const failure = catalogFixtureWith('sns-stack-rollback-complete', ROLLBACK_TOKEN, 'token-no-time');
    const before = harness.posts().length;
    const openedBefore = harness.slack.callsOf('conversations.open').length;

    await harness.handler(failure, {
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:catalogEvent',
      getRemainingTimeInMillis: () => 5_000,
    });

    expect(
      harness
        .posts()
        .slice(before)
        .map((p) => p.channel),
    ).toEqual(['C0PAYMENTS']);
    expect(harness.slack.callsOf('conversations.open')).toHaveLength(openedBefore);
  });
});
