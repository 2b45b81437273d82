import { describe, expect, it } from 'vitest';
import { casesPerBucket } from '../../src/cases/chart-buckets';
import { daysBetween } from '../../src/cases/summarize-cases';

const LIMITS = { maxCategories: 20, maxSeries: 6 };
const TO = new Date('2026-12-01T12:00:00Z');
const daysBack = (n: number) => daysBetween(new Date(TO.getTime() - n * 86_400_000), TO);

describe('casesPerBucket', () => {
  it('keeps days when a week fits, most urgent severity first', () => {
    const days = daysBack(7);
    const buckets = casesPerBucket(
      [
        { day: days[1] ?? '', severity: 'low', count: 2 },
        { day: days[1] ?? '', severity: 'urgent', count: 1 },
      ],
      days,
      LIMITS,
    );

    expect(buckets.unitDays).toBe(1);
    expect(buckets.categories).toEqual(days);
    expect(buckets.series.map((s) => s.severity)).toEqual(['urgent', 'low']);
    expect(buckets.series[1]?.counts[1]).toBe(2);
  });

  it('buckets 30 days into weeks and a year into 20 runs of days, counting every case once', () => {
    const month = daysBack(30);
    const year = daysBack(365);
    const perDay = year.map((day) => ({ day, severity: 'normal', count: 1 }));

    const weeks = casesPerBucket(perDay, month, LIMITS);
    const runs = casesPerBucket(perDay, year, LIMITS);

    expect(weeks.unitDays).toBe(7);
    expect(weeks.categories).toHaveLength(5);
    expect(runs.categories.length).toBeLessThanOrEqual(20);
    expect(runs.series[0]?.counts.reduce((a, b) => a + b, 0)).toBe(366);
    expect(runs.categories.every((label) => label.length <= 20)).toBe(true);
  });

  it('sums severities beyond the series limit into other', () => {
    const days = daysBack(1);
    const severities = ['critical', 'urgent', 'high', 'normal', 'low', 'new-a', 'new-b'];
    const perDay = severities.map((severity) => ({ day: days[0] ?? '', severity, count: 1 }));

    const buckets = casesPerBucket(perDay, days, LIMITS);

    expect(buckets.series.map((s) => s.severity)).toEqual([
      'critical',
      'urgent',
      'high',
      'normal',
      'low',
      'other',
    ]);
    expect(buckets.series.at(-1)?.counts[0]).toBe(2);
  });
});
