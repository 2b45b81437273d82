import { bucketAuditMessage } from '../../blocks/bucket-audit-message';
import { accountLabel } from '../../blocks/bucket-replies';
import type { SlackMessage } from '../../blocks/message';
import { logger } from '../lambda/logger';
import type { AuditEntry, StateStore } from '../store/state-store';

export type PostToChannel = (channel: string, message: SlackMessage) => Promise<unknown>;

export interface BucketAuditDeps {
  store: StateStore;
  auditChannel: string | undefined;
  post: PostToChannel;
  now?: () => Date;
}

/**
 * Records a bucket action (who, when, what, result) in the state table, then posts it to the audit channel.
 * The record is the source of truth: if it cannot be written the error propagates; a failed post is logged.
 */
export async function auditBucketAction(entry: AuditEntry, deps: BucketAuditDeps): Promise<void> {
  await deps.store.audit(entry);
  if (!deps.auditChannel) return;
  try {
    await deps.post(
      deps.auditChannel,
      bucketAuditMessage({ ...entry, at: (deps.now ?? (() => new Date()))() }),
    );
  } catch (error) {
    logger.error('audit line not posted to the audit channel (it is in the state table)', {
      action: entry.action,
      target: entry.target,
      error,
    });
  }
}

/** `s3://bucket` with the account, the target every bucket audit entry names. */
export function bucketTarget(bucket: string, account: { id: string; name?: string | undefined }): string {
  return `s3://${bucket} in ${accountLabel(account)}`;
}
