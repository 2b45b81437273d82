import { describe, expect, it } from 'vitest';
import { casesTableBlock } from '../../blocks/cases-native';
import { casesReport } from '../../blocks/cases-report';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { CaseRecord } from '../../src/cases/case-record';
import { casesPerBucket } from '../../src/cases/chart-buckets';
import { daysBetween, summarizeCases } from '../../src/cases/summarize-cases';
import table from '../fixtures/slack/data-table.json';
import chart from '../fixtures/slack/data-visualization-bar.json';

const TO = new Date('2026-12-01T12:00:00Z');
const FROM = new Date(TO.getTime() - 365 * 86_400_000);

function cases(count: number): CaseRecord[] {
  const severities = ['critical', 'urgent', 'high', 'normal', 'low', 'brand-new'];
  return Array.from({ length: count }, (_, n) => ({
    caseId: `case-${n}`,
    displayId: String(17_000_000_000 + n),
    accountId: String(100000000000 + (n % 30)),
    accountName: `<acct & ${n % 30}>`,
    subject: `<!channel> ${'&<>'.repeat(100)}`,
    status: n % 3 === 0 ? 'resolved' : 'opened',
    severity: severities[n % 6] as string,
    service: 'amazon-s3',
    category: 'other',
    createdAt: new Date(FROM.getTime() + (n % 365) * 86_400_000).toISOString(),
    submittedBy: 'ops@example.com',
  }));
}

const keysOf = (value: unknown): string[] => Object.keys(value as object).sort();

describe('casesReport with native blocks', () => {
  const summary = summarizeCases(cases(1000), { from: FROM, to: TO });
  const buckets = casesPerBucket(summary.perDay, daysBetween(FROM, TO), { maxCategories: 20, maxSeries: 6 });
  const reply = casesReport({
    windowText: '365d',
    filters: '',
    from: FROM,
    to: TO,
    accountsTotal: 30,
    failures: [],
    summary,
    tableRows: 40,
    elapsedMs: 1000,
    filesNote: undefined,
    responseType: 'ephemeral',
    native: { chart: buckets },
  });
  const charts = reply.blocks.filter((b) => b.type === 'data_visualization');
  const tables = reply.blocks.filter((b) => b.type === 'data_table');

  it('carries one data_visualization and one data_table, inside the reference limits', () => {
    expect(charts).toHaveLength(1);
    expect(tables).toHaveLength(1);
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('shapes the chart and table as Slack documents them', () => {
    const [ours] = charts as (typeof chart)[];
    const [theirs] = tables as unknown as (typeof table)[];

    expect(keysOf(ours)).toEqual([...keysOf(chart), 'block_id'].sort());
    expect(keysOf(ours?.chart)).toEqual(keysOf(chart.chart));
    expect(keysOf(ours?.chart.series[0])).toEqual(keysOf(chart.chart.series[0]));
    expect(keysOf(ours?.chart.series[0]?.data[0])).toEqual(keysOf(chart.chart.series[0]?.data[0]));
    expect(keysOf(ours?.chart.axis_config)).toEqual(keysOf(chart.chart.axis_config));
    expect(keysOf(theirs)).toEqual([...keysOf(table), 'block_id'].sort());
    expect(keysOf(theirs?.rows[0]?.[0])).toEqual(keysOf(table.rows[0]?.[0]));
  });

  it('plots at most 6 severities over at most 20 buckets, every series one value per category', () => {
    const [ours] = charts as (typeof chart)[];
    const categories = ours?.chart.axis_config.categories ?? [];

    expect(ours?.chart.series.length).toBeLessThanOrEqual(6);
    expect(categories.length).toBeLessThanOrEqual(20);
    for (const series of ours?.chart.series ?? []) {
      expect(series.data.map((point) => point.label)).toEqual(categories);
    }
    expect(ours?.title.length).toBeLessThanOrEqual(50);
  });

  it('lists the top cases in the table, escaped, with the header first and the rest counted', () => {
    const [ours] = tables as unknown as (typeof table)[];

    expect(ours?.rows).toHaveLength(41);
    expect(ours?.rows[0]?.map((cell) => cell.text)).toEqual([
      'Case',
      'Severity',
      'Status',
      'Account',
      'Created (UTC)',
      'Subject',
    ]);
    const text = JSON.stringify(ours);
    expect(text).not.toContain('<!channel>');
    expect(JSON.stringify(reply.blocks)).toContain('…and 960 more cases: every case is in the CSV.');
  });
});

describe('casesTableBlock within the data_table character limit', () => {
  it('drops rows from the end until all cells together are within 10,000 characters, and says how many it shows', () => {
    const ranked = cases(100);
    const block = casesTableBlock(ranked, 100);
    const chars = block.rows.flat().reduce((sum, cell) => sum + ('text' in cell ? cell.text.length : 0), 0);

    expect(chars).toBeLessThanOrEqual(10_000);
    expect(block.rows.length).toBeLessThan(101);
    expect(block.rows[1]?.[0]).toEqual({ type: 'raw_text', text: ranked[0]?.displayId });
    expect(block.caption).toContain(`${block.rows.length - 1} of 100`);
    expect(checkSlackLimits({ text: 'cases', blocks: [block] })).toEqual([]);
  });

  it('is caught by checkSlackLimits when a table goes over 10,000 characters', () => {
    const cell = { type: 'raw_text', text: 'x'.repeat(2001) };
    const problems = checkSlackLimits({
      text: 'cases',
      blocks: [{ type: 'data_table', caption: 'big', rows: [[cell], [cell], [cell], [cell], [cell]] }],
    } as never);

    expect(problems).toContain('blocks[0].rows: 10005 characters in all cells, limit 10000');
  });
});
