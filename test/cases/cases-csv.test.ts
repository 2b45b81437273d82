import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseRecordOf } from '../../src/cases/case-record';
import { casesCsv, csvCell } from '../../src/cases/cases-csv';
import fixture from '../fixtures/cases/describe-cases-cases.json';

describe('casesCsv', () => {
  it('writes one row per case that a CSV reader gets back exactly, formulas defused', () => {
    const cases = fixture.map((details) =>
      caseRecordOf(details, { id: '222222222222', name: 'prod, payments' }),
    );

    const rows = parse(casesCsv(cases), { bom: true, columns: true }) as Record<string, string>[];

    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      account_name: 'prod, payments',
      display_id: '171000000001',
      severity: 'urgent',
    });
    expect(rows[1]?.subject).toBe('\'=HYPERLINK("http://evil.example","Quota increase")');
    expect(rows[2]?.subject).toBe('RDS failover took 10 minutes, "why?"');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['+1', "'+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('quotes %j as %j', (raw, expected) => {
    expect(csvCell(raw)).toBe(expected);
  });
});
