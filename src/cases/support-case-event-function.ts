import { SQSClient } from '@aws-sdk/client-sqs';
import { supportClients } from '../aws/clients/support';
import { memberAccountAccess } from '../aws/member-account-access';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { failureQueueFromEnv, readInput } from '../lambda/bad-input';
import { logger, withCorrelation } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import { slackSinkFromEnv } from '../slack/api/slack-sink-from-env';
import type { StateStore } from '../store/state-store';
import { stateStoreFromEnv } from '../store/state-store-from-env';
import { handleSupportCaseEvent, type SupportCaseOutcome } from './handle-support-case-event';
import { liveCaseRouter } from './live-case-router';
import { supportCaseEventSchema } from './support-case-event';

/**
 * The supportCaseEvent Lambda handler: EventBridge `aws.support` "Support Case Update" events of every account
 * (forwarded from each account's us-east-1, infra/support-case-forwarding.yaml) → one living Slack message per
 * case. Off (events acknowledged, nothing posted) unless `cases.live.enabled`. Tests may pass their own clients.
 */
export function createSupportCaseEventFunction(
  env: Env,
  config: AppConfig,
  overrides: { store?: StateStore; sink?: () => Promise<SlackSink>; sqs?: SQSClient } = {},
) {
  const store = overrides.store ?? stateStoreFromEnv(env);
  const { clients, accounts } = memberAccountAccess(config, 'aws-chatops-case-events', {
    support: supportClients({
      partition: config.organization.partition,
      supportConcurrency: config.cases.concurrency,
    }),
  });
  const slackSink = overrides.sink ?? slackSinkFromEnv(env);
  const route = liveCaseRouter(config.cases.live, config.slack.defaultChannel, accounts);
  const badInput = {
    store,
    source: 'supportCaseEvent',
    failureQueue: failureQueueFromEnv(env, overrides.sqs ?? new SQSClient({})),
  };

  return async (event: unknown): Promise<SupportCaseOutcome | undefined> => {
    const parsed = await readInput(supportCaseEventSchema, event, badInput);
    if (!parsed) return undefined;
    withCorrelation({ eventId: parsed.id, account: parsed.account, function: 'support-case-event' });
    if (!config.cases.live.enabled) {
      logger.info('support case event ignored: cases.live.enabled is false', {
        caseId: parsed.detail['case-id'],
      });
      return undefined;
    }
    return handleSupportCaseEvent(parsed, {
      store,
      sink: await slackSink(),
      accounts,
      clients,
      route,
      partition: config.organization.partition,
    });
  };
}
