import * as z from 'zod';
import { memberAccountAccess } from '../src/aws/member-account-access';
import { nativeBlocksMemory } from '../src/cases/native-blocks';
import { runScheduledCasesReport } from '../src/cases/scheduled-report';
import { supportClients } from '../src/cases/support-client';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { describeZodProblems } from '../src/config/zod-problems';
import { withCorrelation } from '../src/lambda/logger';
import { quarantine } from '../src/lambda/quarantine';
import { slackSinkFromEnv } from '../src/slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** EventBridge schedule (weekly by default): the support case report, posted in the configured channel. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = stateStoreFromEnv(env);
const { casesCredentials, accounts, organizations } = memberAccountAccess(config, 'aws-chatops-cases');
const supportWith = supportClients(config.organization.partition, config.cases);
const slackSink = slackSinkFromEnv(env);
const scheduledEvent = z.object({ id: z.string().min(1), 'detail-type': z.literal('Scheduled Event') });

export const handler = async (event: unknown): Promise<void> => {
  const parsed = scheduledEvent.safeParse(event);
  if (!parsed.success) return quarantine(store, 'casesSchedule', event, describeZodProblems(parsed.error));
  withCorrelation({ eventId: parsed.data.id, function: 'cases-schedule' });
  await runScheduledCasesReport(parsed.data.id, {
    store,
    sink: await slackSink(),
    channel: config.cases.schedule.channel ?? config.slack.defaultChannel,
    nativeBlocks: nativeBlocksMemory(store),
    report: {
      cases: config.cases,
      configuredAccounts: config.accounts,
      accounts,
      credentials: casesCredentials,
      supportWith,
      organizations,
      now: () => new Date(),
      loadChartRenderer: async () => (await import('../src/cases/render-chart')).renderChartPng,
    },
  });
};
