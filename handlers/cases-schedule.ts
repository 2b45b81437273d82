import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import * as z from 'zod';
import { AccountDirectory } from '../src/aws/account-directory';
import { CrossAccountCredentials } from '../src/aws/assume-role';
import { organizationAccountNames } from '../src/aws/organization-account-names';
import { runScheduledCasesReport } from '../src/cases/scheduled-report';
import { supportClients } from '../src/cases/support-client';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { readSecret } from '../src/config/secrets';
import { describeZodProblems } from '../src/config/zod-problems';
import { withCorrelation } from '../src/logging/logger';
import { once } from '../src/runtime/once';
import { quarantine } from '../src/runtime/quarantine';
import { createSlackSink } from '../src/slack/slack-sink';
import { StateStore } from '../src/store/state-store';
import { documentClient } from '../src/store/state-table';

/** EventBridge schedule (weekly by default): the support case report, posted in the configured channel. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = new StateStore(documentClient(new DynamoDBClient({})), env.STATE_TABLE);
const { partition, externalId } = config.organization;
const credentials = new CrossAccountCredentials({
  sts: new STSClient({}),
  partition,
  externalId,
  sessionName: 'aws-chatops-cases',
});
const organizations = new OrganizationsClient({ region: 'us-east-1' });
const accounts = new AccountDirectory(config, organizationAccountNames(organizations));
const slackSink = once(async () =>
  createSlackSink(await readSecret(env, 'SLACK_BOT_TOKEN'), env.SLACK_API_URL),
);
const scheduledEvent = z.object({ id: z.string().min(1), 'detail-type': z.literal('Scheduled Event') });

export const handler = async (event: unknown): Promise<void> => {
  const parsed = scheduledEvent.safeParse(event);
  if (!parsed.success) return quarantine(store, 'casesSchedule', event, describeZodProblems(parsed.error));
  withCorrelation({ eventId: parsed.data.id, function: 'cases-schedule' });
  await runScheduledCasesReport(parsed.data.id, {
    store,
    sink: await slackSink(),
    channel: config.cases.schedule.channel ?? config.slack.defaultChannel,
    report: {
      cases: config.cases,
      configuredAccounts: config.accounts,
      accounts,
      credentials,
      supportWith: supportClients(partition, config.cases),
      organizations,
      now: () => new Date(),
      loadChartRenderer: async () => (await import('../src/cases/render-chart')).renderChartPng,
    },
  });
};
