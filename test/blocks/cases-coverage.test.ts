import { describe, expect, it } from 'vitest';
import { casesCoverage } from '../../blocks/cases-coverage';
import { checkSlackLimits } from '../../blocks/check-limits';

const base = {
  role: 'GetSupportInfoRole',
  elapsedMs: 1234,
  at: new Date('2026-12-01T10:00:00Z'),
  filesNote: 'Coverage CSV in your DM with the bot',
  responseType: 'ephemeral' as const,
};

describe('casesCoverage', () => {
  it('says every account can be read when none failed', () => {
    const reply = casesCoverage({ ...base, accountsTotal: 12, failures: [] });

    expect(reply.text).toBe('Support case coverage: 12 of 12 accounts can be read.');
    expect(JSON.stringify(reply.blocks)).toContain('Every report covers every account.');
  });

  it('stays inside Slack limits with 1,000 accounts not read, naming the CSV for the rest', () => {
    const causes = [
      { label: 'No Business or Enterprise support plan', fix: 'upgrade' },
      { label: 'Role R missing or not trusting the bot', fix: 'deploy <role> & trust' },
    ];
    const failures = Array.from({ length: 1000 }, (_, n) => ({
      accountId: String(100000000000 + n),
      accountName: `<acct & ${n}>`,
      reason: `reason ${n % 12}`,
      cause: causes[n % 2] as (typeof causes)[number],
    }));

    const reply = casesCoverage({ ...base, accountsTotal: 1200, failures });

    expect(checkSlackLimits(reply)).toEqual([]);
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('deploy &lt;role&gt; &amp; trust');
    expect(text).toContain('every account is in the coverage CSV');
    expect(reply.text).toBe('Support case coverage: 200 of 1200 accounts can be read, 1000 cannot.');
  });
});
