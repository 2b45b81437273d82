import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createHealthRemindersFunction } from '../src/health/reminders-function';

/** Every 5 minutes: thread reminders before AWS Health scheduled changes start (health.reminders). */
const env = parseEnv();
export const handler = createHealthRemindersFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
