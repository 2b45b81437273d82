import type { SubscriptionLine } from '../../blocks/home-subscriptions';
import type { SlackReply } from '../../blocks/message';
import { subscribeReply, unsubscribeReply } from '../../blocks/subscription-replies';
import type { AccountDirectory } from '../aws/account-directory';
import type { StateStore } from '../store/state-store';
import {
  subscriptionLines as listSubscriptionLines,
  MAX_SUBSCRIPTIONS_PER_USER,
  namedSubscription,
  type SubscribeResult,
  type SubscriptionSource,
  type SubscriptionStore,
  type SubscriptionTarget,
  subscriptionId,
} from '../store/subscriptions';
import { SUBSCRIBE_REFUSAL } from './subscribe-permission';

/** What subscribing and unsubscribing need: the subscriptions, the audit (state table), account names. */
export interface SubscriptionDeps {
  subscriptions: SubscriptionStore;
  store: StateStore;
  accounts: Pick<AccountDirectory, 'configured'>;
  /** `health.subscribeAllowed` (subscribe-permission.ts) for this person; checked before every add. */
  maySubscribe: (userId: string) => Promise<boolean>;
}

const lineOf = (deps: SubscriptionDeps, id: string, target: SubscriptionTarget): SubscriptionLine =>
  namedSubscription(deps.accounts.configured, id, target);

/** Adds the subscription (idempotent) and audits a new one, or a refusal (not allowed to subscribe). */
export async function addSubscription(
  deps: SubscriptionDeps,
  userId: string,
  target: SubscriptionTarget,
  via: SubscriptionSource,
): Promise<SubscribeResult> {
  if (!(await deps.maySubscribe(userId))) {
    await deps.store.audit({
      action: 'health.subscribe',
      actor: userId,
      target: subscriptionId(target),
      result: 'refused',
      detail: { via },
    });
    return 'refused';
  }
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
  return subscribeReply(
    result,
    lineOf(deps, subscriptionId(target), target),
    MAX_SUBSCRIPTIONS_PER_USER,
    SUBSCRIBE_REFUSAL,
  );
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
