import type { TopLevelSpec } from 'vega-lite';
import { type CasesReportView, casesReport, type ReportFailure } from '../../blocks/cases-report';
import type { SlackReply } from '../../blocks/message';
import { SLACK_LIMITS } from '../../blocks/slack-limits';
import type { AccountRef } from '../aws/account-directory';
import { logger } from '../lambda/logger';
import type { SlackFile } from '../slack/api/slack-sink';
import { type CaseQuery, coverageLabel, describeFilters } from './case-query';
import { casesCsv, failuresCsv } from './cases-csv';
import { casesPerBucket } from './chart-buckets';
import { casesPerDaySpec } from './chart-spec';
import {
  type AccountFailure,
  accountsFor,
  type CaseCollection,
  type CollectDeps,
  collectCases,
  type ProgressListener,
} from './collect-cases';
import { adviceFor } from './failure-cause';
import { type CaseSummary, daysBetween, summarizeCases } from './summarize-cases';

export type ChartRenderer = (spec: TopLevelSpec) => Promise<Buffer>;

export interface CaseReportDeps extends CollectDeps {
  /** Loads the chart renderer (vega + resvg) lazily; started at once so loading overlaps the AWS calls. */
  loadChartRenderer: () => Promise<ChartRenderer>;
}

export interface PreparedReport {
  collection: CaseCollection;
  summary: CaseSummary;
  /** The renderer, loading since the collection started. */
  renderer: Promise<ChartRenderer>;
  /** Attempts per account (the fixes of throttled accounts say how many). */
  maxAttempts: number;
  /** Every account the report tried to read. */
  targets: AccountRef[];
}

/** The accounts, then every case and the numbers: the same for /aws-cases and the schedule. */
export async function prepareCasesReport(
  query: CaseQuery,
  deps: CaseReportDeps,
  onProgress?: ProgressListener,
): Promise<PreparedReport> {
  const renderer = deps.loadChartRenderer();
  renderer.catch(() => undefined);
  const targets = await accountsFor(query, deps);
  const collection = await collectCases(query, deps, targets, onProgress);
  const summary = summarizeCases(collection.cases, { from: collection.afterTime, to: collection.finishedAt });
  return { collection, summary, renderer, maxAttempts: deps.cases.maxAttempts, targets };
}

/**
 * The CSV of every case, the CSV of every account not read (when any) and, when there are cases, the chart of
 * cases per day by severity. A chart that cannot be drawn is logged and left out: the CSVs still go.
 */
export async function reportFiles(prepared: PreparedReport): Promise<SlackFile[]> {
  const { collection, summary } = prepared;
  const { query } = collection;
  const window = query.status === 'open' ? 'open-now' : query.windowText.replace(/\s+/g, '-');
  const covers = coverageLabel(query);
  const stamp = collection.finishedAt.toISOString().slice(0, 10);
  const files: SlackFile[] = [
    {
      filename: `support-cases-${window}-${stamp}.csv`,
      title: `Support cases, ${covers} (${summary.total})`,
      content: casesCsv(summary.ranked),
    },
  ];
  if (collection.failures.length > 0) {
    files.push({
      filename: `support-case-failures-${window}-${stamp}.csv`,
      title: `Accounts not read (${collection.failures.length})`,
      content: failuresCsv(collection.failures, prepared.maxAttempts),
    });
  }
  if (summary.total === 0) return files;
  try {
    const days = daysBetween(collection.afterTime, collection.finishedAt);
    const spec = casesPerDaySpec(summary.perDay, days, `Support cases per day by severity, ${covers}`);
    const png = await (await prepared.renderer)(spec);
    files.push({
      filename: `support-cases-per-day-${stamp}.png`,
      title: 'Support cases per day',
      content: png,
    });
  } catch (error) {
    logger.warn('case chart not drawn; sending the CSV alone', { error });
  }
  return files;
}

/** Each account not read with its reason, and the label and fix of its cause. */
export function reportFailures(failures: readonly AccountFailure[], maxAttempts: number): ReportFailure[] {
  return failures.map((f) => ({
    accountId: f.account.id,
    accountName: f.account.name,
    reason: f.reason,
    cause: adviceFor(f.cause, { role: f.role, maxAttempts }),
  }));
}

export function casesReportReply(
  prepared: PreparedReport,
  options: {
    tableRows: number;
    filesNote: string | undefined;
    responseType: SlackReply['responseType'];
    /** With the native chart and table (data_visualization, data_table). */
    native?: boolean;
  },
): SlackReply {
  const { collection, summary, maxAttempts } = prepared;
  const days = daysBetween(collection.afterTime, collection.finishedAt);
  const chart = casesPerBucket(summary.perDay, days, {
    maxCategories: SLACK_LIMITS.chartCategories,
    maxSeries: SLACK_LIMITS.chartSeries,
  });
  const view: CasesReportView = {
    windowText: collection.query.windowText,
    coverage: coverageLabel(collection.query),
    openNow: collection.query.status === 'open',
    filters: describeFilters(collection.query),
    from: collection.afterTime,
    to: collection.finishedAt,
    accountsTotal: collection.accountsTotal,
    failures: reportFailures(collection.failures, maxAttempts),
    summary,
    tableRows: options.tableRows,
    elapsedMs: collection.finishedAt.getTime() - collection.startedAt.getTime(),
    filesNote: options.filesNote,
    responseType: options.responseType,
    ...(options.native ? { native: { chart } } : {}),
  };
  return casesReport(view);
}

/** What `reportFiles` shares: a failures CSV only when accounts were not read, no chart for an empty window. */
export function reportFilesLabel(prepared: PreparedReport): string {
  const files = ['CSV'];
  if (prepared.collection.failures.length > 0) files.push('failures CSV');
  if (prepared.summary.total > 0) files.push('chart');
  return files.length === 1 ? 'CSV' : `${files.slice(0, -1).join(', ')} and ${files.at(-1)}`;
}

/** Slack's error code for a failed upload (`not_in_channel`, …), else the message. */
export function uploadErrorCode(error: unknown): string {
  return (error as { data?: { error?: string } }).data?.error ?? (error as Error).message;
}
