import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import type { Context } from 'aws-lambda';
import { ec2ClientFactory } from '../src/autotag/ec2-access';
import { memberAccountAccess } from '../src/aws/member-account-access';
import { nativeBlocksMemory } from '../src/cases/native-blocks';
import { supportClients } from '../src/cases/support-client';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { readSecret } from '../src/config/secrets';
import { describeZodProblems } from '../src/config/zod-problems';
import { jobSchema } from '../src/jobs/job';
import { runJob } from '../src/jobs/run-job';
import { logger } from '../src/lambda/logger';
import { once } from '../src/lambda/once';
import { quarantine } from '../src/lambda/quarantine';
import { respondToUrl, responseUrlHostsFromEnv } from '../src/slack/api/response-url';
import { NoSlackFiles, WebApiSlackFiles } from '../src/slack/api/slack-files';
import { slackSinkFromEnv } from '../src/slack/api/slack-sink-from-env';
import { ConsoleSlackViews, WebApiSlackViews } from '../src/slack/api/slack-views';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** Runs the slow half of Slack requests (asynchronous invoke from slack-http). */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = stateStoreFromEnv(env);
const { sts, credentials, casesCredentials, accounts, organizations } = memberAccountAccess(
  config,
  'aws-chatops-worker',
);
const supportWith = supportClients(config.organization.partition, config.cases);
const loadChartRenderer = once(async () => (await import('../src/cases/render-chart')).renderChartPng);
const ec2For = ec2ClientFactory(credentials);
const slackSink = slackSinkFromEnv(env);
const sqs = new SQSClient({});
const responseUrlHosts = responseUrlHostsFromEnv(env);
const slackViews = once(async () => {
  const token = await readSecret(env, 'SLACK_BOT_TOKEN');
  return token ? new WebApiSlackViews(token, env.SLACK_API_URL) : new ConsoleSlackViews();
});
const slackFiles = once(async () => {
  const token = await readSecret(env, 'SLACK_BOT_TOKEN');
  return token ? new WebApiSlackFiles(token, env.SLACK_API_URL) : new NoSlackFiles();
});

export const handler = async (event: unknown, context?: Context): Promise<void> => {
  if (context) logger.addContext(context);
  const job = jobSchema.safeParse(event);
  if (!job.success) return quarantine(store, 'slackWorker', event, describeZodProblems(job.error));
  await runJob(job.data, {
    config,
    accounts,
    store,
    sts,
    credentials,
    casesCredentials,
    stsWith: (memberCredentials) => new STSClient({ credentials: memberCredentials }),
    supportWith,
    organizations,
    loadChartRenderer,
    now: () => new Date(),
    sink: await slackSink(),
    ec2For,
    s3With: (memberCredentials, region) =>
      new S3Client({ credentials: memberCredentials, region, followRegionRedirects: true }),
    botRegion: env.AWS_REGION,
    slackFiles: await slackFiles(),
    views: await slackViews(),
    respond: (url, reply, options) =>
      respondToUrl(url, reply, { ...options, allowedHosts: responseUrlHosts }),
    responseUrlHosts,
    nativeBlocks: nativeBlocksMemory(store),
    failureQueue: { sqs, queueUrl: env.IS_OFFLINE ? undefined : env.FAILED_EVENTS_QUEUE_URL },
  });
};
