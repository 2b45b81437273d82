import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { publishHome } from '../../../home/publish-home';
import type { SlackAppDeps } from '../deps';
import { homeDeps } from './home-deps';

/** The Home tab opened: one views.publish for that person, built from state (no AWS call). */
export function appHomeOpened(deps: SlackAppDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    // The Messages and About tabs open through the same event; only the Home tab is ours to draw.
    if (event.tab !== 'home') return;
    await publishHome(event.user, homeDeps(deps, client));
  };
}
