import type { Context } from 'aws-lambda';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import { SlotPacer } from '../store/slot-pacer';
import type { StateStore } from '../store/state-store';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { healthAirtableFromEnv } from './airtable-setup';

/** Time kept back from the Lambda deadline so the drain stops cleanly. */
const SAFETY_MS = 10_000;

/**
 * The healthAirtableRetry Lambda handler (scheduled): writes the Health rows Airtable could not take earlier
 * (outage, 429), oldest retries first, until shortly before the invocation's deadline.
 */
export function createAirtableRetryFunction(
  env: Env,
  config: AppConfig,
  overrides: { store?: StateStore } = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  let until = Number.POSITIVE_INFINITY;
  const airtable = healthAirtableFromEnv(
    env,
    config.health.airtable,
    store,
    new SlotPacer(store),
    () => until,
  );
  return async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<void> => {
    if (!airtable) return;
    until = Date.now() + (context?.getRemainingTimeInMillis() ?? 60_000) - SAFETY_MS;
    const result = await airtable.outbox.drain(await airtable.writer(), until);
    logger.info('Airtable outbox drained', { ...result });
  };
}
