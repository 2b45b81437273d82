import { SQSClient } from '@aws-sdk/client-sqs';
import { AccountDirectory } from '../aws/account-directory';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv } from '../lambda/bad-input';
import { logger } from '../lambda/logger';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { HealthRouter } from './health-router';
import { onSchedule } from './scheduled-run';
import { type RemindersOutcome, sendReminders } from './send-reminders';

/**
 * The healthReminders Lambda handler (every 5 minutes): thread reminders before scheduled changes. Route
 * mentions come from the config; nothing is called over the network before the first run.
 */
export function createHealthRemindersFunction(
  env: Env,
  config: AppConfig,
  sqs: SQSClient = new SQSClient({}),
) {
  const store = stateStoreFromEnv(env);
  const badInput = { store, source: 'healthReminders', failureQueue: failureQueueFromEnv(env, sqs) };
  const sink = slackSinkFromEnv(env);
  // Account names are only needed to resolve the routes' `accounts`; the config's names suffice for that.
  const router = new HealthRouter(config.health, config.slack.defaultChannel, new AccountDirectory(config));
  return (event: unknown): Promise<RemindersOutcome | undefined> =>
    onSchedule(event, badInput, async () => {
      const outcome = await sendReminders({
        store,
        sink: await sink(),
        router,
        offsets: config.health.reminders,
        now: new Date(),
      });
      logger.info('health reminders run', { ...outcome });
      return outcome;
    });
}
