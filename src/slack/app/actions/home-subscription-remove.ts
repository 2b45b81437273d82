import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { subscriptionListReply } from '../../../../blocks/subscription-replies';
import { subscriptionLines, unsubscribe } from '../../../health/manage-subscriptions';
import { replyBody } from '../../api/reply-body';
import type { SlackAppDeps } from '../deps';
import type { RefreshHome } from '../refresh-home';
import { subscriptionDeps } from '../subscription-deps';

/**
 * "Remove" next to a subscription (Home tab, or the `/aws-health subscriptions` list): removes the clicker's own
 * subscription with that id — the id is looked up under the clicker, so nobody removes another's — then re-renders.
 */
export function homeSubscriptionRemove(
  deps: SlackAppDeps,
  refreshHome: RefreshHome,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const userId = body.user.id;
    const own = subscriptionDeps(deps, client);
    const reply = await unsubscribe(own, userId, action.value ?? '');
    if (body.container?.type === 'view') return refreshHome(client, userId);
    // In the ephemeral list: show the list as it is now, then the outcome.
    await respond(
      replyBody(subscriptionListReply(await subscriptionLines(own, userId)), { replaceOriginal: true }),
    );
    await respond(replyBody(reply, { replaceOriginal: false }));
    await refreshHome(client, userId);
  };
}
