import type { TopLevelSpec } from 'vega-lite';
import { SEVERITIES } from './case-query';
import type { DayCount } from './summarize-cases';

const SEVERITY_COLORS = ['#7b1fa2', '#d32f2f', '#f57c00', '#fbc02d', '#90a4ae'];

/** Cases per day (every day of the window on the axis), stacked by severity, most urgent at the bottom. Pure. */
export function casesPerDaySpec(
  rows: readonly DayCount[],
  days: readonly string[],
  title: string,
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, anchor: 'start', fontSize: 14 },
    width: 640,
    height: 260,
    background: '#ffffff',
    padding: 12,
    config: { font: 'DejaVu Sans', axis: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: rows.map((row) => ({ ...row })) },
    transform: [{ calculate: `indexof(${JSON.stringify(SEVERITIES)}, datum.severity)`, as: 'rank' }],
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'day',
        type: 'ordinal',
        title: 'Day created (UTC)',
        scale: { domain: [...days] },
        axis: { labelAngle: -40, labelOverlap: 'greedy' },
      },
      y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'Cases', axis: { tickMinStep: 1 } },
      color: {
        field: 'severity',
        type: 'nominal',
        title: 'Severity',
        scale: { domain: [...SEVERITIES], range: SEVERITY_COLORS },
      },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
    },
  };
}
