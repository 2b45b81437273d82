import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { subscriptionModal } from '../../../../blocks/home-subscriptions';
import { HEALTH_CATEGORIES } from '../../../health/config-schema';
import { logger } from '../../../lambda/logger';

/** "Add subscription…" (Home tab or the subscriptions list): opens the modal; anyone may subscribe themselves. */
export const homeSubscriptionAdd: Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> = async ({
  ack,
  body,
  client,
}) => {
  await ack();
  try {
    await client.views.open({ trigger_id: body.trigger_id, view: subscriptionModal(HEALTH_CATEGORIES) });
  } catch (error) {
    // The trigger lives 3 s; a person clicks again. Nothing changed.
    logger.warn('views.open failed for the subscription modal', { error });
  }
};
