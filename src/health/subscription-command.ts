import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { subscriptionListReply } from '../../blocks/subscription-replies';
import type { AccountDirectory } from '../aws/account-directory';
import { commandWords } from '../slack/api/command-words';
import { subscriptionId } from '../store/subscriptions';
import { type SubscriptionDeps, subscribe, subscriptionLines, unsubscribe } from './manage-subscriptions';
import { type SubscriptionFields, subscriptionTargetOf } from './subscription-request';

const VERBS = ['subscribe', 'unsubscribe', 'subscriptions'] as const;
type Verb = (typeof VERBS)[number];

/** The kind words people type, and the field each fills. */
const KINDS: Record<string, keyof SubscriptionFields> = {
  account: 'account',
  service: 'service',
  category: 'category',
  'event-type': 'eventType',
  eventtype: 'eventType',
  event_type: 'eventType',
  type: 'eventType',
};

export const SUBSCRIBE_USAGE =
  '/aws-health subscribe account <name or id> | service <SERVICE> | category <category> | event-type <GLOB> [in <account>]';
const EXAMPLES =
  'For example: `/aws-health subscribe account prod-payments`, `/aws-health subscribe service EC2 in prod-payments`, `/aws-health subscribe event-type AWS_VPN_*`.';

/** `subscribe …`, `unsubscribe …` or `subscriptions`: the verb when the command is one of them. */
export function subscriptionVerbOf(text: string): Verb | undefined {
  const first = commandWords(text)[0]?.toLowerCase();
  return VERBS.find((verb) => verb === first);
}

export type ParsedSubscriptionArgs =
  | { ok: true; fields: SubscriptionFields }
  | { ok: false; problem: string };

/** `<kind> <value> [in <account>]` after subscribe / unsubscribe. */
export function parseSubscriptionArgs(words: readonly string[]): ParsedSubscriptionArgs {
  const [kindWord, value, inWord, account, ...extra] = words;
  const refuse = (problem: string): ParsedSubscriptionArgs => ({
    ok: false,
    problem: `${problem} ${EXAMPLES}`,
  });
  if (!kindWord) return refuse('Say what to subscribe to: account, service, category or event-type.');
  const field = KINDS[kindWord.toLowerCase()];
  if (!field) return refuse(`"${kindWord}" is not account, service, category or event-type.`);
  if (!value) return refuse(`Give the ${kindWord} after "${kindWord}".`);
  if (inWord === undefined) return { ok: true, fields: { [field]: value } };
  if (field === 'account') return refuse('An account subscription takes only the account.');
  if (inWord.toLowerCase() !== 'in' || !account || extra.length > 0)
    return refuse(`After the ${kindWord}, only "in <account>" may follow.`);
  return { ok: true, fields: { [field]: value, account } };
}

/**
 * `/aws-health subscribe …`, `unsubscribe …`, `subscriptions`: answered at once from the state table (no AWS call,
 * a few DynamoDB requests), ephemerally; a bad input says what was wrong, how to fix it, and an example.
 */
export async function answerSubscriptionCommand(
  text: string,
  userId: string,
  deps: SubscriptionDeps & { accounts: Pick<AccountDirectory, 'configured' | 'tryResolve'> },
): Promise<SlackReply> {
  const [verb, ...rest] = commandWords(text);
  if (verb?.toLowerCase() === 'subscriptions') {
    if (rest.length > 0)
      return noticeReply(
        'problem',
        '`subscriptions` takes nothing after it.',
        'Try /aws-health subscriptions.',
      );
    return subscriptionListReply(await subscriptionLines(deps, userId));
  }
  const args = parseSubscriptionArgs(rest);
  if (!args.ok) return noticeReply('problem', args.problem, `Usage: ${SUBSCRIBE_USAGE}`);
  const request = subscriptionTargetOf(args.fields, deps.accounts);
  if (!request.ok) return noticeReply('problem', request.problem, `${EXAMPLES} Usage: ${SUBSCRIBE_USAGE}`);
  if (verb?.toLowerCase() === 'subscribe') return subscribe(deps, userId, request.target, 'command');
  return unsubscribe(deps, userId, subscriptionId(request.target), request.target);
}
