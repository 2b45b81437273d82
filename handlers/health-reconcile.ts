import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createHealthReconcileFunction } from '../src/health/reconcile-function';

/** Every 5 minutes: Health API events the state table has not seen go through the Health delivery path. */
const env = parseEnv();
export const handler = createHealthReconcileFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
