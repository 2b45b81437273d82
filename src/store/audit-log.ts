import { logger } from '../lambda/logger';

export interface AuditEntry {
  /** What kind of action: `retag`, `bucket.create`, … */
  action: string;
  /** Slack user id (or `system`). */
  actor: string;
  target: string;
  result: 'ok' | 'refused' | 'failed';
  detail?: Record<string, unknown>;
}

export type AuditRecord = AuditEntry & { at: string };

const DAY = 24 * 60 * 60;
export const AUDIT_RETENTION_SECONDS = 400 * DAY;
/** Every audit entry is also kept here for a while, newest sort key first (the Home tab's admin part). */
const RECENT_AUDITS = 'audit-recent';
const RECENT_AUDIT_SECONDS = 30 * DAY;

/** The two state-table operations the audit log is written with (structural: the StateStore delegates here). */
export interface AuditTable {
  create<T>(pk: string, sk: string, data: T, options: { ttlSeconds?: number }): Promise<boolean>;
  query<T>(pk: string, options: { limit?: number }): Promise<{ data: T }[]>;
}

/**
 * Appends an audit entry (who, when, what, result), kept for 400 days — the record that must land, so its failure
 * throws — and a copy in the recent-audit partition (kept 30 days) so "the last audit records of any kind" is one
 * query. The copy only feeds the Home tab: its failure is logged, never thrown, because callers audit after acting
 * and would tell the person an action failed that happened. Returns the sort key.
 */
export async function appendAudit(table: AuditTable, entry: AuditEntry, now: Date): Promise<string> {
  const at = now.toISOString();
  const sk = `${at}#${Math.random().toString(36).slice(2, 10)}`;
  const data: AuditRecord = { ...entry, at };
  const copy = table
    .create(RECENT_AUDITS, sk, data, { ttlSeconds: RECENT_AUDIT_SECONDS })
    .catch((error: unknown) => logger.warn('Recent audit copy not written', { action: entry.action, error }));
  await Promise.all([
    table.create(`audit#${entry.action}`, sk, data, { ttlSeconds: AUDIT_RETENTION_SECONDS }),
    copy,
  ]);
  return sk;
}

/** The newest audit records of every kind, newest first. */
export async function readRecentAudits(table: AuditTable, limit = 10): Promise<AuditRecord[]> {
  return (await table.query<AuditRecord>(RECENT_AUDITS, { limit })).map((record) => record.data);
}

/** The newest audit records of one action, newest first. */
export async function readAudit(table: AuditTable, action: string, limit = 50): Promise<AuditRecord[]> {
  return (await table.query<AuditRecord>(`audit#${action}`, { limit })).map((record) => record.data);
}
