import { describe, expect, it } from 'vitest';
import type { AccountDirectory } from '../../src/aws/account-directory';
import { type HealthEventDeps, handleHealthEvent } from '../../src/health/handle-health-event';
import { type HealthEvent, healthEventSchema } from '../../src/health/health-event-schema';
import { HealthMessageRenderer, type RenderOutcome } from '../../src/health/message-renderer';
import { routeWithSubscribers } from '../../src/health/route-with-subscribers';
import type { SlackSink } from '../../src/slack/api/slack-sink';
import type { AirtableOutbox } from '../../src/store/airtable-outbox';
import type { StateStore } from '../../src/store/state-store';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';

/** The open EC2 issue under an id and ARN of its own, so tests sharing the table never meet. */
function ownEvent(id: string, arnSuffix: string): HealthEvent {
  const event = healthEventSchema.parse(structuredClone({ ...healthFixture('ec2-issue-open'), id }));
  event.detail.eventArn = `${event.detail.eventArn}-${arnSuffix}`;
  return event;
}

describe('handleHealthEvent', () => {
  let store: StateStore;
  useLocalStateStore('handle-health-test', (local) => {
    store = local;
  });

  it('still alerts the other channels and queues the Airtable row when one channel refuses the message', async () => {
    // Prepare: routed to a channel the bot is not in, then to the on-call channel.
    const event: HealthEvent = healthEventSchema.parse(healthFixture('ec2-issue-open'));
    const rendered: string[] = [];
    const queued: string[] = [];
    const renderer = {
      render: async (_arn: string, channel: string): Promise<RenderOutcome> => {
        if (channel === '#no-bot-here') throw new Error('An API error occurred: not_in_channel');
        rendered.push(channel);
        return {
          channel,
          channelId: 'C0ONCALL01',
          ts: '1700000000.000001',
          posted: 1,
          updated: 0,
          replies: 0,
        };
      },
    } as unknown as HealthMessageRenderer;
    const outbox = {
      enqueue: async (key: string) => {
        queued.push(key);
        return 'queued';
      },
      drain: async () => ({ written: 1, failed: 0, pending: 0 }),
    } as unknown as AirtableOutbox;
    const deps: HealthEventDeps = {
      store,
      accounts: { nameOf: async () => 'prod-payments' } as unknown as AccountDirectory,
      route: () => ({ channels: ['#no-bot-here', 'C0ONCALL01'], reason: 'test' }),
      renderer,
      airtable: { outbox, writer: async () => ({ upsert: async () => undefined }), budgetMs: 1000 },
    };

    // Act
    const handled = handleHealthEvent(event, deps);

    // Assess: the delivery still fails (Lambda retries it, then keeps it), naming the channel and what to do.
    await expect(handled).rejects.toThrow(/#no-bot-here.*not_in_channel.*invite/s);
    expect(rendered).toEqual(['C0ONCALL01']);
    expect(queued).toEqual([`${event.detail.eventArn}#222222222222`]);
  });

  it('posts the channel alert and succeeds when a subscriber’s DM fails (the person left Slack)', async () => {
    // Prepare
    const event = ownEvent('dm-failure', 'dm-failure');
    const rendered: string[] = [];
    const renderer = {
      render: async (_arn: string, channel: string): Promise<RenderOutcome> => {
        if (channel === 'dm:U0GONE0001') throw new Error('An API error occurred: user_not_found');
        rendered.push(channel);
        return { channel, channelId: 'D0ADA00001', ts: '1.1', posted: 1, updated: 0, replies: 0 };
      },
    } as unknown as HealthMessageRenderer;
    const deps: HealthEventDeps = {
      store,
      accounts: { nameOf: async () => 'prod-payments' } as unknown as AccountDirectory,
      route: () => ({ channels: ['C0ONCALL01'], reason: 'test', subscribers: ['U0GONE0001', 'U0ADA00001'] }),
      renderer,
    };

    // Act
    const outcome = await handleHealthEvent(event, deps);

    // Assess: the channel first, then the DMs; the failed one logged and left out, the delivery not failed.
    expect(rendered).toEqual(['C0ONCALL01', 'dm:U0ADA00001']);
    expect(outcome.messages.map((m) => m.channel)).toEqual(['C0ONCALL01']);
    expect(outcome.directMessages.map((m) => m.channel)).toEqual(['dm:U0ADA00001']);
  });

  it('edits the channel and every subscriber’s DM quietly when a mute covers an update', async () => {
    // Prepare: posted to a channel and a DM, then a muted update of the same event.
    const event = ownEvent('muted-update-1', 'muted-update');
    const renders: { channel: string; quiet: boolean | undefined }[] = [];
    const renderer = {
      render: async (_arn: string, channel: string, _v: number, options?: { quiet?: boolean }) => {
        renders.push({ channel, quiet: options?.quiet });
        return { channel, channelId: 'D0ADA00001', ts: '1.1', posted: 1, updated: 0, replies: 0 };
      },
    } as unknown as HealthMessageRenderer;
    let muted = false;
    const deps: HealthEventDeps = {
      store,
      accounts: { nameOf: async () => 'prod-payments' } as unknown as AccountDirectory,
      route: () =>
        muted
          ? { channels: [], reason: 'muted by test', muted: true }
          : { channels: ['C0ONCALL01'], reason: 'test', subscribers: ['U0ADA00001'] },
      renderer,
    };
    await handleHealthEvent(event, deps);
    const update = healthEventSchema.parse(structuredClone({ ...event, id: 'muted-update-2' }));
    update.detail.lastUpdatedTime = 'Tue, 14 May 2024 11:00:00 GMT';
    update.detail.statusCode = 'closed';
    muted = true;
    renders.length = 0;

    // Act
    await handleHealthEvent(update, deps);

    // Assess: both messages are still brought up to date, neither with a thread reply.
    expect(renders).toEqual([
      { channel: 'C0ONCALL01', quiet: true },
      { channel: 'dm:U0ADA00001', quiet: true },
    ]);
  });

  it('reaches all 60 subscribers over two deliveries: the DMs with no message yet go first', async () => {
    // Prepare: the real renderer, a sink that posts into each person's DM.
    const event = ownEvent('sixty-1', 'sixty-subscribers');
    const posted: string[] = [];
    const sink = {
      post: async (channel: string) => {
        posted.push(channel);
        return { channel: channel.replace('dm:U', 'D'), ts: `1.${posted.length}` };
      },
      update: async () => undefined,
    } as unknown as SlackSink;
    const renderer = new HealthMessageRenderer({
      store,
      sink,
      dashboardUrl: () => 'https://health.aws.amazon.com/health/home',
      deadline: () => Date.now() + 5000,
    });
    const subscribers = Array.from({ length: 60 }, (_, i) => `U0SUB${String(i).padStart(5, '0')}`);
    const deps: HealthEventDeps = {
      store,
      accounts: { nameOf: async () => 'prod-payments' } as unknown as AccountDirectory,
      route: () => ({ channels: [], reason: 'test', subscribers }),
      renderer,
    };
    await handleHealthEvent(event, deps);
    const update = healthEventSchema.parse(structuredClone({ ...event, id: 'sixty-2' }));
    update.detail.lastUpdatedTime = 'Tue, 14 May 2024 11:00:00 GMT';

    // Act
    await handleHealthEvent(update, deps);

    // Assess: 50 DMs the first time, the 10 left out the second time; nobody posted twice.
    const dms = posted.filter((channel) => channel.startsWith('dm:'));
    expect(dms).toHaveLength(60);
    expect(new Set(dms).size).toBe(60);
  });

  it('stops updating the DM of a person who removed every subscription matching the event', async () => {
    // Prepare: Ada and Li subscribed when the event was posted; Ada unsubscribes before its update.
    const event = ownEvent('unsubscribed-1', 'unsubscribed');
    const rendered: string[] = [];
    const renderer = {
      render: async (_arn: string, channel: string): Promise<RenderOutcome> => {
        rendered.push(channel);
        return { channel, channelId: 'D0ADA00001', ts: '1.1', posted: 1, updated: 0, replies: 0 };
      },
    } as unknown as HealthMessageRenderer;
    let subscribers = ['U0ADA00001', 'U0LI000001'];
    const deps: HealthEventDeps = {
      store,
      accounts: { nameOf: async () => 'prod-payments' } as unknown as AccountDirectory,
      route: routeWithSubscribers(() => ({ channels: ['C0ONCALL01'], reason: 'test' }), {
        subscribersFor: async () => subscribers,
      }),
      renderer,
    };
    await handleHealthEvent(event, deps);
    const update = healthEventSchema.parse(structuredClone({ ...event, id: 'unsubscribed-2' }));
    update.detail.lastUpdatedTime = 'Tue, 14 May 2024 11:00:00 GMT';
    subscribers = ['U0LI000001'];
    rendered.length = 0;

    // Act
    await handleHealthEvent(update, deps);

    // Assess: the channel and Li's DM are brought up to date, Ada's is left as it was.
    expect(rendered).toEqual(['C0ONCALL01', 'dm:U0LI000001']);
  });
});
