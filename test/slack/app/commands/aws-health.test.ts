import { describe, expect, it, vi } from 'vitest';
import { awsHealthCommand } from '../../../../src/slack/app/commands/aws-health';
import type { StateStore } from '../../../../src/store/state-store';
import { callListener, listenerDeps } from '../../../support/listener-fakes';
import { useLocalStateStore } from '../../../support/local-state-store';
import { slashCommandPayload } from '../../../support/slack-payloads';

const USER = 'U0PERSON01';

describe('/aws-health listener: subscriptions', () => {
  let store: StateStore;
  useLocalStateStore('aws-health-listener-test', (s) => {
    store = s;
  });

  async function health(text: string) {
    const ack = vi.fn(async (_body?: unknown) => undefined);
    const deps = listenerDeps(store);
    const command = slashCommandPayload({
      command: '/aws-health',
      text,
      triggerId: `t-${text}`,
      userId: USER,
    });
    await callListener(awsHealthCommand(deps), { command, ack, client: {} });
    return { ack, jobs: deps.dispatcher.jobs };
  }

  it('answers subscribe and subscriptions in the ack itself, with no job for the worker', async () => {
    const subscribed = await health('subscribe event-type AWS_EC2_* in staging');
    const listed = await health('subscriptions');

    expect(subscribed.jobs).toEqual([]);
    expect(subscribed.ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Subscribed: event types AWS_EC2_* in staging'),
    });
    expect(JSON.stringify(listed.ack.mock.calls[0]?.[0])).toContain('event types AWS_EC2_* in staging');
  });

  it('still hands `mutes` to the worker', async () => {
    const { jobs } = await health('mutes');

    expect(jobs).toMatchObject([{ kind: 'health.show', query: { what: 'mutes' } }]);
  });
});
