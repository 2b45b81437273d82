import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createHealthFunction } from '../src/health/health-function';

/** EventBridge `aws.health` events (own account, or organisation-wide): one living Slack message per event. */
const env = parseEnv();
export const handler = createHealthFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
