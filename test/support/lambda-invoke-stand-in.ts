import { type LocalServer, startServer } from '../../src/local/http-server';

type AsyncHandler = (event: unknown) => Promise<unknown>;

/**
 * The Lambda Invoke API on loopback, for AWS_ENDPOINT_URL_LAMBDA: `InvocationType: Event` answers 202 at once
 * and runs the registered function afterwards, as Lambda's async invoke does. `settled()` waits for the runs.
 */
export class LambdaInvokeStandIn {
  readonly invocations: { functionName: string; payload: unknown }[] = [];
  private readonly functions = new Map<string, AsyncHandler>();
  private running: Promise<unknown>[] = [];
  readonly failures: unknown[] = [];
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('Lambda stand-in not started');
    return this.server.url;
  }

  register(functionName: string, handler: AsyncHandler): this {
    this.functions.set(functionName, handler);
    return this;
  }

  async start(): Promise<this> {
    this.server = await startServer((req, body, res) => {
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
    });
    return this;
  }

  async settled(): Promise<void> {
    while (this.running.length > 0) {
      const batch = this.running;
      this.running = [];
      await Promise.all(batch);
    }
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
