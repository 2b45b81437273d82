import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../../home/publish-home';
import type { SlackAppDeps } from '../deps';
import { homeDeps } from '../events/home-deps';

/** Refresh on the Home tab: the same publish as opening it. */
export function homeRefreshButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, client }) => {
    await ack();
    await publishHome(body.user.id, homeDeps(deps, client));
  };
}
