import { SQSClient } from '@aws-sdk/client-sqs';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv } from '../lambda/bad-input';
import { logger } from '../lambda/logger';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { onSchedule } from './scheduled-run';
import { sendDigests } from './send-digests';

/** The healthDigests Lambda handler (every 5 minutes): one message per digest channel and ended period. */
export function createHealthDigestsFunction(env: Env, config: AppConfig, sqs: SQSClient = new SQSClient({})) {
  const store = stateStoreFromEnv(env);
  const sink = slackSinkFromEnv(env);
  const badInput = { store, source: 'healthDigests', failureQueue: failureQueueFromEnv(env, sqs) };
  return (event: unknown) =>
    onSchedule(event, badInput, async () => {
      const outcome = await sendDigests({
        store,
        sink: await sink(),
        routes: config.health.routes,
        partition: config.organization.partition,
        now: new Date(),
      });
      logger.info('health digests run', outcome);
      return outcome;
    });
}
