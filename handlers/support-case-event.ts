import { createSupportCaseEventFunction } from '../src/cases/support-case-event-function';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';

/** EventBridge `aws.support` Support Case Update events of every account: one living Slack message per case. */
const env = parseEnv();
export const handler = createSupportCaseEventFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
