import { describe, expect, it } from 'vitest';
import { type CasesReportView, casesReport } from '../../blocks/cases-report';
import { checkSlackLimits } from '../../blocks/check-limits';
import { type CaseRecord, caseRecordOf } from '../../src/cases/case-record';
import { summarizeCases } from '../../src/cases/summarize-cases';
import fixture from '../fixtures/cases/describe-cases-cases.json';

const FROM = new Date('2024-05-01T12:00:00.000Z');
const TO = new Date('2024-05-08T12:00:00.000Z');
const ACCOUNT = { id: '222222222222', name: 'prod-payments' };

function view(cases: CaseRecord[], overrides: Partial<CasesReportView> = {}): CasesReportView {
  return {
    windowText: '7d',
    filters: '',
    from: FROM,
    to: TO,
    accountsTotal: 3,
    failures: [],
    summary: summarizeCases(cases, { from: FROM, to: TO }),
    tableRows: 20,
    elapsedMs: 2345,
    filesNote: 'CSV and chart: in your DM with the bot',
    responseType: 'ephemeral',
    ...overrides,
  };
}

/** The worst inputs: long subjects full of characters that must be escaped, 1,000 cases, 200 failed accounts. */
function worstCases(count: number): CaseRecord[] {
  const severities = ['critical', 'urgent', 'high', 'normal', 'low'];
  return Array.from({ length: count }, (_, n) => ({
    caseId: `case-${n}`,
    displayId: String(17_000_000_000 + n),
    accountId: String(100000000000 + (n % 300)),
    accountName: `<acct & ${'x'.repeat(60)} ${n % 300}>`,
    subject: `<!channel> ${'&<>'.repeat(200)}`,
    status: n % 3 === 0 ? 'resolved' : 'work-in-progress',
    severity: severities[n % 5] as string,
    service: `service-${n % 120}-${'s'.repeat(80)}`,
    category: 'other',
    createdAt: new Date(FROM.getTime() + (n % 7) * 86_400_000).toISOString(),
    submittedBy: `${'u'.repeat(100)}@example.com`,
  }));
}

