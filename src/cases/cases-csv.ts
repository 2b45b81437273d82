import type { CaseRecord } from './case-record';

const COLUMNS: readonly [string, (record: CaseRecord) => string][] = [
  ['account_id', (r) => r.accountId],
  ['account_name', (r) => r.accountName ?? ''],
  ['display_id', (r) => r.displayId],
  ['case_id', (r) => r.caseId],
  ['status', (r) => r.status],
  ['severity', (r) => r.severity],
  ['service', (r) => r.service],
  ['category', (r) => r.category],
  ['subject', (r) => r.subject],
  ['created_utc', (r) => r.createdAt],
  ['submitted_by', (r) => r.submittedBy],
];

/**
 * Every case as CSV (RFC 4180, CRLF, UTF-8 with BOM so spreadsheets read accents). A cell that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) is prefixed with `'`: subjects are typed by
 * anyone who can open a case.
 */
export function casesCsv(cases: readonly CaseRecord[]): string {
  const lines = [
    COLUMNS.map(([name]) => name).join(','),
    ...cases.map((record) => COLUMNS.map(([, value]) => csvCell(value(record))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
