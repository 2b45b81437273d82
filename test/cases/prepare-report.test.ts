import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CaseCollection } from '../../src/cases/collect-cases';
import { type PreparedReport, reportFiles, reportFilesLabel } from '../../src/cases/prepare-report';
import { summarizeCases } from '../../src/cases/summarize-cases';

const STARTED = new Date('2024-05-08T12:00:00.000Z');

function prepared(failures: CaseCollection['failures']): PreparedReport {
  const collection: CaseCollection = {
    query: { windowText: '7d', windowHours: 168, status: 'all', public: false },
    afterTime: new Date(STARTED.getTime() - 168 * 3_600_000),
    accountsTotal: 40,
    failures,
    cases: [],
    startedAt: STARTED,
    finishedAt: new Date(STARTED.getTime() + 2_000),
  };
  const summary = summarizeCases([], { from: collection.afterTime, to: collection.finishedAt });
  const renderer = async (): Promise<Buffer> => {
    throw new Error('no chart is drawn for an empty window');
  };
  return { collection, summary, renderer: Promise.resolve(renderer), maxAttempts: 5, targets: [] };
}

describe('reportFiles', () => {
  it('sends every account that could not be read, with its reason and AWS error, in a failures CSV', async () => {
    const failures = Array.from({ length: 29 }, (_, n) => ({
      account: { id: String(910000000000 + n), name: n === 3 ? undefined : `=team, ${n}` },
      reason:
        n < 21
          ? 'cannot assume role GetSupportInfoRole (AccessDenied)'
          : 'ThrottlingException: still throttled',
      detail: `AccessDenied: User: arn:aws:sts::999999999999:assumed-role/w is not authorized (${n})`,
      cause: n < 21 ? ('role' as const) : ('throttled' as const),
      role: 'GetSupportInfoRole',
    }));

    const files = await reportFiles(prepared(failures));

    const csv = files.find((file) => file.filename === 'support-case-failures-7d-2024-05-08.csv');
    const rows = parse(String(csv?.content), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(29);
    expect(rows.map((row) => row.account_id)).toEqual(failures.map((f) => f.account.id));
    expect(rows[0]).toEqual({
      account_id: '910000000000',
      account_name: "'=team, 0",
      reason: 'cannot assume role GetSupportInfoRole (AccessDenied)',
      aws_error: 'AccessDenied: User: arn:aws:sts::999999999999:assumed-role/w is not authorized (0)',
      cause: 'Role GetSupportInfoRole missing or not trusting the bot',
      fix: expect.stringMatching(/^deploy infra\/cases-read-role.yaml to these accounts/),
    });
    expect(rows[28]).toMatchObject({
      cause: 'Throttled out (5 attempts)',
      fix: 'run the report again later, or lower cases.concurrency if it keeps happening',
    });
    expect(rows[3]?.account_name).toBe('');
    expect(csv?.title).toBe('Accounts not read (29)');
    expect(reportFilesLabel(prepared(failures))).toBe('CSV and failures CSV');
  });

  it('sends no failures CSV when every account was read', async () => {
    const files = await reportFiles(prepared([]));

    expect(files.map((file) => file.filename)).toEqual(['support-cases-7d-2024-05-08.csv']);
    expect(reportFilesLabel(prepared([]))).toBe('CSV');
  });
});
