import { LambdaClient } from '@aws-sdk/client-lambda';
import { AccountDirectory } from '../src/aws/account-directory';
import { ConfigError } from '../src/config/config-error';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { requiredSecret } from '../src/config/required-secret';
import { readSecret } from '../src/config/secrets';
import { LambdaJobDispatcher } from '../src/jobs/job-dispatcher';
import { responseUrlHostsFromEnv } from '../src/slack/api/response-url';
import { createSlackHttpHandler } from '../src/slack/app/http-handler';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** POST /slack/events: verify, ack within 3 s, hand slow work to the worker. Config is parsed once, here. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
if (!env.WORKER_FUNCTION_NAME)
  throw new ConfigError('WORKER_FUNCTION_NAME is not set (serverless.yml sets it)');

export const handler = createSlackHttpHandler({
  signingSecret: () => requiredSecret(env, 'SLACK_SIGNING_SECRET'),
  botToken: () => readSecret(env, 'SLACK_BOT_TOKEN'),
  apiUrl: env.SLACK_API_URL,
  deps: {
    config,
    accounts: new AccountDirectory(config),
    store: stateStoreFromEnv(env),
    dispatcher: new LambdaJobDispatcher(new LambdaClient({}), env.WORKER_FUNCTION_NAME),
    responseUrlHosts: responseUrlHostsFromEnv(env),
  },
});
