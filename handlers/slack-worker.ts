import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createWorkerFunction } from '../src/jobs/worker-function';

/** Asynchronous invoke from slackHttp: runs the slow half of Slack requests and answers on response_url. */
const env = parseEnv();
export const handler = createWorkerFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
