import { type LocalServer, startServer } from './http-server';

export interface RecordedCall {
  /** `chat.postMessage`, … or `response_url`. */
  method: string;
  path: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** When it arrived (epoch-ms). */
  at: number;
  /** Answered 429 (see `throttle`). */
  throttled?: boolean;
}

/**
 * Slack's Web API and response_urls on loopback. Web API calls (`/api/<method>`) answer `ok` with a fresh `ts`;
 * `POST /response/<id>` plays a response_url. Everything is recorded for the test to assert on.
 */
export class SlackStandIn {
  readonly calls: RecordedCall[] = [];
  private server: LocalServer | undefined;
  private tsCounter = 0;
  private waiters: { match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  /** Overrides the answer of one Web API method, e.g. to simulate `ratelimited`. */
  readonly answers = new Map<string, (body: Record<string, unknown>) => Record<string, unknown>>();
  /** Answers a Web API call with 429 and `Retry-After: <seconds>` when it returns a number. */
  throttle: ((call: RecordedCall) => number | undefined) | undefined;

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get url(): string {
    if (!this.server) throw new Error('Slack stand-in not started');
    return this.server.url;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = await startServer((req, raw, res) => {
      const path = req.url ?? '/';
      const body = parseBody(raw, req.headers['content-type']);
      const method = path.startsWith('/api/') ? (path.slice(5).split('?')[0] ?? '') : 'response_url';
      const call: RecordedCall = { method, path, body, headers: req.headers, at: Date.now() };
      this.calls.push(call);
      const retryAfter = method === 'response_url' ? undefined : this.throttle?.(call);
      if (retryAfter !== undefined) {
        call.throttled = true;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
        return void res.end('{"ok":false,"error":"ratelimited"}');
      }
      for (const waiter of [...this.waiters]) {
        if (waiter.match(call)) {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          waiter.resolve(call);
        }
      }
      res.setHeader('content-type', 'application/json');
      if (method === 'response_url') return void res.end('{"ok":true}');
      const custom = this.answers.get(method);
      this.tsCounter += 1;
      const ts = `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
      res.end(JSON.stringify(custom ? custom(body) : { ok: true, channel: body.channel ?? 'C0LOCAL01', ts }));
    });
    return this;
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (already made or coming) that matches; rejects after `timeoutMs`. */
  waitFor(
    method: string,
    timeoutMs = 5000,
    match: (call: RecordedCall) => boolean = () => true,
  ): Promise<RecordedCall> {
    const existing = this.calls.find((call) => call.method === method && match(call));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ${method} call within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match: (call) => call.method === method && match(call),
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments', 'view']) {
    const value = form[key];
    if (typeof value === 'string' && value.startsWith('['))
      (form as Record<string, unknown>)[key] = JSON.parse(value);
    if (typeof value === 'string' && value.startsWith('{'))
      (form as Record<string, unknown>)[key] = JSON.parse(value);
  }
  return form;
}
