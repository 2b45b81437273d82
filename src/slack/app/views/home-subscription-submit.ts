import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  SUBSCRIPTION_ACCOUNT_BLOCK,
  SUBSCRIPTION_CATEGORY_BLOCK,
  SUBSCRIPTION_EVENT_TYPE_BLOCK,
  SUBSCRIPTION_SERVICE_BLOCK,
} from '../../../../blocks/home-subscriptions';
import { addSubscription } from '../../../health/manage-subscriptions';
import { SUBSCRIBE_REFUSAL } from '../../../health/subscribe-permission';
import { type SubscriptionField, subscriptionTargetOf } from '../../../health/subscription-request';
import { MAX_SUBSCRIPTIONS_PER_USER } from '../../../store/subscriptions';
import type { SlackAppDeps } from '../deps';
import type { RefreshHome } from '../refresh-home';
import { subscriptionDeps } from '../subscription-deps';

const BLOCK_OF: Record<SubscriptionField, string> = {
  account: SUBSCRIPTION_ACCOUNT_BLOCK,
  service: SUBSCRIPTION_SERVICE_BLOCK,
  category: SUBSCRIPTION_CATEGORY_BLOCK,
  eventType: SUBSCRIPTION_EVENT_TYPE_BLOCK,
};

/**
 * The Add subscription modal's submit: checked (a refusal is shown on the field at fault, the modal stays open),
 * added for the submitter, then the Home tab re-rendered. "Already subscribed" and "too many" stay in the modal.
 */
export function homeSubscriptionSubmit(
  deps: SlackAppDeps,
  refreshHome: RefreshHome,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const text = (block: string) => values[block]?.value?.value ?? undefined;
    const request = subscriptionTargetOf(
      {
        account: text(SUBSCRIPTION_ACCOUNT_BLOCK),
        service: text(SUBSCRIPTION_SERVICE_BLOCK),
        category: values[SUBSCRIPTION_CATEGORY_BLOCK]?.value?.selected_option?.value,
        eventType: text(SUBSCRIPTION_EVENT_TYPE_BLOCK),
      },
      deps.accounts,
    );
    const errors = (block: string, message: string) =>
      ack({ response_action: 'errors', errors: { [block]: message.slice(0, 2000) } });
    if (!request.ok) return errors(BLOCK_OF[request.field], request.problem);
    const userId = body.user.id;
    const result = await addSubscription(subscriptionDeps(deps, client), userId, request.target, 'home');
    if (result === 'refused') return errors(SUBSCRIPTION_ACCOUNT_BLOCK, SUBSCRIBE_REFUSAL);
    if (result === 'exists') return errors(SUBSCRIPTION_ACCOUNT_BLOCK, 'You are already subscribed to that.');
    if (result === 'full')
      return errors(
        SUBSCRIPTION_ACCOUNT_BLOCK,
        `You have ${MAX_SUBSCRIPTIONS_PER_USER} subscriptions, the most one person may hold: remove one first.`,
      );
    await ack();
    await refreshHome(client, userId);
  };
}
