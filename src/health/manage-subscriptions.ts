import type { SubscriptionLine } from '../../blocks/home-subscriptions';
import type { SlackReply } from '../../blocks/message';
import { subscribeReply, unsubscribeReply } from '../../blocks/subscription-replies';
import type { AccountDirectory } from '../aws/account-directory';
import type { StateStore } from '../store/state-store';
import {
  type AddResult,
  subscriptionLines as listSubscriptionLines,
  MAX_SUBSCRIPTIONS_PER_USER,
  namedSubscription,
  type SubscriptionSource,
  type SubscriptionStore,
  type SubscriptionTarget,
  subscriptionId,
} from '../store/subscriptions';

/** What subscribing and unsubscribing need: the subscriptions, the audit (state table), account names. */
export interface SubscriptionDeps {
  subscriptions: SubscriptionStore;
  store: StateStore;
  accounts: Pick<AccountDirectory, 'configured'>;
}

const lineOf = (deps: SubscriptionDeps, id: string, target: SubscriptionTarget): SubscriptionLine =>
  namedSubscription(deps.accounts.configured, id, target);

/** Adds the subscription (idempotent) and audits a new one. */
export async function addSubscription(
  deps: SubscriptionDeps,
  userId: string,
  target: SubscriptionTarget,
  via: SubscriptionSource,
): Promise<AddResult> {
  const result = await deps.subscriptions.add(userId, target, via);
  if (result === 'added')
    await deps.store.audit({
      action: 'health.subscribe',
      actor: userId,
      target: subscriptionId(target),
      result: 'ok',
      detail: { via },
    });
  return result;
}

/** {@link addSubscription}, and what happened in words for the person. */
export async function subscribe(
  deps: SubscriptionDeps,
  userId: string,
  target: SubscriptionTarget,
  via: SubscriptionSource,
): Promise<SlackReply> {
  const result = await addSubscription(deps, userId, target, via);
  return subscribeReply(result, lineOf(deps, subscriptionId(target), target), MAX_SUBSCRIPTIONS_PER_USER);
}

/** Removes one of the person's own subscriptions by id (a second removal says it is gone). */
export async function unsubscribe(
  deps: SubscriptionDeps,
  userId: string,
  id: string,
  asked?: SubscriptionTarget,
): Promise<SlackReply> {
  const removed = await deps.subscriptions.remove(userId, id);
  if (removed)
    await deps.store.audit({ action: 'health.unsubscribe', actor: userId, target: id, result: 'ok' });
  return unsubscribeReply(
    removed && lineOf(deps, removed.id, removed.target),
    asked && lineOf(deps, id, asked),
  );
}

/** The person's subscriptions as the Home tab and `/aws-health subscriptions` show them. */
export function subscriptionLines(deps: SubscriptionDeps, userId: string): Promise<SubscriptionLine[]> {
  return listSubscriptionLines(deps.subscriptions, deps.accounts.configured, userId);
}
