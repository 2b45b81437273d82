import type { WebClient } from '@slack/web-api';
import { mayMute } from '../../../health/mute-permission';
import { type PublishHomeDeps, publishHome } from '../../../home/publish-home';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import type { RefreshHome } from '../refresh-home';

/** The Home plan's deps from the app's: the Health mute allow-list, and views.publish through Bolt's client. */
export function homeDeps(deps: SlackAppDeps, client: WebClient): PublishHomeDeps {
  const groupMembers = userGroupMembers(client);
  return {
    store: deps.store,
    config: deps.config,
    accounts: deps.accounts,
    groupMembers,
    mayUnmute: (userId) => mayMute(userId, deps.config, groupMembers),
    now: () => new Date(),
    publish: async (userId, view) => {
      // No bot token configured (`npm run dev` without Slack): the view is printed, as the worker prints its messages.
      if (deps.printViews) {
        process.stdout.write(
          `── Slack (console, no SLACK_BOT_TOKEN): views.publish for ${userId}\n${JSON.stringify(view, null, 2)}\n`,
        );
        return;
      }
      // A token is configured but could not be read (authorize logged why): fail, so Bolt logs this listener too.
      if (!client.token) throw new Error('no Slack bot token: the Home cannot be published');
      await client.views.publish({ user_id: userId, view });
    },
  };
}

/** Re-renders a person's Home after something on it changed (a subscription added or removed). */
export function refreshHomeFor(deps: SlackAppDeps): RefreshHome {
  return async (client, userId) => {
    await publishHome(userId, homeDeps(deps, client));
  };
}
