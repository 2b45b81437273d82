import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { acceptJob } from '../../src/jobs/accept-job';
import type { Job, JobOfKind } from '../../src/jobs/job';
import { JobDispatchError, type JobDispatcher, LambdaJobDispatcher } from '../../src/jobs/job-dispatcher';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { ResponseUrlRefusedError } from '../../src/slack/api/response-url';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';

const TABLE = 'accept-job-test';

const job = (id: string): JobOfKind<'whoami'> => ({
  kind: 'whoami',
  id,
  reply: {
    responseUrl: 'https://hooks.slack.com/commands/T1/1/abc',
    userId: 'U0123ABCD',
    channelId: 'C0123ABCD',
  },
});

/** Records dispatched jobs; fails while `failing` is set. */
class FakeDispatcher implements JobDispatcher {
  readonly dispatched: Job[] = [];
  failing: Error | undefined;
  async dispatch(j: Job): Promise<void> {
    if (this.failing) throw this.failing;
    this.dispatched.push(j);
  }
}

describe('acceptJob', () => {
  let dynamo: LocalDynamo;
  let store: StateStore;
  let dispatcher: FakeDispatcher;

  beforeAll(async () => {
    dynamo = await startLocalDynamo(TABLE);
    store = new StateStore(documentClient(dynamo.client), TABLE);
  });
  afterAll(() => dynamo.close());
  beforeEach(() => {
    dispatcher = new FakeDispatcher();
  });

  it('dispatches a new job once', async () => {
    const outcome = await acceptJob(job('trigger-1'), { store, dispatcher, responseUrlHosts: [] });

    expect(outcome).toBe('accepted');
    expect(dispatcher.dispatched.map((j) => j.id)).toEqual(['trigger-1']);
  });

  it('starts nothing for a Slack retry of an accepted request', async () => {
    await acceptJob(job('trigger-2'), { store, dispatcher, responseUrlHosts: [] });

    const retry = await acceptJob(job('trigger-2'), { store, dispatcher, responseUrlHosts: [] });

    expect(retry).toBe('duplicate');
    expect(dispatcher.dispatched).toHaveLength(1);
  });

  it('starts one job when retries arrive concurrently', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        acceptJob(job('trigger-3'), { store, dispatcher, responseUrlHosts: [] }),
      ),
    );

    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
    expect(dispatcher.dispatched).toHaveLength(1);
  });

  it('releases the claim when the worker cannot be reached, so the person can retry', async () => {
    // Prepare
    dispatcher.failing = new Error('connect ECONNREFUSED');

    // Act
    const failed = acceptJob(job('trigger-4'), { store, dispatcher, responseUrlHosts: [] });

    // Assess
    await expect(failed).rejects.toBeInstanceOf(JobDispatchError);
    await expect(failed).rejects.toMatchObject({
      message: 'cannot start the worker',
      cause: dispatcher.failing,
    });
    dispatcher.failing = undefined;
    expect(await acceptJob(job('trigger-4'), { store, dispatcher, responseUrlHosts: [] })).toBe('accepted');
    expect(dispatcher.dispatched.map((j) => j.id)).toEqual(['trigger-4']);
  });

  it('passes a JobDispatchError through unchanged', async () => {
    dispatcher.failing = new JobDispatchError('worker invoke answered 500');

    await expect(acceptJob(job('trigger-5'), { store, dispatcher, responseUrlHosts: [] })).rejects.toBe(
      dispatcher.failing,
    );
  });

  it('refuses a job whose response URL is not Slack’s (forged metadata) and starts nothing', async () => {
    const forged: Job = {
      ...job('trigger-6'),
      reply: { ...job('trigger-6').reply, responseUrl: 'https://attacker.example/x' },
    };

    await expect(acceptJob(forged, { store, dispatcher, responseUrlHosts: [] })).rejects.toBeInstanceOf(
      ResponseUrlRefusedError,
    );
    expect(dispatcher.dispatched).toEqual([]);
    expect(await acceptJob(job('trigger-6'), { store, dispatcher, responseUrlHosts: [] })).toBe('accepted');
  });
});

describe('LambdaJobDispatcher', () => {
  const lambda = mockClient(LambdaClient);
  beforeEach(() => lambda.reset());

  it('invokes the worker asynchronously with the job as JSON', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });

    await new LambdaJobDispatcher(new LambdaClient({ region: 'us-east-1' }), 'worker-fn').dispatch(
      job('t-1'),
    );

    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'worker-fn', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual(job('t-1'));
  });

  it('fails with JobDispatchError when Lambda does not queue the event', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 200 });

    await expect(
      new LambdaJobDispatcher(new LambdaClient({ region: 'us-east-1' }), 'worker-fn').dispatch(job('t-2')),
    ).rejects.toThrow(new JobDispatchError('worker invoke answered 200'));
  });
});
