import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';

type AsyncHandler = (event: unknown) => Promise<unknown>;

/**
 * The Lambda Invoke API on loopback, for AWS_ENDPOINT_URL_LAMBDA: `InvocationType: Event` answers 202 at once
 * and runs the registered function afterwards, as Lambda's async invoke does. `settled()` waits for the runs.
 */
export class LambdaInvokeStandIn extends LoopbackStandIn {
  constructor() {
    super('Lambda');
  }

  readonly invocations: { functionName: string; payload: unknown }[] = [];
  private readonly functions = new Map<string, AsyncHandler>();
  private running: Promise<unknown>[] = [];
  readonly failures: unknown[] = [];

  register(functionName: string, handler: AsyncHandler): this {
    this.functions.set(functionName, handler);
    return this;
  }

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const match = /\/functions\/([^/]+)\/invocations/.exec(req.url ?? '');
    const functionName = decodeURIComponent(match?.[1] ?? '');
    const handler = this.functions.get(functionName);
    res.setHeader('content-type', 'application/json');
    if (!handler) {
      res.statusCode = 404;
      return void res.end(JSON.stringify({ Type: 'User', message: `Function not found: ${functionName}` }));
    }
    const payload = JSON.parse(body || '{}') as unknown;
    this.invocations.push({ functionName, payload });
    res.statusCode = 202;
    res.end();
    this.running.push(handler(payload).catch((error: unknown) => this.failures.push(error)));
  }

  async settled(): Promise<void> {
    while (this.running.length > 0) {
      const batch = this.running;
      this.running = [];
      await Promise.all(batch);
    }
  }
}
