import { LambdaClient } from '@aws-sdk/client-lambda';
import { AccountDirectory } from '../../aws/account-directory';
import { ConfigError } from '../../config/config-error';
import type { Env } from '../../config/env';
import { requiredSecret } from '../../config/required-secret';
import type { AppConfig } from '../../config/schema';
import { readSecret } from '../../config/secrets';
import { type JobDispatcher, LambdaJobDispatcher } from '../../jobs/job-dispatcher';
import type { StateStore } from '../../store/state-store';
import { stateStoreFromEnv } from '../../store/state-store-from-env';
import { responseUrlHostsFromEnv } from '../api/response-url';
import { createSlackHttpHandler, type HttpHandler } from './http-handler';

/**
 * The slackHttp Lambda handler (POST /slack/events): verify, ack within 3 s, hand slow work to the worker.
 * Secrets are read on the first request, not at module load; tests may pass their own store and dispatcher.
 */
export function createSlackHttpFunction(
  env: Env,
  config: AppConfig,
  overrides: { store?: StateStore; dispatcher?: JobDispatcher } = {},
): HttpHandler {
  const dispatcher = overrides.dispatcher ?? workerDispatcher(env);
  return createSlackHttpHandler({
    signingSecret: () => requiredSecret(env, 'SLACK_SIGNING_SECRET'),
    botToken: () => readSecret(env, 'SLACK_BOT_TOKEN'),
    apiUrl: env.SLACK_API_URL,
    deps: {
      config,
      accounts: new AccountDirectory(config),
      store: overrides.store ?? stateStoreFromEnv(env),
      dispatcher,
      responseUrlHosts: responseUrlHostsFromEnv(env),
      printViews: !env.SLACK_BOT_TOKEN && !env.SLACK_BOT_TOKEN_PARAM,
    },
  });
}

/** Jobs go to the worker by asynchronous Lambda invoke; without its name the function cannot start. */
function workerDispatcher(env: Env): JobDispatcher {
  if (!env.WORKER_FUNCTION_NAME)
    throw new ConfigError('WORKER_FUNCTION_NAME is not set (serverless.yml sets it)');
  return new LambdaJobDispatcher(new LambdaClient({}), env.WORKER_FUNCTION_NAME);
}
