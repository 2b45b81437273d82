import type { SlackMessage } from '../../blocks/message';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import { MAX_DIRECT_MESSAGES_PER_DELIVERY, type SubscriptionStore } from '../store/subscriptions';

/**
 * Sends a catalog failure to the people subscribed to its account (account subscriptions only: a failure has no
 * Health service or event type), each in their DM with the bot (conversations.open, then chat.postMessage). Runs
 * inside the alert's send-once lease, so a repeat of the notification DMs nobody twice. A failed look-up or DM
 * (the person left, Slack rate-limits) is logged and skipped: the channel alert stands. Returns the DMs sent.
 */
export async function notifySubscribers(
  deps: { subscriptions?: Pick<SubscriptionStore, 'subscribersFor'>; sink: SlackSink },
  accountId: string,
  message: SlackMessage,
): Promise<number> {
  if (!deps.subscriptions) return 0;
  let users: string[];
  try {
    users = await deps.subscriptions.subscribersFor({ accountId });
  } catch (error) {
    logger.warn('subscriptions not read: no DMs for this catalog failure', { accountId, error });
    return 0;
  }
  if (users.length > MAX_DIRECT_MESSAGES_PER_DELIVERY)
    logger.warn('catalog failure DMs cut', { accountId, subscribers: users.length });
  let sent = 0;
  for (const userId of users.slice(0, MAX_DIRECT_MESSAGES_PER_DELIVERY)) {
    try {
      await deps.sink.post(await deps.sink.openDirectMessage(userId), message);
      sent += 1;
    } catch (error) {
      logger.warn('catalog failure not sent to a subscriber', { userId, error: (error as Error).message });
    }
  }
  return sent;
}
