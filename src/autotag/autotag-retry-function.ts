import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSEvent } from 'aws-lambda';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { describeZodProblems } from '../config/zod-problems';
import { failureQueueFromEnv, rejectBadInput } from '../lambda/bad-input';
import { logger, withCorrelation } from '../lambda/logger';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { AUTOTAG_CLIENT_MAKERS } from './autotag-client-makers';
import type { AutotagDeps } from './autotag-deps';
import { autotagExtras } from './autotag-extras';
import { type AutotagOutcome, EVENT_CLAIM_SECONDS } from './autotag-outcome';
import { handleCreateEvent } from './handle-create-event';
import { handleServiceCreate } from './handle-service-create';
import { autotagRetryMessageSchema } from './not-ready-retry';
import { taggedCallOf } from './tagged-call-table';

const FUNCTION = 'autotag-retry';

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * The autotagRetry Lambda handler: not-ready retries from the delay queue (one message a batch), each tagging
 * the ARNs that refused tags before, and EC2 calls of a stack that waited for the stack's CreateStack. A malformed message is rejected (quarantine, failure queue; never retried);
 * a transient AWS error throws, and SQS delivers the message again (then to the failed-events queue).
 */
export function createAutotagRetryFunction(
  env: Env,
  config: AppConfig,
  overrides: Partial<Pick<AutotagDeps, 'store' | 'clients' | 'sink'>> & { sqs?: SQSClient } = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  const access = memberAccountAccess(config, 'aws-chatops-autotag', AUTOTAG_CLIENT_MAKERS);
  const deps: Omit<AutotagDeps, 'ownAccountId'> = {
    config,
    accounts: access.accounts,
    store,
    clients: overrides.clients ?? access.clients,
    sink: overrides.sink ?? slackSinkFromEnv(env),
    ...autotagExtras(env, config, { clients: access.clients, accounts: access.accounts, store }),
  };
  const badInput = {
    store,
    source: 'autotagRetry',
    failureQueue: failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({})),
  };
  return async (
    event: SQSEvent,
    context?: Pick<Context, 'invokedFunctionArn'>,
  ): Promise<AutotagOutcome[]> => {
    const outcomes: AutotagOutcome[] = [];
    for (const record of event.Records ?? []) {
      withCorrelation({ eventId: record.messageId, function: FUNCTION });
      // Kept by the SQS message id, which the logs and the failure queue show.
      const kept = { id: record.messageId, body: record.body };
      const parsed = autotagRetryMessageSchema.safeParse(safeJson(record.body));
      if (!parsed.success) {
        await rejectBadInput(badInput, kept, describeZodProblems(parsed.error));
        continue;
      }
      const ownAccountId = context?.invokedFunctionArn?.split(':')[4];
      if (parsed.data.kind === 'autotag-ec2-awaits-stack') {
        const { event: call, attempt } = parsed.data;
        const outcome = await handleCreateEvent(call, { ...deps, ownAccountId }, attempt);
        logger.info('autotag stack wait handled', { outcome, attempt });
        outcomes.push(outcome);
        continue;
      }
      const { event: call, attempt, arns } = parsed.data;
      const row = taggedCallOf(call.detail.eventSource, call.detail.eventName);
      if (!row) {
        await rejectBadInput(badInput, kept, [`${call.detail.eventName} is not in the table`]);
        continue;
      }
      const outcome = await handleServiceCreate(call, row, { ...deps, ownAccountId }, EVENT_CLAIM_SECONDS, {
        attempt,
        only: arns,
      });
      logger.info('autotag retry handled', { outcome, attempt });
      outcomes.push(outcome);
    }
    return outcomes;
  };
}
