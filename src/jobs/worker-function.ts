import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { identityCenterFor } from '../autotag/autotag-extras';
import { allClientMakers } from '../aws/clients/all';
import { memberAccountAccess } from '../aws/member-account-access';
import { loadChartRenderer } from '../cases/load-chart-renderer';
import { nativeBlocksMemory } from '../cases/native-blocks';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { readSecret } from '../config/secrets';
import { failureQueueFromEnv, readInput } from '../lambda/bad-input';
import { logger } from '../lambda/logger';
import { once } from '../lambda/once';
import { respondToUrl, responseUrlHostsFromEnv } from '../slack/api/response-url';
import { NoSlackFiles, WebApiSlackFiles } from '../slack/api/slack-files';
import type { SlackSink } from '../slack/api/slack-sink';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { ConsoleSlackViews, WebApiSlackViews } from '../slack/api/slack-views';
import type { StateStore } from '../store/state-store';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { jobSchema } from './job';
import { runJob } from './run-job';
import { workerHomeRefresh } from './worker-home-refresh';

/**
 * The slackWorker Lambda handler: runs the slow half of Slack requests (asynchronous invoke from slackHttp).
 * Clients are made once per container; the bot token is read on first use; tests may pass their own.
 */
export function createWorkerFunction(
  env: Env,
  config: AppConfig,
  overrides: { store?: StateStore; sink?: () => Promise<SlackSink>; sqs?: SQSClient } = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  const access = memberAccountAccess(
    config,
    'aws-chatops-worker',
    allClientMakers({
      partition: config.organization.partition,
      supportConcurrency: config.cases.concurrency,
    }),
  );
  const identityCenter = identityCenterFor(config, { ...access, store });
  const slackSink = overrides.sink ?? slackSinkFromEnv(env);
  const failureQueue = failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({}));
  const badInput = { store, source: 'slackWorker', failureQueue };
  const responseUrlHosts = responseUrlHostsFromEnv(env);
  const slackViews = once(async () => {
    const token = await readSecret(env, 'SLACK_BOT_TOKEN');
    return token ? new WebApiSlackViews(token, env.SLACK_API_URL) : new ConsoleSlackViews();
  });
  const slackFiles = once(async () => {
    const token = await readSecret(env, 'SLACK_BOT_TOKEN');
    return token ? new WebApiSlackFiles(token, env.SLACK_API_URL) : new NoSlackFiles();
  });

  const refreshHome = workerHomeRefresh({
    store,
    config,
    accounts: access.accounts,
    token: once(() => readSecret(env, 'SLACK_BOT_TOKEN')),
    slackApiUrl: env.SLACK_API_URL,
  });

  return async (event: unknown, context?: Context): Promise<void> => {
    if (context) logger.addContext(context);
    const job = await readInput(jobSchema, event, badInput);
    if (!job) return;
    await runJob(job, {
      config,
      accounts: access.accounts,
      store,
      sts: access.sts,
      credentials: access.credentials,
      clients: access.clients,
      casesClients: access.casesClients,
      organizations: access.organizations,
      loadChartRenderer,
      now: () => new Date(),
      sink: await slackSink(),
      botRegion: env.AWS_REGION,
      ...(identityCenter ? { identityCenter } : {}),
      slackFiles: await slackFiles(),
      views: await slackViews(),
      nativeBlocks: nativeBlocksMemory(store),
      respond: (url, reply, options) =>
        respondToUrl(url, reply, { ...options, allowedHosts: responseUrlHosts }),
      responseUrlHosts,
      failureQueue,
      refreshHome,
      // Long jobs (a backfill) stop starting new reads near the end and answer with what they have.
      ...(typeof context?.getRemainingTimeInMillis === 'function'
        ? { remainingMs: () => context.getRemainingTimeInMillis() }
        : {}),
    });
  };
}
