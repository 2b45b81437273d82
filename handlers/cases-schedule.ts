import { createCasesScheduleFunction } from '../src/cases/cases-schedule-function';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';

/** EventBridge schedule (weekly by default): the support case report, posted in the configured channel. */
const env = parseEnv();
export const handler = createCasesScheduleFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
