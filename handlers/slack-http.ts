import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createSlackHttpFunction } from '../src/slack/app/slack-http-function';

/** API Gateway POST /slack/events: verify, ack within 3 s, hand slow work to the worker. */
const env = parseEnv();
export const handler = createSlackHttpFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
