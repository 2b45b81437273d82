import { describe, expect, it, vi } from 'vitest';
import { CASE_DETAILS_BUTTON } from '../../../../blocks/case-details';
import { casesDetails } from '../../../../src/slack/app/actions/cases-details';
import type { StateStore } from '../../../../src/store/state-store';
import { calledBefore, callListener, fakeSlackClient, listenerDeps } from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { blockActionPayload } from '../../../support/slack-payloads';

const CASE = '222222222222:case-222222222222-muen-2024-7118885805350839';

describe('case Details listener', () => {
  let store: StateStore;
  useLocalStateStore('cases-details-test', (s) => {
    store = s;
  });

  async function click(value: string, triggerId: string) {
    const deps = listenerDeps(store);
    const client = {
      ...fakeSlackClient(),
      views: {
        open: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, view: { id: 'V0DETAILS1' } })),
        update: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })),
      },
    };
    const ack = vi.fn(async () => undefined);
    const body = blockActionPayload({
      actionId: CASE_DETAILS_BUTTON,
      value,
      userId: 'U0READER01',
      channel: 'C0CASES001',
      ts: '1700000000.000100',
      triggerId,
      responseUrl: `https://hooks.slack.com/actions/T0LOCAL01/1/${triggerId}`,
    });
    await callListener(casesDetails(deps), { ack, client, body, action: body.actions[0] });
    return { ack, client, deps };
  }

  it('acks, opens a reading… modal within the trigger, and hands the case and the modal to the worker', async () => {
    const { ack, client, deps } = await click(CASE, 'details-1');

    expect(ack).toHaveBeenCalledTimes(1);
    expect(calledBefore(ack, client.views.open)).toBe(true);
    expect(client.views.open.mock.calls[0]?.[0]).toMatchObject({ trigger_id: 'details-1' });
    expect(JSON.stringify(client.views.open.mock.calls[0]?.[0])).toContain(
      'Reading the case from AWS Support',
    );
    expect(deps.dispatcher.jobs).toEqual([
      expect.objectContaining({
        kind: 'cases.details',
        id: 'details-1',
        viewId: 'V0DETAILS1',
        accountId: '222222222222',
        caseId: 'case-222222222222-muen-2024-7118885805350839',
        reply: expect.objectContaining({ userId: 'U0READER01', replaceOriginal: false }),
      }),
    ]);
  });

  it.each([['22222222222:case-x'], ['222222222222:not-a-case'], ['222222222222:case-x;rm']])(
    'opens nothing and starts nothing for a value that is not a case (%s)',
    async (value) => {
      const { client, deps } = await click(value, `details-bad-${value.length}`);

      expect(client.views.open).not.toHaveBeenCalled();
      expect(deps.dispatcher.jobs).toEqual([]);
    },
  );
});
