import { auditAction } from '../slack/api/audit-action';
import type { AuditEntry } from '../store/state-store';
import type { HealthJobDeps } from './health-job-deps';

/** Records a Health button's action in the state table and posts it to `slack.auditChannel` (when set). */
export function auditHealthAction(entry: AuditEntry, deps: HealthJobDeps): Promise<void> {
  return auditAction(entry, {
    store: deps.store,
    auditChannel: deps.config.slack.auditChannel,
    post: (channel, message) => deps.sink.post(channel, message),
    now: deps.now,
  });
}
