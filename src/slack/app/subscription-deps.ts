import type { SubscriptionDeps } from '../../health/manage-subscriptions';
import { SubscriptionStore } from '../../store/subscriptions';
import type { SlackAppDeps } from './deps';

/** What the subscription listeners need, from the app's deps (no cache: a listener reads a person's own list). */
export function subscriptionDeps(
  deps: SlackAppDeps,
): SubscriptionDeps & { accounts: SlackAppDeps['accounts'] } {
  return { subscriptions: new SubscriptionStore(deps.store), store: deps.store, accounts: deps.accounts };
}
