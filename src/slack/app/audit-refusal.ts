import type { WebClient } from '@slack/web-api';
import { logger } from '../../lambda/logger';
import { auditAction } from '../api/audit-action';
import { withinSlackLimits } from '../api/slack-sink';
import type { SlackAppDeps } from './deps';

/**
 * How long a listener waits for the audit channel post: it runs before the ack, and Bolt's client waits out rate
 * limits and retries for minutes, which would cost the person their answer (Slack gives up after 3 s).
 */
const AUDIT_POST_BUDGET_MS = 1000;

/**
 * Audits a refused action (a bucket action, a Health mute…) from a Slack listener (state table + audit channel through the listener's
 * client). The refusal reaches the person even if auditing fails; the failure is logged.
 */
export async function auditRefusal(
  refusal: { action: string; target: string; reason?: string },
  actor: string,
  deps: SlackAppDeps,
  client: WebClient,
): Promise<void> {
  try {
    await auditAction(
      {
        action: refusal.action,
        actor,
        target: refusal.target,
        result: 'refused',
        ...(refusal.reason ? { detail: { reason: refusal.reason } } : {}),
      },
      {
        store: deps.store,
        auditChannel: deps.config.slack.auditChannel,
        post: (channel, message) => {
          const { text, blocks } = withinSlackLimits(message, channel);
          return within(AUDIT_POST_BUDGET_MS, client.chat.postMessage({ channel, text, blocks }));
        },
      },
    );
  } catch (error) {
    logger.error('could not audit a refused action', { ...refusal, actor, error });
  }
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