describe('casesReport', () => {
  const cases = fixture.map((details) => caseRecordOf(details, ACCOUNT));

  it('says in its header and counts that status=open covers every case open now, whatever its creation date', () => {
    const reply = casesReport(
      view(cases, {
        coverage: 'every case open now, any creation date',
        openNow: true,
        filters: 'status=open',
      }),
    );

    expect(reply.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Support cases · every case open now, any creation date' },
    });
    expect(JSON.stringify(reply.blocks[1])).toContain('open now, whatever their creation date,');
    expect(reply.text).toMatch(/^Support cases, every case open now, any creation date: 3/);
  });

  it('shows totals, then open cases first by severity, and escapes subjects', () => {
    const reply = casesReport(view(cases));

    const text = JSON.stringify(reply.blocks);
    expect(reply.text).toBe('Support cases, last 7d: 3 (2 open) in 3 of 3 accounts.');
    expect(text).toContain(
      '&lt;!channel&gt; EC2 instance i-0abc unreachable &amp; &lt;https://evil.example|click&gt;',
    );
    expect(text).not.toContain('<!channel>');
    const table = JSON.stringify(reply.blocks.filter((b) => b.type === 'section'));
    expect(table.indexOf('171000000003')).toBeLessThan(table.indexOf('171000000001'));
    expect(table.indexOf('171000000001')).toBeLessThan(table.indexOf('171000000002'));
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('shows a case whose creation time Support wrote in an unknown format, as written', () => {
    const odd = caseRecordOf({ ...fixture[0], timeCreated: 'Tue & <May>' }, ACCOUNT);

    const reply = casesReport(view([odd]));

    expect(JSON.stringify(reply.blocks)).toContain('Tue &amp; &lt;May&gt;');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('stays inside the limits when Support answers an unexpectedly long status and severity', () => {
    const odd = caseRecordOf(
      { ...fixture[0], status: `s${'&'.repeat(3000)}`, severityCode: `v${'<'.repeat(3000)}` },
      ACCOUNT,
    );

    expect(checkSlackLimits(casesReport(view([odd])))).toEqual([]);
  });

  it('says so when the window has no cases', () => {
    const reply = casesReport(view([]));

    expect(JSON.stringify(reply.blocks)).toContain('No support cases in this window');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('names every failed account with its reason', () => {
    const reply = casesReport(
      view(cases, {
        failures: [
          {
            accountId: '111111111111',
            accountName: 'management',
            reason: 'SubscriptionRequiredException: <plan>',
          },
        ],
      }),
    );

    expect(reply.text).toContain('; 1 account could not be read.');
    expect(JSON.stringify(reply.blocks)).toContain(
      '*1 × SubscriptionRequiredException: &lt;plan&gt;*\\nmanagement (111111111111)',
    );
  });

  it('groups 29 failed accounts by reason and names every one of them', () => {
    const denied = Array.from({ length: 21 }, (_, n) => ({
      accountId: String(910000000000 + n),
      accountName: `denied-${n}`,
      reason: 'cannot assume role GetSupportInfoRole (AccessDenied)',
    }));
    const unsubscribed = Array.from({ length: 8 }, (_, n) => ({
      accountId: String(920000000000 + n),
      accountName: n === 0 ? undefined : `basic-plan-${n}`,
      reason: 'SubscriptionRequiredException: no Business, Enterprise On-Ramp or Enterprise support plan',
    }));

    const reply = casesReport(view(cases, { accountsTotal: 40, failures: [...unsubscribed, ...denied] }));

    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('*21 × cannot assume role GetSupportInfoRole (AccessDenied)*');
    expect(text).toContain('*8 × SubscriptionRequiredException: no Business');
    expect(text.indexOf('21 ×')).toBeLessThan(text.indexOf('8 ×'));
    for (const failure of [...denied, ...unsubscribed]) {
      expect(text).toContain(failure.accountName ?? failure.accountId);
    }
    expect(text).not.toContain('more accounts');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('groups failed accounts by cause, largest first, each cause once with its fix', () => {
    const plan = { label: 'No Business or Enterprise support plan', fix: 'upgrade the plan' };
    const role = { label: 'Role R missing or not trusting the bot', fix: 'deploy the role' };
    const failure = (n: number, reason: string, cause: typeof plan) => ({
      accountId: String(940000000000 + n),
      accountName: `acct-${n}`,
      reason,
      cause,
    });
    const failures = [
      failure(1, 'SubscriptionRequiredException: plan', plan),
      failure(2, 'cannot assume role R (AccessDenied)', role),
      failure(3, 'cannot assume role R (AccessDenied)', role),
      failure(4, 'cannot assume role R (no credentials)', role),
    ];

    const reply = casesReport(view(cases, { accountsTotal: 10, failures }));

    const text = JSON.stringify(reply.blocks);
    expect(text).toContain(
      ':wrench: *Role R missing or not trusting the bot* (3): deploy the role\\n*2 × cannot assume role R (AccessDenied)*\\nacct-2 (940000000002), acct-3 (940000000003)',
    );
    expect(text).toContain('*1 × cannot assume role R (no credentials)*\\nacct-4');
    expect(text.match(/:wrench: \*Role R/g)).toHaveLength(1);
    expect(text).toContain(
      ':wrench: *No Business or Enterprise support plan* (1): upgrade the plan\\n*1 × SubscriptionRequiredException: plan*\\nacct-1 (940000000001)',
    );
    expect(text.indexOf('Role R missing')).toBeLessThan(text.indexOf('No Business'));
  });

  it('escapes account names and reasons, cutting them after escaping', () => {
    const failures = Array.from({ length: 3 }, (_, n) => ({
      accountId: String(930000000000 + n),
      accountName: `<b&${'&'.repeat(300)}>`,
      reason: `Oops <!channel> ${'<'.repeat(2000)}`,
    }));

    const reply = casesReport(view(cases, { failures }));

    const text = JSON.stringify(reply.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(text).toContain('*3 × Oops &lt;!channel&gt; &lt;');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('stays inside every Slack limit with 1,000 cases and 200 failed accounts', () => {
    const failures = Array.from({ length: 200 }, (_, n) => ({
      accountId: String(900000000000 + n),
      accountName: `<${'n'.repeat(70)}>`,
      reason: `AccessDenied: ${'&'.repeat(400)}`,
    }));

    const reply = casesReport(
      view(worstCases(1000), { accountsTotal: 400, failures, tableRows: 40, filters: 'status=open' }),
    );

    expect(checkSlackLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply.blocks)).toContain('every case is in the CSV');
    expect(JSON.stringify(reply.blocks)).toMatch(
      /…and \d+ more: every account not read is in the failures CSV/,
    );
  });

  it('gives each top case a Details button beside it, and the menu only to cases without one', () => {
    const reply = casesReport(view(cases));
    const buttons = reply.blocks.flatMap((b) => ('accessory' in b && b.accessory ? [b.accessory] : []));

    expect(buttons).toHaveLength(3);
    expect(buttons[0]).toMatchObject({
      type: 'button',
      action_id: 'cases-details-button',
      value: `222222222222:${summarizeCases(cases, { from: FROM, to: TO }).ranked[0]?.caseId}`,
    });
    expect(JSON.stringify(reply.blocks)).not.toContain('cases-details-menu');
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('keeps 50 blocks and 25 elements per actions block with 40 top cases and 200 failed accounts', () => {
    const failures = Array.from({ length: 200 }, (_, n) => ({
      accountId: String(900000000000 + n),
      accountName: `acct-${n}`,
      reason: `AccessDenied ${n % 30}`,
    }));
    const reply = casesReport(view(worstCases(1000), { accountsTotal: 400, failures, tableRows: 40 }));
    const buttons = reply.blocks.filter((b) => 'accessory' in b && b.accessory?.type === 'button');

    expect(buttons).toHaveLength(10);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    for (const block of reply.blocks)
      if (block.type === 'actions') expect(block.elements.length).toBeLessThanOrEqual(25);
    expect(JSON.stringify(reply.blocks)).toContain('cases-details-menu');
    expect(checkSlackLimits(reply)).toEqual([]);
  });
});
