import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HEALTH_SUBSCRIBE_ACCOUNT } from '../../blocks/health-actions';
import { saveMute } from '../../src/health/health-mutes';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { HealthBotHarness } from '../support/health-bot-harness';
import { anotherHealthEvent, healthFixture } from '../support/health-harness';
import type { RecordedCall } from '../support/slack-stand-in';

type Handler = (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<void>;

const ADA = 'U0ADA00001';
/** The Slack stand-in answers conversations.open for U… with D… (the rest of the id kept). */
const ADA_DM = 'D0ADA00001';
const PROD_OPS = 'C0PRODOPS1';
const PROD = '222222222222';
const lambdaContext = { getRemainingTimeInMillis: () => 60_000 };

/**
 * "Notify me about this account" clicked on a posted alert (slack-http as Slack calls it, a block_actions payload
 * shaped after Slack's docs), then Health deliveries through the bundled healthEvent function: the subscriber
 * gets the event in their DM as one living message (conversations.open + chat.postMessage, then chat.update),
 * and a muted scope reaches nobody.
 */
describe('Health subscriptions: subscribe from an alert, then the bundled healthEvent DMs the subscriber', () => {
  const bot = new HealthBotHarness();
  let healthEvent: Handler;
  let alertTs = '';
  const dmPosts = () =>
    bot.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === ADA_DM && !c.body.thread_ts);
  const subscribeClick = (triggerId: string) =>
    bot.click({
      actionId: HEALTH_SUBSCRIBE_ACCOUNT,
      userId: ADA,
      channel: PROD_OPS,
      ts: alertTs,
      value: PROD,
      triggerId,
    });
  const answerTo = (triggerId: string): string =>
    JSON.stringify(
      bot.slack.callsOf('response_url').find((c) => c.path.endsWith(`/${triggerId}`))?.body ?? {},
    );

  beforeAll(async () => {
    await bot.start();
    await bot.deliver('ec2-issue-open');
    const alert = bot.slack.callsOf('chat.postMessage').find((c) => c.body.channel === PROD_OPS);
    alertTs = String(alert?.ts);
  });
  afterAll(() => bot.stop());

  it('offers "Notify me about this account" and "… this service" on the alert', () => {
    const alert = bot.slack
      .callsOf('chat.postMessage')
      .find((c) => c.body.channel === PROD_OPS) as RecordedCall;
    const json = JSON.stringify(alert.body.blocks);
    expect(json).toContain('Notify me about this account');
    expect(json).toContain('Notify me about this service');
  });

  it('subscribes the clicker once: the second click says already subscribed', async () => {
    await subscribeClick('sub-1');
    await subscribeClick('sub-2');

    expect(answerTo('sub-1')).toContain('Subscribed: everything in prod-payments');
    expect(answerTo('sub-2')).toContain('already subscribed to everything in prod-payments');
    expect(JSON.parse(answerTo('sub-2')).replace_original).toBe(false);
    expect((await bot.store.listAudit('health.subscribe')).filter((a) => a.actor === ADA)).toHaveLength(1);
  });

  it('DMs a matching event once (conversations.open + chat.postMessage), and edits that DM on its update', async () => {
    const built = inject('bundles');
    ({ handler: healthEvent } = loadBundle<{ handler: Handler }>(built.files.healthEvent ?? '', {
      CHATOPS_CONFIG: configAsPackaged(
        resolve('test/fixtures/health/chatops-health-actions.yaml'),
        built.dir,
      ),
    }));
    const event = anotherHealthEvent('ec2-issue-open', 'subscribed');
    const update = anotherHealthEvent('ec2-issue-update', 'subscribed');

    await healthEvent(event, lambdaContext);
    await healthEvent(event, lambdaContext); // EventBridge delivers at least once

    const opens = bot.slack.callsOf('conversations.open');
    expect(opens.map((c) => c.body.users)).toContain(ADA);
    expect(dmPosts()).toHaveLength(1);
    const dm = dmPosts()[0] as RecordedCall;
    expect(JSON.stringify(dm.body.blocks)).toContain('prod-payments');

    await healthEvent(update, lambdaContext);

    const edits = bot.slack.callsOf('chat.update').filter((c) => c.body.channel === ADA_DM);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.body.ts).toBe(dm.ts);
    expect(dmPosts()).toHaveLength(1);
  });

  it('sends no DM for an event a mute covers (the subscription does not bypass it), one for an event it does not', async () => {
    const now = new Date();
    await saveMute(
      bot.store,
      {
        id: 'mute-subscriptions-test',
        scope: { kind: 'eventType', eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE', accountId: PROD },
        until: new Date(now.getTime() + 86_400_000).toISOString(),
        by: 'U0ONCALL1',
        at: now.toISOString(),
        eventArn: String((healthFixture('ec2-issue-open').detail as { eventArn: string }).eventArn),
        alert: { channelId: PROD_OPS, ts: alertTs },
      },
      now,
    );
    const before = dmPosts().length;

    await healthEvent(anotherHealthEvent('ec2-issue-open', 'muted'), lambdaContext);
    const afterMuted = dmPosts().length;
    await healthEvent(
      anotherHealthEvent('ec2-issue-open', 'not-muted', (detail) => {
        detail.eventTypeCode = 'AWS_EC2_INSTANCE_NETWORK_MAINTENANCE_SCHEDULED';
      }),
      lambdaContext,
    );

    expect(afterMuted).toBe(before);
    expect(dmPosts()).toHaveLength(before + 1); // the same subscription, outside the mute's scope
  });
});
