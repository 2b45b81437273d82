import { logger } from '../lambda/logger';
import { MAX_DIRECT_MESSAGES_PER_DELIVERY } from '../store/subscriptions';
import { isDirectMessageChannel } from './direct-messages';
import type { HealthMessageRenderer, RenderOutcome } from './message-renderer';

/** The event's channels split into the configured ones and the subscribers' DMs. */
export function splitChannels(channels: readonly string[]): { channels: string[]; directMessages: string[] } {
  return {
    channels: channels.filter((c) => !isDirectMessageChannel(c)),
    directMessages: channels.filter(isDirectMessageChannel),
  };
}

/**
 * Brings each subscriber's DM of the event up to date (post, or edit + thread reply, as in a channel). A DM that
 * fails (the person left, Slack rate-limits, another invocation holds it) is logged and skipped: it never fails the
 * delivery, so the channel alert and Airtable are never retried or lost for it.
 */
export async function renderDirectMessages(
  renderer: Pick<HealthMessageRenderer, 'render'>,
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
  for (const channel of directMessages.slice(0, MAX_DIRECT_MESSAGES_PER_DELIVERY)) {
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
