import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { AccountDirectory } from '../src/aws/account-directory';
import { CrossAccountCredentials } from '../src/aws/assume-role';
import { organizationAccountNames } from '../src/aws/organization-account-names';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { readSecret } from '../src/config/secrets';
import { describeZodProblems } from '../src/config/zod-problems';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { once } from '../src/runtime/once';
import { quarantine } from '../src/runtime/quarantine';
import { respondToUrl } from '../src/slack/response-url';
import { NoSlackFiles, WebApiSlackFiles } from '../src/slack/slack-files';
import { createSlackSink } from '../src/slack/slack-sink';
import { StateStore } from '../src/store/state-store';
import { documentClient } from '../src/store/state-table';

/** Runs the slow half of Slack requests (asynchronous invoke from slack-http). */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = new StateStore(documentClient(new DynamoDBClient({})), env.STATE_TABLE);
const sts = new STSClient({});
const credentials = new CrossAccountCredentials({
  sts,
  partition: config.organization.partition,
  externalId: config.organization.externalId,
  sessionName: 'aws-chatops-worker',
});
const accounts = new AccountDirectory(
  config,
  organizationAccountNames(new OrganizationsClient({ region: 'us-east-1' })),
);
const slackSink = once(async () =>
  createSlackSink(await readSecret(env, 'SLACK_BOT_TOKEN'), env.SLACK_API_URL),
);
const slackFiles = once(async () => {
  const token = await readSecret(env, 'SLACK_BOT_TOKEN');
  return token ? new WebApiSlackFiles(token, env.SLACK_API_URL) : new NoSlackFiles();
});

export const handler = async (event: unknown): Promise<void> => {
  const job = jobSchema.safeParse(event);
  if (!job.success) return quarantine(store, 'slack-worker', event, describeZodProblems(job.error));
  await runJob(job.data, {
    config,
    accounts,
    store,
    sts,
    credentials,
    stsWith: (memberCredentials) => new STSClient({ credentials: memberCredentials }),
    s3With: (memberCredentials, region) =>
      new S3Client({ credentials: memberCredentials, region, followRegionRedirects: true }),
    botRegion: env.AWS_REGION,
    sink: await slackSink(),
    slackFiles: await slackFiles(),
    respond: (url, reply, options) => respondToUrl(url, reply, options),
  });
};
