import type { TopLevelSpec } from 'vega-lite';
import { type CasesReportView, casesReport } from '../../blocks/cases-report';
import type { SlackReply } from '../../blocks/message';
import { logger } from '../logging/logger';
import type { SlackFile } from '../slack/slack-sink';
import { type CaseQuery, describeFilters } from './case-query';
import { casesCsv } from './cases-csv';
import { casesPerDaySpec } from './chart-spec';
import {
  accountsFor,
  type CaseCollection,
  type CollectDeps,
  collectCases,
  type ProgressListener,
} from './collect-cases';
import { type CaseSummary, daysBetween, summarizeCases } from './summarize-cases';

export type ChartRenderer = (spec: TopLevelSpec) => Promise<Buffer>;

export interface CaseReportDeps extends CollectDeps {
  /** Loads the chart renderer (vega + resvg) lazily; started at once so loading overlaps the AWS calls. */
  loadChartRenderer: () => Promise<ChartRenderer>;
}

export interface PreparedReport {
  collection: CaseCollection;
  summary: CaseSummary;
  /** The CSV of every case, and the chart when there is something to draw. */
  files: SlackFile[];
  /** Why there is no chart although there are cases. */
  chartProblem: string | undefined;
}

/** The accounts, then every case, the numbers, the CSV and the chart: the same for /aws-cases and the schedule. */
export async function prepareCasesReport(
  query: CaseQuery,
  deps: CaseReportDeps,
  onStart: (accounts: number) => void = () => undefined,
  onProgress?: ProgressListener,
): Promise<PreparedReport> {
  const renderer = deps.loadChartRenderer();
  renderer.catch(() => undefined);
  const targets = await accountsFor(query, deps);
  onStart(targets.length);
  const collection = await collectCases(query, deps, targets, onProgress);
  const summary = summarizeCases(collection.cases, { from: collection.afterTime, to: collection.finishedAt });
  const stamp = collection.finishedAt.toISOString().slice(0, 10);
  const files: SlackFile[] = [
    {
      filename: `support-cases-${query.windowText}-${stamp}.csv`,
      title: `Support cases, last ${query.windowText} (${summary.total})`,
      content: casesCsv(summary.ranked),
    },
  ];
  let chartProblem: string | undefined;
  if (summary.total > 0) {
    try {
      const days = daysBetween(collection.afterTime, collection.finishedAt);
      const spec = casesPerDaySpec(
        summary.perDay,
        days,
        `Support cases per day by severity, last ${query.windowText}`,
      );
      const png = await (await renderer)(spec);
      files.push({
        filename: `support-cases-per-day-${stamp}.png`,
        title: 'Support cases per day',
        content: png,
      });
    } catch (error) {
      chartProblem = `no chart (${(error as Error).message})`;
      logger.warn('case chart not drawn', { error });
    }
  }
  return { collection, summary, files, chartProblem };
}

export function casesReportReply(
  prepared: PreparedReport,
  options: { tableRows: number; filesNote: string | undefined; responseType: SlackReply['responseType'] },
): SlackReply {
  const { collection, summary } = prepared;
  const view: CasesReportView = {
    windowText: collection.query.windowText,
    filters: describeFilters(collection.query),
    from: collection.afterTime,
    to: collection.finishedAt,
    accountsTotal: collection.accountsTotal,
    failures: collection.failures.map((f) => ({
      accountId: f.account.id,
      accountName: f.account.name,
      reason: f.reason,
    })),
    summary,
    tableRows: options.tableRows,
    elapsedMs: collection.finishedAt.getTime() - collection.startedAt.getTime(),
    filesNote: [options.filesNote, prepared.chartProblem].filter(Boolean).join('; ') || undefined,
    responseType: options.responseType,
  };
  return casesReport(view);
}
