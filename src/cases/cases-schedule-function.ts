import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { supportClients } from '../aws/clients/support';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv, readInput } from '../lambda/bad-input';
import { withCorrelation } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import type { StateStore } from '../store/state-store';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { loadChartRenderer } from './load-chart-renderer';
import { nativeBlocksMemory } from './native-blocks';
import { runScheduledCasesReport } from './scheduled-report';

/** What EventBridge Scheduler / a schedule rule sends. */
const scheduledEventSchema = z.object({ id: z.string().min(1), 'detail-type': z.literal('Scheduled Event') });

/**
 * The casesSchedule Lambda handler (weekly by default): the support case report, posted in the configured
 * channel. Clients are made once per container; tests may pass their own.
 */
export function createCasesScheduleFunction(
  env: Env,
  config: AppConfig,
  overrides: { store?: StateStore; sink?: () => Promise<SlackSink>; sqs?: SQSClient } = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  const { casesClients, accounts, organizations } = memberAccountAccess(config, 'aws-chatops-cases', {
    support: supportClients({
      partition: config.organization.partition,
      supportConcurrency: config.cases.concurrency,
    }),
  });
  const slackSink = overrides.sink ?? slackSinkFromEnv(env);
  const badInput = {
    store,
    source: 'casesSchedule',
    failureQueue: failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({})),
  };

  return async (event: unknown): Promise<void> => {
    const parsed = await readInput(scheduledEventSchema, event, badInput);
    if (!parsed) return;
    withCorrelation({ eventId: parsed.id, function: 'cases-schedule' });
    await runScheduledCasesReport(parsed.id, {
      store,
      sink: await slackSink(),
      channel: config.cases.schedule.channel ?? config.slack.defaultChannel,
      nativeBlocks: nativeBlocksMemory(store),
      report: {
        cases: config.cases,
        configuredAccounts: config.accounts,
        accounts,
        clients: casesClients,
        organizations,
        now: () => new Date(),
        loadChartRenderer,
      },
    });
  };
}
