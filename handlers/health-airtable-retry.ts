import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { createAirtableRetryFunction } from '../src/health/airtable-retry-function';

/** Schedule (every 5 minutes): writes the Health rows Airtable could not take earlier (outage, 429). */
const env = parseEnv();
export const handler = createAirtableRetryFunction(env, loadConfigFile(env.CHATOPS_CONFIG));
