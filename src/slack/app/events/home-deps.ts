import type { WebClient } from '@slack/web-api';
import { mayMute } from '../../../health/mute-permission';
import type { PublishHomeDeps } from '../../../home/publish-home';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

/** The Home plan's deps from the app's: the Health mute allow-list, and views.publish through Bolt's client. */
export function homeDeps(deps: SlackAppDeps, client: WebClient): PublishHomeDeps {
  const groupMembers = userGroupMembers(client);
  return {
    store: deps.store,
    config: deps.config,
    groupMembers,
    mayUnmute: (userId) => mayMute(userId, deps.config, groupMembers),
    now: () => new Date(),
    publish: async (userId, view) => {
      await client.views.publish({ user_id: userId, view });
    },
  };
}
