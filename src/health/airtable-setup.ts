import type { Env } from '../config/env';
import { readSecret } from '../config/secrets';
import { logger } from '../lambda/logger';
import { once } from '../lambda/once';
import { AirtableOutbox } from '../store/airtable-outbox';
import { AirtableTable } from '../store/airtable-repository';
import type { SlotPacer } from '../store/slot-pacer';
import type { StateStore } from '../store/state-store';
import { HEALTH_AIRTABLE_MERGE_ON } from './airtable-row';
import type { HealthConfig } from './config-schema';
import type { HealthAirtable } from './handle-health-event';

/**
 * Airtable when AIRTABLE_BASE_ID, AIRTABLE_TABLE and a token (AIRTABLE_TOKEN or AIRTABLE_TOKEN_PARAM) are set;
 * otherwise undefined (logged once) and Health alerts go to Slack only.
 */
export function healthAirtableFromEnv(
  env: Env,
  config: HealthConfig['airtable'],
  store: StateStore,
  pacer: SlotPacer,
  deadline: () => number = () => Number.POSITIVE_INFINITY,
): HealthAirtable | undefined {
  const { AIRTABLE_BASE_ID: baseId, AIRTABLE_TABLE: table } = env;
  if (!baseId || !table || !(env.AIRTABLE_TOKEN || env.AIRTABLE_TOKEN_PARAM)) {
    logger.info(
      'Airtable not configured (AIRTABLE_BASE_ID, AIRTABLE_TABLE, AIRTABLE_TOKEN[_PARAM]): Slack only',
    );
    return undefined;
  }
  return {
    outbox: new AirtableOutbox(store, HEALTH_AIRTABLE_MERGE_ON),
    budgetMs: config.flushBudgetSeconds * 1000,
    writer: once(async () => {
      const token = await readSecret(env, 'AIRTABLE_TOKEN');
      if (!token) throw new Error('AIRTABLE_TOKEN is empty');
      return new AirtableTable({
        token,
        baseId,
        table,
        endpointUrl: env.AIRTABLE_ENDPOINT_URL,
        pacer,
        requestsPerSecond: config.requestsPerSecond,
        attempts: config.attempts,
        rateLimitPauseMs: config.rateLimitPauseSeconds * 1000,
        deadline,
      });
    }),
  };
}
