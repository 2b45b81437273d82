import type { WebClient } from '@slack/web-api';
import { logger } from '../../lambda/logger';
import { auditAction } from '../api/audit-action';
import { bucketAuditDeps } from './bucket-audit-deps';
import type { SlackAppDeps } from './deps';

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
      bucketAuditDeps(deps, client),
    );
  } catch (error) {
    logger.error('could not audit a refused action', { ...refusal, actor, error });
  }
}
