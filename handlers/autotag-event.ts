import { createAutotagFunction } from '../src/autotag/autotag-function';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';

/** EventBridge CloudTrail EC2 create calls (this account and forwarded from member accounts) → tags + notice. */
const env = parseEnv();
export const handler = createAutotagFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
