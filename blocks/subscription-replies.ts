import type { SubscribeResult } from '../src/store/subscriptions';
import { homeSubscriptionsSection, type SubscriptionLine, subscriptionPlain } from './home-subscriptions';
import type { SlackReply } from './message';
import { noticeReply } from './notice';

/**
 * The ephemeral answer to a subscribe (button, modal or command): done, already, the per-person cap, or refused
 * (`refusal` says who may).
 */
export function subscribeReply(
  result: SubscribeResult,
  line: SubscriptionLine,
  max: number,
  refusal = 'You may not subscribe to Health alerts; nothing was added.',
): SlackReply {
  const what = subscriptionPlain(line.target, line.accountName);
  if (result === 'refused') return noticeReply('problem', refusal, 'Ask a Slack admin of the bot.');
  if (result === 'added')
    return noticeReply(
      'ok',
      `Subscribed: ${what}. Matching Health alerts come to you as a direct message, kept up to date (a mute still silences them).`,
      'Remove it from the bot’s Home tab or with /aws-health unsubscribe.',
    );
  if (result === 'exists')
    return noticeReply('ok', `You are already subscribed to ${what}; nothing changed.`);
  return noticeReply(
    'problem',
    `You have ${max} subscriptions, the most one person may hold; nothing was added.`,
    'Remove one first (Home tab, or /aws-health subscriptions).',
  );
}

export function unsubscribeReply(
  removed: SubscriptionLine | undefined,
  asked?: SubscriptionLine,
): SlackReply {
  if (removed)
    return noticeReply('ok', `Unsubscribed: ${subscriptionPlain(removed.target, removed.accountName)}.`);
  return noticeReply(
    'problem',
    asked
      ? `You have no subscription to ${subscriptionPlain(asked.target, asked.accountName)}; nothing changed.`
      : 'That subscription is gone already; nothing changed.',
    'See yours with /aws-health subscriptions.',
  );
}

/** `/aws-health subscriptions`: the person's subscriptions with Remove, and Add subscription…. */
export function subscriptionListReply(lines: readonly SubscriptionLine[]): SlackReply {
  return {
    responseType: 'ephemeral',
    text: lines.length === 0 ? 'You have no subscriptions.' : `You have ${lines.length} subscriptions.`,
    blocks: homeSubscriptionsSection(lines, lines.length),
  };
}
