import type { WebClient } from '@slack/web-api';
import type { SubscriptionDeps } from '../../health/manage-subscriptions';
import { maySubscribe } from '../../health/subscribe-permission';
import { SubscriptionStore } from '../../store/subscriptions';
import { userGroupMembers } from '../api/user-group-members';
import type { SlackAppDeps } from './deps';

/**
 * What the subscription listeners need, from the app's deps (no cache: a listener reads a person's own list); the
 * client lists the user groups of `health.subscribeAllowed`.
 */
export function subscriptionDeps(
  deps: SlackAppDeps,
  client: WebClient,
): SubscriptionDeps & { accounts: SlackAppDeps['accounts'] } {
  return {
    subscriptions: new SubscriptionStore(deps.store),
    store: deps.store,
    accounts: deps.accounts,
    maySubscribe: (userId) => maySubscribe(userId, deps.config, userGroupMembers(client)),
  };
}
