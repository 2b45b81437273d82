import type { AccountRef } from '../aws/account-directory';
import type { CaseRecord } from './case-record';
import type { AccountFailure } from './collect-cases';
import { adviceFor, type CauseAdvice } from './failure-cause';

type Columns<T> = readonly [string, (row: T) => string][];

const CASE_COLUMNS: Columns<CaseRecord> = [
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

type FailureRow = AccountFailure & { advice: CauseAdvice };

const FAILURE_COLUMNS: Columns<FailureRow> = [
  ['account_id', (f) => f.account.id],
  ['account_name', (f) => f.account.name ?? ''],
  ['reason', (f) => f.reason],
  ['aws_error', (f) => f.detail],
  ['cause', (f) => f.advice.label],
  ['fix', (f) => f.advice.fix],
];

/** Every case as CSV. */
export function casesCsv(cases: readonly CaseRecord[]): string {
  return toCsv(CASE_COLUMNS, cases);
}

/** Every account that could not be read: its reason (as grouped in the report), AWS's own error, cause and fix. */
export function failuresCsv(failures: readonly AccountFailure[], maxAttempts: number): string {
  const rows = failures.map((f) => ({ ...f, advice: adviceFor(f.cause, { role: f.role, maxAttempts }) }));
  return toCsv(FAILURE_COLUMNS, rows);
}

type CoverageRow = { account: AccountRef; failure: FailureRow | undefined };

const COVERAGE_COLUMNS: Columns<CoverageRow> = [
  ['account_id', (r) => r.account.id],
  ['account_name', (r) => r.account.name ?? ''],
  ['readable', (r) => (r.failure ? 'no' : 'yes')],
  ['cause', (r) => r.failure?.advice.label ?? ''],
  ['fix', (r) => r.failure?.advice.fix ?? ''],
  ['reason', (r) => r.failure?.reason ?? ''],
  ['aws_error', (r) => r.failure?.detail ?? ''],
];

/** `/aws-cases coverage`: every account, whether its cases can be read, and if not why and the fix. */
export function coverageCsv(
  accounts: readonly AccountRef[],
  failures: readonly AccountFailure[],
  maxAttempts: number,
): string {
  const byAccount = new Map(
    failures.map((f) => [f.account.id, { ...f, advice: adviceFor(f.cause, { role: f.role, maxAttempts }) }]),
  );
  const rows = accounts.map((account) => ({ account, failure: byAccount.get(account.id) }));
  return toCsv(COVERAGE_COLUMNS, rows);
}

/**
 * RFC 4180, CRLF, UTF-8 with BOM so spreadsheets read accents. A cell that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@`, tab, CR at the start) is prefixed with `'`: subjects are typed by anyone who can open a
 * case, and account names by anyone who can name an account.
 */
function toCsv<T>(columns: Columns<T>, rows: readonly T[]): string {
  const lines = [
    columns.map(([name]) => name).join(','),
    ...rows.map((row) => columns.map(([, value]) => csvCell(value(row))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function csvCell(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
