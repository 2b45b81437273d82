import type { Context, SQSEvent } from 'aws-lambda';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { describeZodProblems } from '../config/zod-problems';
import { logger, withCorrelation } from '../lambda/logger';
import { quarantine } from '../lambda/quarantine';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { autotagClients } from './autotag-clients';
import type { AutotagDeps } from './autotag-deps';
import { type AutotagOutcome, EVENT_CLAIM_SECONDS } from './autotag-outcome';
import { ec2ClientFactory } from './ec2-access';
import { handleServiceCreate } from './handle-service-create';
import { notReadyRetrySchema } from './not-ready-retry';
import { taggedCallOf } from './tagged-call-table';

const FUNCTION = 'autotag-retry';

/**
 * The autotagRetry Lambda handler: not-ready retries from the delay queue (one message a batch), each tagging
 * the ARNs that refused tags before. A malformed message is quarantined (never retried); a transient AWS error
 * throws, and SQS delivers the message again (then to the failed-events queue).
 */
export function createAutotagRetryFunction(
  env: Env,
  config: AppConfig,
  overrides: Partial<Omit<AutotagDeps, 'config'>> = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  const { credentials, accounts } = memberAccountAccess(config, 'aws-chatops-autotag');
  const deps: Omit<AutotagDeps, 'ownAccountId'> = {
    config,
    accounts,
    store,
    ec2For: ec2ClientFactory(credentials),
    sink: slackSinkFromEnv(env),
    ...autotagClients(env, config, { credentials, accounts, store }),
    ...overrides,
  };
  return async (
    event: SQSEvent,
    context?: Pick<Context, 'invokedFunctionArn'>,
  ): Promise<AutotagOutcome[]> => {
    const outcomes: AutotagOutcome[] = [];
    for (const record of event.Records ?? []) {
      withCorrelation({ eventId: record.messageId, function: FUNCTION });
      const parsed = notReadyRetrySchema.safeParse(safeJson(record.body));
      if (!parsed.success) {
        await quarantine(store, 'autotagRetry', record, describeZodProblems(parsed.error));
        continue;
      }
      const { event: call, attempt, arns } = parsed.data;
      const row = taggedCallOf(call.detail.eventSource, call.detail.eventName);
      if (!row) {
        await quarantine(store, 'autotagRetry', record, [`${call.detail.eventName} is not in the table`]);
        continue;
      }
      const ownAccountId = context?.invokedFunctionArn?.split(':')[4];
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

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
