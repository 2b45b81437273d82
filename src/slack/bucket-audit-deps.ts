import type { WebClient } from '@slack/web-api';
import { auditBucketAction } from '../buckets/bucket-audit';
import { logger } from '../logging/logger';
import type { SlackAppDeps } from './deps';

/**
 * Audits a refused bucket action from a Slack listener (state table + audit channel through the listener's
 * client). The refusal reaches the person even if auditing fails; the failure is logged.
 */
export async function auditRefusal(
  refusal: { action: string; target: string; reason: string },
  actor: string,
  deps: SlackAppDeps,
  client: WebClient,
): Promise<void> {
  try {
    await auditBucketAction(
      {
        action: refusal.action,
        actor,
        target: refusal.target,
        result: 'refused',
        detail: { reason: refusal.reason },
      },
      {
        store: deps.store,
        auditChannel: deps.config.slack.auditChannel,
        post: (channel, message) =>
          client.chat.postMessage({ channel, text: message.text, blocks: message.blocks }),
      },
    );
  } catch (error) {
    logger.error('could not audit a refused bucket action', { ...refusal, actor, error });
  }
}
