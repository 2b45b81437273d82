import { createAutotagRetryFunction } from '../src/autotag/autotag-retry-function';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';

/** Not-ready auto-tagging retries, from the delay queue (AutotagRetryQueue). */
const env = parseEnv();
export const handler = createAutotagRetryFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
