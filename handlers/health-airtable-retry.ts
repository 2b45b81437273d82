import type { Context } from 'aws-lambda';
import { parseEnv } from '../src/config/env';
import { loadConfigFile } from '../src/config/load-config';
import { healthAirtableFromEnv } from '../src/health/airtable-setup';
import { logger } from '../src/lambda/logger';
import { SlotPacer } from '../src/store/slot-pacer';
import { stateStoreFromEnv } from '../src/store/state-store-from-env';

/** Scheduled: writes the Health rows Airtable could not take earlier (outage, 429), oldest retries first. */
const env = parseEnv();
const config = loadConfigFile(env.CHATOPS_CONFIG);
const store = stateStoreFromEnv(env);
let until = Number.POSITIVE_INFINITY;
const airtable = healthAirtableFromEnv(env, config.health.airtable, store, new SlotPacer(store), () => until);

export const handler = async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  if (!airtable) return;
  until = Date.now() + (context?.getRemainingTimeInMillis() ?? 60_000) - 10_000;
  const result = await airtable.outbox.drain(await airtable.writer(), until);
  logger.info('Airtable outbox drained', { ...result });
};
