import { auditMessage } from '../../../blocks/audit-message';
import type { SlackMessage } from '../../../blocks/message';
import { logger } from '../../lambda/logger';
import type { AuditEntry, StateStore } from '../../store/state-store';

export type PostToChannel = (channel: string, message: SlackMessage) => Promise<unknown>;

export interface AuditDeps {
  store: StateStore;
  /** slack.auditChannel: every audited action is also posted there. */
  auditChannel: string | undefined;
  post: PostToChannel;
  now?: () => Date;
}

/**
 * Records a mutating action (who, when, what, result) in the state table, then posts it to the audit channel.
 * The record is the source of truth: if it cannot be written the error propagates; a failed post is logged.
 */
export async function auditAction(entry: AuditEntry, deps: AuditDeps): Promise<void> {
  await deps.store.audit(entry);
  if (!deps.auditChannel) return;
  try {
    await deps.post(deps.auditChannel, auditMessage({ ...entry, at: (deps.now ?? (() => new Date()))() }));
  } catch (error) {
    logger.error('audit line not posted to the audit channel (it is in the state table)', {
      action: entry.action,
      target: entry.target,
      error,
    });
  }
}
