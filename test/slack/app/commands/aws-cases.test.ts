import { describe, expect, it, vi } from 'vitest';
import { awsCasesCommand } from '../../../../src/slack/app/commands/aws-cases';
import type { StateStore } from '../../../../src/store/state-store';
import { callListener, listenerDeps } from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { slashCommandPayload } from '../../../support/slack-payloads';

const USER = 'U0PERSON01';

describe('/aws-cases listener', () => {
  let store: StateStore;
  useLocalStateStore('cases-listener-test', (s) => {
    store = s;
  });

  async function cases(text: string, triggerId: string) {
    const deps = listenerDeps(store);
    const ack = vi.fn(async (_body?: unknown) => undefined);
    const command = slashCommandPayload({ command: '/aws-cases', text, triggerId, userId: USER });
    await callListener(awsCasesCommand(deps), { command, ack });
    return { ack, jobs: deps.dispatcher.jobs, command };
  }

  it('hands the report over every configured account to the worker and says what it covers', async () => {
    const { ack, jobs, command } = await cases('14d status=open', 'cases-open');

    expect(jobs).toEqual([
      {
        kind: 'cases',
        id: 'cases-open',
        reply: {
          responseUrl: command.response_url,
          userId: USER,
          channelId: 'C0LOCAL01',
          teamId: 'T0LOCAL01',
        },
        query: { windowText: '14d', windowHours: 14 * 24, status: 'open', public: false },
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: 'Collecting support cases (every case open now, any creation date) from 3 accounts…',
    });
  });

  it('names the one account asked for', async () => {
    const { ack, jobs } = await cases('account=prod-payments', 'cases-account');

    expect(jobs[0]).toMatchObject({ query: { account: { id: '222222222222', name: 'prod-payments' } } });
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      text: expect.stringMatching(/from account prod-payments…$/),
    });
  });

  it.each([
    ['forever', /^"forever": not a window/],
    ['7d 7d', /^"window" is given twice\./],
    ['status=lost', /^"status=lost": status must be one of/],
  ])('answers "%s" with the problem and the usage, and starts nothing', async (text, problem) => {
    const { ack, jobs } = await cases(text, `cases-bad-${text}`);

    expect(jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    const body = ack.mock.calls[0]?.[0] as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(problem);
    expect(body.text).toContain('Usage: /aws-cases');
  });
});
