import type { DataTableBlock, RawTextElement } from '@slack/types';
import type { CaseRecord } from '../src/cases/case-record';
import type { SeverityBuckets } from '../src/cases/chart-buckets';
import type { DataVisualizationBlock } from './message';
import { SLACK_LIMITS as L } from './slack-limits';
import { escapeAndTruncate, truncateText } from './truncate';

/** Cases per day (or week, or run of days) by severity as a native bar chart, one series per severity. Pure. */
export function casesChartBlock(buckets: SeverityBuckets): DataVisualizationBlock {
  const unit = buckets.unitDays === 1 ? 'day' : buckets.unitDays === 7 ? 'week' : `${buckets.unitDays} days`;
  const categories = buckets.categories.map((day) => truncateText(day, L.chartLabel));
  return {
    type: 'data_visualization',
    block_id: 'cases-chart',
    title: truncateText(`Cases created per ${unit}, by severity`, L.chartTitle),
    chart: {
      type: 'bar',
      series: buckets.series.slice(0, L.chartSeries).map(({ severity, counts }) => ({
        name: escapeAndTruncate(severity, L.chartLabel),
        data: categories.map((label, i) => ({ label, value: counts[i] ?? 0 })),
      })),
      axis_config: {
        categories,
        x_label: buckets.unitDays === 1 ? 'Day created (UTC)' : `${unit} from (UTC)`,
        y_label: 'Cases',
      },
    },
  };
}

const raw = (text: string, max = 200): RawTextElement => ({
  type: 'raw_text',
  text: escapeAndTruncate(text || '—', max),
});

/** The characters of a table's cells together, as Slack counts them against `tableChars`. */
export const tableCharacters = (rows: readonly (readonly RawTextElement[])[]): number =>
  rows.reduce((sum, row) => sum + row.reduce((cells, cell) => cells + cell.text.length, 0), 0);

/**
 * The top cases as a sortable native table (up to 100 rows; page of 10). Rows are dropped from the end until all
 * cells together are within Slack's per-table character limit. Pure.
 */
export function casesTableBlock(ranked: readonly CaseRecord[], rows: number): DataTableBlock {
  const header = ['Case', 'Severity', 'Status', 'Account', 'Created (UTC)', 'Subject'].map((title) =>
    raw(title),
  );
  const shown = ranked
    .slice(0, Math.min(rows, L.tableRowsWithHeader - 1))
    .map((record) => [
      raw(record.displayId, 30),
      raw(record.severity, 30),
      raw(record.status, 40),
      raw(record.accountName ?? record.accountId, 60),
      raw(record.createdAt.slice(0, 16).replace('T', ' '), 20),
      raw(record.subject || '(no subject)', 150),
    ]);
  let chars = tableCharacters([header, ...shown]);
  while (chars > L.tableChars && shown.length > 1) chars -= tableCharacters([shown.pop() ?? []]);
  return {
    type: 'data_table',
    block_id: 'cases-table',
    caption: `Cases that matter most: ${shown.length} of ${ranked.length} (open first, by severity, newest)`,
    page_size: Math.min(10, Math.max(1, shown.length)),
    rows: [header, ...shown],
  };
}
