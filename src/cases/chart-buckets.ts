import { severityRank } from './case-record';
import type { DayCount } from './summarize-cases';

/** Cases per bucket of days and severity, for a chart that takes at most `maxCategories` categories. */
export interface SeverityBuckets {
  /** Days per bucket: 1, 7, or as many as it takes to fit (19 for a year). */
  unitDays: number;
  /** The first day of each bucket, `YYYY-MM-DD` (UTC). */
  categories: string[];
  /** One series per severity that has cases, most urgent first; `counts[i]` belongs to `categories[i]`. */
  series: { severity: string; counts: number[] }[];
}

/**
 * Buckets the days of a window so the chart fits: days while they fit, else weeks, else equal runs of days. More
 * severities than `maxSeries` (codes Support may add) are summed into `other`.
 */
export function casesPerBucket(
  perDay: readonly DayCount[],
  days: readonly string[],
  limits: { maxCategories: number; maxSeries: number },
): SeverityBuckets {
  const fits = (unit: number) => Math.ceil(days.length / unit) <= limits.maxCategories;
  const unitDays = fits(1) ? 1 : fits(7) ? 7 : Math.ceil(days.length / limits.maxCategories);
  const categories = days.filter((_, index) => index % unitDays === 0);
  const bucketOf = new Map(days.map((day, index) => [day, Math.floor(index / unitDays)]));
  const severities = [...new Set(perDay.map((row) => row.severity))].sort(
    (a, b) => severityRank(a) - severityRank(b) || a.localeCompare(b),
  );
  const kept = severities.length > limits.maxSeries ? severities.slice(0, limits.maxSeries - 1) : severities;
  const series = new Map<string, number[]>();
  for (const row of perDay) {
    const bucket = bucketOf.get(row.day);
    if (bucket === undefined) continue;
    const name = kept.includes(row.severity) ? row.severity : 'other';
    const counts = series.get(name) ?? categories.map(() => 0);
    counts[bucket] = (counts[bucket] ?? 0) + row.count;
    series.set(name, counts);
  }
  const order = [...kept, 'other'];
  return {
    unitDays,
    categories,
    series: [...series]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([severity, counts]) => ({ severity, counts })),
  };
}
