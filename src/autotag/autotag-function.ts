import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv, readInput } from '../lambda/bad-input';
import { logger, withCorrelation } from '../lambda/logger';
import { eventIdOf } from '../lambda/quarantine';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import type { StateStore } from '../store/state-store';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { AUTOTAG_CLIENT_MAKERS } from './autotag-client-makers';
import type { AutotagDeps } from './autotag-deps';
import { autotagExtras } from './autotag-extras';
import { cloudTrailEventSchema } from './cloudtrail-event';
import { type AutotagOutcome, handleCreateEvent } from './handle-create-event';

const FUNCTION = 'autotag-event';

/**
 * The autotagEvent Lambda handler: EventBridge CloudTrail create calls of the table (this account and forwarded from
 * member accounts) → tags + notice. Clients are made once per container; tests may pass their own.
 */
export function createAutotagFunction(
  env: Env,
  config: AppConfig,
  overrides: Partial<Pick<AutotagDeps, 'store' | 'clients' | 'sink'>> & { sqs?: SQSClient } = {},
) {
  const store: StateStore = overrides.store ?? stateStoreFromEnv(env);
  const access = memberAccountAccess(config, 'aws-chatops-autotag', AUTOTAG_CLIENT_MAKERS);
  const clients = overrides.clients ?? access.clients;
  const sink = overrides.sink ?? slackSinkFromEnv(env);
  const extras = autotagExtras(env, config, { clients: access.clients, accounts: access.accounts, store });
  const badInput = {
    store,
    source: 'autotagEvent',
    failureQueue: failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({})),
  };

  return async (
    event: unknown,
    context?: Pick<Context, 'invokedFunctionArn'>,
  ): Promise<AutotagOutcome | undefined> => {
    withCorrelation({ eventId: eventIdOf(event), function: FUNCTION });
    const parsed = await readInput(cloudTrailEventSchema, event, badInput);
    if (!parsed) return undefined;
    withCorrelation({ eventId: parsed.detail.eventID, account: parsed.account, function: FUNCTION });
    const outcome = await handleCreateEvent(parsed, {
      config,
      accounts: access.accounts,
      store,
      clients,
      sink,
      ownAccountId: context?.invokedFunctionArn?.split(':')[4],
      ...extras,
    });
    logger.info('autotag event handled', { outcome });
    return outcome;
  };
}
