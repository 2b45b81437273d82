import { logger } from '../lambda/logger';
import {
  auditAction as auditBucketAction,
  type AuditDeps as BucketAuditDeps,
} from '../slack/api/audit-action';

/** A bucket action refused before anything ran: what was asked, on which target, and why not. */
export interface BucketRefusal {
  action: string;
  target: string;
  reason: string;
}

/**
 * Audits a refused bucket action (state table, then the audit channel through `deps.post`). The refusal must still
 * reach the person when auditing fails, so a failure is logged, never thrown.
 */
export async function auditBucketRefusal(
  refusal: BucketRefusal,
  actor: string,
  deps: BucketAuditDeps,
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
      deps,
    );
  } catch (error) {
    logger.error('could not audit a refused bucket action', { ...refusal, actor, error });
  }
}
