import type { SlackMessage } from '../../blocks/message';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { MAX_DIRECT_MESSAGES_PER_DELIVERY, type SubscriptionStore } from '../store/subscriptions';

/** A DM's claim outlives every redelivery of its failure (as the sent alert does in alert-once.ts). */
const DM_CLAIM_SECONDS = 30 * 24 * 60 * 60;
/**
 * No DM starts with less time left than this: a DM can wait out a 429 (conversations.open is Tier 3) and the
 * invocation must still end before Lambda's timeout, or the whole batch is retried.
 */
export const DM_TIME_RESERVE_MS = 10_000;

export interface NotifySubscribersDeps {
  subscriptions?: Pick<SubscriptionStore, 'subscribersFor'>;
  sink: SlackSink;
  store: Pick<StateStore, 'claim'>;
  /** Milliseconds this invocation has left (Lambda's `getRemainingTimeInMillis`); absent: no deadline. */
  remainingMs?: () => number;
}

/**
 * Sends a catalog failure to the people subscribed to its account (account subscriptions only: a failure has no
 * Health service or event type), each in their DM with the bot (conversations.open, then chat.postMessage). Runs
 * after the channel alert is recorded, outside its send-once lease, so a slow DM never re-posts the channel
 * alert; each DM is claimed (`catalog-dm#<alert>#<user>`) so nobody gets it twice. A failed look-up or DM (the
 * person left, Slack rate-limits) is logged and skipped; DMs stop when the invocation's time runs short. Returns
 * the DMs sent.
 */
export async function notifySubscribers(
  deps: NotifySubscribersDeps,
  alertKey: string,
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
  const chosen = users.slice(0, MAX_DIRECT_MESSAGES_PER_DELIVERY);
  let sent = 0;
  for (const [index, userId] of chosen.entries()) {
    if (deps.remainingMs && deps.remainingMs() < DM_TIME_RESERVE_MS) {
      logger.warn('catalog failure DMs stopped: invocation time runs short', {
        accountId,
        notSent: chosen.length - index,
      });
      break;
    }
    try {
      if (!(await deps.store.claim(`catalog-dm#${alertKey}#${userId}`, DM_CLAIM_SECONDS))) continue;
      await deps.sink.post(await deps.sink.openDirectMessage(userId), message);
      sent += 1;
    } catch (error) {
      logger.warn('catalog failure not sent to a subscriber', { userId, error: (error as Error).message });
    }
  }
  return sent;
}
