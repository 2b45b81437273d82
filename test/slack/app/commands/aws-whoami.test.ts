import { describe, expect, it, vi } from 'vitest';
import { awsWhoamiCommand } from '../../../../src/slack/app/commands/aws-whoami';
import type { StateStore } from '../../../../src/store/state-store';
import { callListener, type ListenerDeps, listenerDeps } from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { slashCommandPayload } from '../../../support/slack-payloads';

const USER = 'U0PERSON01';

describe('/aws-whoami listener', () => {
  let store: StateStore;
  useLocalStateStore('whoami-listener-test', (s) => {
    store = s;
  });

  async function whoami(text: string, triggerId: string, deps: ListenerDeps = listenerDeps(store)) {
    const ack = vi.fn(async (_body?: unknown) => undefined);
    const command = slashCommandPayload({ command: '/aws-whoami', text, triggerId, userId: USER });
    await callListener(awsWhoamiCommand(deps), { command, ack });
    return { ack, deps, command };
  }

  it('hands the look-up for the bot itself to the worker and acks with a working line', async () => {
    const { ack, deps, command } = await whoami('', 'whoami-self');

    expect(deps.dispatcher.jobs).toEqual([
      {
        kind: 'whoami',
        id: 'whoami-self',
        reply: {
          responseUrl: command.response_url,
          userId: USER,
          channelId: 'C0LOCAL01',
          teamId: 'T0LOCAL01',
        },
      },
    ]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: 'Looking up the AWS identity for the bot itself…',
    });
  });

  it('names the account asked for (any case) in the job and the working line', async () => {
    const { ack, deps } = await whoami('STAGING', 'whoami-staging');

    expect(deps.dispatcher.jobs[0]).toMatchObject({ account: { id: '333333333333', name: 'staging' } });
    expect(ack.mock.calls[0]?.[0]).toMatchObject({ text: 'Looking up the AWS identity in staging…' });
  });

  it('answers an unknown account with the problem and the usage, and starts nothing', async () => {
    const { ack, deps } = await whoami('nowhere', 'whoami-unknown');

    expect(deps.dispatcher.jobs).toEqual([]);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(
        /^"nowhere" is neither a 12-digit account id nor a configured account name\..*Usage: \/aws-whoami/,
      ),
    });
  });

  it('acks a Slack retry of the same request with an empty body and starts no second job', async () => {
    const deps = listenerDeps(store);
    await whoami('', 'whoami-retried', deps);
    const retry = await whoami('', 'whoami-retried', deps);

    expect(deps.dispatcher.jobs).toHaveLength(1);
    expect(retry.ack).toHaveBeenCalledTimes(1);
    expect(retry.ack.mock.calls[0]).toEqual([]);
  });

  it('tells the person to try again when the worker cannot be reached', async () => {
    const deps = listenerDeps(store);
    deps.dispatcher.failure = new Error('Lambda is throttling');

    const { ack } = await whoami('', 'whoami-no-worker', deps);

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      text: 'Could not start that just now. Please try again in a minute.',
    });
  });
});
