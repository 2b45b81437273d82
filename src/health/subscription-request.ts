import type { AccountDirectory } from '../aws/account-directory';
import type { SubscriptionTarget } from '../store/subscriptions';
import { HEALTH_CATEGORIES } from './config-schema';

/** What a person filled in (the Home modal) or typed (`/aws-health subscribe …`), untrimmed. */
export interface SubscriptionFields {
  account?: string;
  service?: string;
  category?: string;
  eventType?: string;
}

export type SubscriptionField = keyof SubscriptionFields;

export type SubscriptionRequest =
  | { ok: true; target: SubscriptionTarget; accountName?: string }
  | { ok: false; field: SubscriptionField; problem: string };

const SERVICE = /^[A-Za-z0-9_.-]{1,100}$/;
const EVENT_TYPE_GLOB = /^[A-Za-z0-9_*?]{1,200}$/;

const filled = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * The subscription a person asked for: an account alone (everything in it), or exactly one of service, category
 * or event-type glob, in every account or the one named. Each refusal names the field and how to put it right.
 */
export function subscriptionTargetOf(
  fields: SubscriptionFields,
  accounts: Pick<AccountDirectory, 'tryResolve'>,
): SubscriptionRequest {
  const account = filled(fields.account);
  const service = filled(fields.service);
  const category = filled(fields.category);
  const eventType = filled(fields.eventType);
  const what = [
    service && ('service' as const),
    category && ('category' as const),
    eventType && ('eventType' as const),
  ].filter((f): f is 'service' | 'category' | 'eventType' => Boolean(f));
  if (!account && what.length === 0)
    return { ok: false, field: 'account', problem: 'Give an account, or a service, category or event type.' };
  if (what.length > 1)
    return {
      ok: false,
      field: what[1] as SubscriptionField,
      problem: 'Give one of service, category or event type: each is its own subscription.',
    };
  let accountId: string | undefined;
  let accountName: string | undefined;
  if (account) {
    const choice = accounts.tryResolve(account);
    if (!choice.ok) return { ok: false, field: 'account', problem: choice.problem };
    accountId = choice.account.id;
    accountName = choice.account.name;
  }
  const named = accountName ? { accountName } : {};
  if (service) {
    if (!SERVICE.test(service))
      return {
        ok: false,
        field: 'service',
        problem: 'A service is one word as Health names it, e.g. EC2 or RDS.',
      };
    return { ok: true, target: { kind: 'service', service: service.toUpperCase(), accountId }, ...named };
  }
  if (category) {
    const known = HEALTH_CATEGORIES.find((c) => c.toLowerCase() === category.toLowerCase());
    if (!known)
      return {
        ok: false,
        field: 'category',
        problem: `A category is one of ${HEALTH_CATEGORIES.join(', ')}.`,
      };
    return { ok: true, target: { kind: 'category', category: known, accountId }, ...named };
  }
  if (eventType) {
    if (!EVENT_TYPE_GLOB.test(eventType))
      return {
        ok: false,
        field: 'eventType',
        problem: 'An event type is letters, digits and _ with * for any run and ? for one, e.g. AWS_EC2_*.',
      };
    return { ok: true, target: { kind: 'eventType', pattern: eventType.toUpperCase(), accountId }, ...named };
  }
  return { ok: true, target: { kind: 'account', accountId: accountId as string }, ...named };
}
