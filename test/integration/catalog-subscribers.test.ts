import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../src/store/subscriptions';
import { catalogFixtureWith, ROLLBACK_TOKEN } from '../support/catalog-fixtures';
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
});
