import { SupportClient } from '@aws-sdk/client-support';
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { CaseDetailsJob } from '../../src/cases/case-details-job';
import { runCaseDetails } from '../../src/cases/run-case-details-job';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';

const ACCOUNT = '222222222222';
const CASE_ID = 'case-222222222222-muen-2024-7118885805350839';

describe('runCaseDetails against the Support stand-in', () => {
  const support = new SupportStandIn();
  beforeAll(async () => {
    await support.start();
    support.pageSize = 3;
    support.cases.set(ACCOUNT, [
      supportCase(ACCOUNT, 1, {
        caseId: CASE_ID,
        timeCreated: '2026-11-30T10:00:00Z',
        subject: 'DB <down> & out',
      }),
    ]);
    support.communications.set(
      CASE_ID,
      Array.from({ length: 8 }, (_, n) => ({
        caseId: CASE_ID,
        body: n === 0 ? '<!channel> please look & fix' : `message ${n}`,
        submittedBy: n % 2 ? 'Amazon Web Services' : 'ops@example.com',
        timeCreated: `2026-11-30T1${n}:00:00Z`,
      })),
    );
  });
  afterAll(() => support.stop());

  function deps(updates: { viewId: string; view: ModalView }[]) {
    const client = new SupportClient({
      region: 'us-east-1',
      endpoint: support.url,
      credentials: { accessKeyId: `ASIA${ACCOUNT}`, secretAccessKey: 'local' },
    });
    return {
      config: { organization: { partition: 'aws' as const, lookUpAccountNames: false } },
      accounts: { roleFor: () => 'GetSupportInfoRole', nameOf: async () => 'prod-payments' },
      clients: { support: () => client },
      views: { update: async (viewId: string, view: ModalView) => void updates.push({ viewId, view }) },
    };
  }
  const job = (caseId: string): CaseDetailsJob => ({
    kind: 'cases.details',
    id: 'trigger-1',
    reply: { responseUrl: 'https://hooks.slack.com/actions/T1/1/x', userId: 'U1', channelId: 'C1' },
    viewId: 'V0DETAILS1',
    accountId: ACCOUNT,
    caseId,
  });

  it('reads every page of communications and fills the modal with them, escaped', async () => {
    const updates: { viewId: string; view: ModalView }[] = [];
    support.requests.length = 0;

    await runCaseDetails(job(CASE_ID), deps(updates));

    const pages = support.requests.filter((r) => r.body.caseId === CASE_ID && r.body.maxResults === 100);
    expect(pages.map((r) => r.body.nextToken)).toEqual([undefined, '3', '6']);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.viewId).toBe('V0DETAILS1');
    const text = JSON.stringify(updates[0]?.view.blocks);
    for (let n = 1; n < 8; n += 1) expect(text).toContain(`message ${n}`);
    expect(text).toContain('&lt;!channel&gt; please look &amp; fix');
    expect(text).toContain('DB &lt;down&gt; &amp; out');
    expect(text).toContain('prod-payments (222222222222)');
    expect(text).toContain('support/home?region=us-east-1#/case/?displayId=1700000001');
    expect(checkSlackLimits(updates[0]?.view, 'modal')).toEqual([]);
  });

  it('says in the modal when the case cannot be read', async () => {
    const updates: { viewId: string; view: ModalView }[] = [];

    await runCaseDetails(job('case-222222222222-muen-2024-0000000000000000'), deps(updates));

    expect(JSON.stringify(updates[0]?.view.blocks)).toMatch(/Could not read the case \(CaseIdNotFound\)/);
  });

  it('is done, not failed, when the person closed the modal before it was filled (views.update: not_found)', async () => {
    const tried: string[] = [];
    const closed = {
      ...deps([]),
      views: {
        update: async (viewId: string) => {
          tried.push(viewId);
          throw Object.assign(new Error('An API error occurred: not_found'), {
            data: { ok: false, error: 'not_found' },
          });
        },
      },
    };

    await expect(runCaseDetails(job(CASE_ID), closed)).resolves.toBeUndefined();
    await expect(
      runCaseDetails(job('case-222222222222-muen-2024-0000000000000000'), closed),
    ).resolves.toBeUndefined();
    expect(tried).toEqual(['V0DETAILS1', 'V0DETAILS1']);
  });
});
