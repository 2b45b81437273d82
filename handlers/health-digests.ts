import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createHealthDigestsFunction } from '../src/health/digests-function';

/** Every 5 minutes: the digest of each digest route's channel once its hour or day has ended. */
const env = parseEnv();
export const handler = createHealthDigestsFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
