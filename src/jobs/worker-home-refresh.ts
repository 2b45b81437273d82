import { WebClient } from '@slack/web-api';
import type { AccountDirectory } from '../aws/account-directory';
import type { AppConfig } from '../config/schema';
import { mayMute } from '../health/mute-permission';
import { publishHome } from '../home/publish-home';
import { logger } from '../lambda/logger';
import { userGroupMembers } from '../slack/api/user-group-members';
import type { StateStore } from '../store/state-store';

/** Re-publishes a person's Home after a job started from it; never throws (a publish failure is only logged). */
export type WorkerHomeRefresh = (userId: string) => Promise<void>;

export interface WorkerHomeRefreshDeps {
  store: StateStore;
  config: AppConfig;
  accounts: Pick<AccountDirectory, 'configured'>;
  /** The bot token, or undefined when none is configured (then the Home is not re-published). */
  token: () => Promise<string | undefined>;
  slackApiUrl: string;
}

/**
 * The same loader and publisher as the Home listener (src/home/), with the worker's bot token: an Unmute, Retag or
 * It's mine clicked on the Home leaves it showing the new state instead of the old one until Refresh.
 */
export function workerHomeRefresh(deps: WorkerHomeRefreshDeps): WorkerHomeRefresh {
  let client: WebClient | undefined;
  return async (userId) => {
    try {
      const token = await deps.token();
      if (!token) return;
      client ??= new WebClient(token, { slackApiUrl: deps.slackApiUrl, retryConfig: { retries: 2 } });
      const slack = client;
      const groupMembers = userGroupMembers(slack);
      await publishHome(userId, {
        store: deps.store,
        config: deps.config,
        accounts: deps.accounts,
        groupMembers,
        mayUnmute: (user) => mayMute(user, deps.config, groupMembers),
        now: () => new Date(),
        publish: async (user, view) => {
          await slack.views.publish({ user_id: user, view });
        },
      });
    } catch (error) {
      logger.warn('Home not re-published after the job', { error });
    }
  };
}
