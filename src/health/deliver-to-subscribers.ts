import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';
import { MAX_DIRECT_MESSAGES_PER_DELIVERY } from '../store/subscriptions';
import { directMessageChannel, isDirectMessageChannel } from './direct-messages';
import type { RouteDecision } from './health-router';
import { type MessageState, messageKey } from './health-state';
import type { HealthMessageRenderer, RenderOutcome } from './message-renderer';

/** The event's channels split into the configured ones and the subscribers' DMs. */
export function splitChannels(channels: readonly string[]): { channels: string[]; directMessages: string[] } {
  return {
    channels: channels.filter((c) => !isDirectMessageChannel(c)),
    directMessages: channels.filter(isDirectMessageChannel),
  };
}

/**
 * The event's DMs whose person still has a matching subscription (when this delivery read them): someone who
 * removed every subscription matching the event gets no more edits or thread replies in their DM.
 */
export function stillSubscribed(
  directMessages: readonly string[],
  route: Pick<RouteDecision, 'subscribers' | 'subscriptionsRead'>,
): string[] {
  if (!route.subscriptionsRead) return [...directMessages];
  const current = new Set((route.subscribers ?? []).map(directMessageChannel));
  return directMessages.filter((channel) => current.has(channel));
}

/**
 * The DMs in the order a capped delivery serves them: those with no message yet first (a new subscriber sees the
 * event at once), then the least recently brought up to date. Those left out are the stalest next time, so over
 * deliveries every subscriber is reached. One query reads every DM's state of the event (one partition).
 */
export async function inDeliveryOrder(
  store: Pick<StateStore, 'queryAll'>,
  eventArn: string,
  directMessages: readonly string[],
): Promise<string[]> {
  if (directMessages.length <= MAX_DIRECT_MESSAGES_PER_DELIVERY) return [...directMessages];
  const { pk, sk } = messageKey(eventArn, 'dm:');
  const states = await store.queryAll<MessageState>(pk, { prefix: sk, maxItems: directMessages.length * 2 });
  const rendered = new Map(
    states.map((r) => [r.sk.slice('msg#'.length), r.data.ts ? r.data.renderedVersion : 0] as const),
  );
  return directMessages
    .map((channel, index) => ({ channel, index, version: rendered.get(channel) ?? 0 }))
    .sort((a, b) => a.version - b.version || a.index - b.index)
    .map((dm) => dm.channel);
}

/**
 * Brings each subscriber's DM of the event up to date (post, or edit + thread reply, as in a channel), at most
 * MAX_DIRECT_MESSAGES_PER_DELIVERY of them, in `inDeliveryOrder`. A DM that fails (the person left, Slack
 * rate-limits, another invocation holds it) is logged and skipped: it never fails the delivery, so the channel
 * alert and Airtable are never retried or lost for it.
 */
export async function renderDirectMessages(
  {
    renderer,
    store,
  }: { renderer: Pick<HealthMessageRenderer, 'render'>; store: Pick<StateStore, 'queryAll'> },
  eventArn: string,
  directMessages: readonly string[],
  version: number,
  /** The delivery is muted: DMs are edited quietly, like the channels, with no thread reply. */
  quiet = false,
): Promise<RenderOutcome[]> {
  if (directMessages.length > MAX_DIRECT_MESSAGES_PER_DELIVERY)
    logger.warn('subscriber DMs cut for this delivery', {
      eventArn,
      subscribers: directMessages.length,
      rendered: MAX_DIRECT_MESSAGES_PER_DELIVERY,
    });
  const outcomes: RenderOutcome[] = [];
  const ordered = await inDeliveryOrder(store, eventArn, directMessages).catch((error: unknown) => {
    logger.warn('subscriber DM states not read: DMs in routing order', { eventArn, error });
    return directMessages;
  });
  for (const channel of ordered.slice(0, MAX_DIRECT_MESSAGES_PER_DELIVERY)) {
    try {
      outcomes.push(await renderer.render(eventArn, channel, version, { quiet }));
    } catch (error) {
      logger.warn('subscriber DM not brought up to date', {
        eventArn,
        channel,
        error: (error as Error).message,
      });
    }
  }
  return outcomes;
}
