import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { Job } from './job';

/** Hands a job to the worker without waiting for it. */
export interface JobDispatcher {
  dispatch(job: Job): Promise<void>;
}

export class JobDispatchError extends Error {
  override readonly name = 'JobDispatchError';
}

/**
 * Asynchronous Lambda invoke (InvocationType Event): Lambda queues the job, retries it twice on failure and then
 * sends it to the worker's on-failure destination. Locally the same call reaches serverless-offline on :3002.
 */
export class LambdaJobDispatcher implements JobDispatcher {
  constructor(
    private readonly lambda: LambdaClient,
    private readonly functionName: string,
  ) {}

  async dispatch(job: Job): Promise<void> {
    const out = await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(job)),
      }),
    );
    if (out.StatusCode !== 202) {
      throw new JobDispatchError(`worker invoke answered ${out.StatusCode ?? 'no status'}`);
    }
  }
}
