import { SEVERITIES } from './case-query';
import { type CaseRecord, isResolved, severityRank } from './case-record';

export interface Count {
  key: string;
  count: number;
}

export interface DayCount {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  severity: string;
  count: number;
}

/** The numbers of a report, computed once from the cases; builders only lay them out. */
export interface CaseSummary {
  total: number;
  open: number;
  byStatus: Count[];
  bySeverity: Count[];
  byAccount: Count[];
  byService: Count[];
  /** Every case, the ones that matter most first: open before resolved, then by severity, then newest. */
  ranked: CaseRecord[];
  perDay: DayCount[];
}

export function summarizeCases(cases: readonly CaseRecord[], window: { from: Date; to: Date }): CaseSummary {
  return {
    total: cases.length,
    open: cases.filter((record) => !isResolved(record)).length,
    byStatus: countBy(cases, (record) => record.status),
    bySeverity: countBy(cases, (record) => record.severity).sort(
      (a, b) => severityRank(a.key) - severityRank(b.key),
    ),
    byAccount: countBy(cases, (record) =>
      record.accountName ? `${record.accountName} (${record.accountId})` : record.accountId,
    ),
    byService: countBy(cases, (record) => record.service),
    ranked: rankCases(cases),
    perDay: casesPerDay(cases, window),
  };
}

export function rankCases(cases: readonly CaseRecord[]): CaseRecord[] {
  return [...cases].sort(
    (a, b) =>
      Number(isResolved(a)) - Number(isResolved(b)) ||
      severityRank(a.severity) - severityRank(b.severity) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.displayId.localeCompare(b.displayId),
  );
}

/** Largest first, ties by name. */
function countBy(cases: readonly CaseRecord[], keyOf: (record: CaseRecord) => string): Count[] {
  const counts = new Map<string, number>();
  for (const record of cases) counts.set(keyOf(record), (counts.get(keyOf(record)) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Cases per UTC day and severity, every day of the window present (zero rows are left out). */
function casesPerDay(cases: readonly CaseRecord[], window: { from: Date; to: Date }): DayCount[] {
  const counts = new Map<string, number>();
  for (const record of cases) {
    const key = `${record.createdAt.slice(0, 10)}|${record.severity}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: DayCount[] = [];
  const severities = [...SEVERITIES, ...new Set(cases.map((record) => record.severity))].filter(
    (value, index, all) => all.indexOf(value) === index,
  );
  for (const day of daysBetween(window.from, window.to)) {
    for (const severity of severities) {
      const count = counts.get(`${day}|${severity}`) ?? 0;
      if (count > 0) rows.push({ day, severity, count });
    }
  }
  return rows;
}

export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (cursor.getTime() <= to.getTime() && days.length < 400) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}
