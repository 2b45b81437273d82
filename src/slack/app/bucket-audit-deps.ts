import type { WebClient } from '@slack/web-api';
import { logger } from '../../lambda/logger';
import type { AuditDeps as BucketAuditDeps } from '../api/audit-action';
import { withinSlackLimits } from '../api/slack-sink';
import type { SlackAppDeps } from './deps';

/**
 * How long a listener waits for the audit channel post: it runs before the ack, and Bolt's client waits out rate
 * limits and retries for minutes, which would cost the person their answer (Slack gives up after 3 s).
 */
const AUDIT_POST_BUDGET_MS = 1000;

/**
 * Where a listener audits (bucket actions, Health refusals): the state table, and the audit channel through its own
 * client within the budget above.
 */
export function bucketAuditDeps(deps: SlackAppDeps, client: WebClient): BucketAuditDeps {
  return {
    store: deps.store,
    auditChannel: deps.config.slack.auditChannel,
    post: (channel, message) => {
      const { text, blocks } = withinSlackLimits(message, channel);
      return within(AUDIT_POST_BUDGET_MS, client.chat.postMessage({ channel, text, blocks }));
    },
  };
}

/** `work`, or a rejection after `ms` (the work goes on; a failure of it is only logged). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Slack within ${ms} ms`)), ms);
  });
  work.catch((error: unknown) => logger.warn('audit channel post failed', { error }));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
