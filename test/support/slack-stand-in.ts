import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';

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
  /** The `ts` the stand-in answered with (chat.postMessage and other methods answered by default). */
  ts?: string;
  /** Answered an error without acting on it (see `refusedBlockTypes`). */
  refused?: 'invalid_blocks';
}

/** A file shared through files.uploadV2 (bytes as uploaded, channel/thread/comment from the completion). */
export interface UploadedFile {
  id: string;
  filename: string;
  bytes: Buffer;
  channel?: string;
  threadTs?: string;
  comment?: string;
}

/**
 * Slack's Web API and response_urls on loopback. Web API calls (`/api/<method>`) answer `ok` with a fresh `ts`;
 * `POST /response/<id>` plays a response_url; files.uploadV2's three steps (getUploadURLExternal, the upload,
 * completeUploadExternal) land in `files`. Everything is recorded for the test to assert on.
 */
export class SlackStandIn extends LoopbackStandIn {
  constructor() {
    super('Slack');
  }

  readonly calls: RecordedCall[] = [];
  readonly files: UploadedFile[] = [];
  private tsCounter = 0;
  private waiters: { match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  /** Bytes served at `GET /files/<name>` (a file's url_private_download), recorded as `file_download`. */
  readonly downloads = new Map<string, Buffer>();
  /** Overrides the answer of one Web API method, e.g. to simulate `ratelimited`. */
  readonly answers = new Map<string, (body: Record<string, unknown>) => Record<string, unknown>>();
  /**
   * Block types this workspace does not have yet (Slack's phased rollouts): a message or response_url post that
   * holds one is answered `invalid_blocks` (HTTP 400 at a response_url, `ok: false` from the Web API).
   */
  readonly refusedBlockTypes = new Set<string>();
  /** Answers a Web API call with 429 and `Retry-After: <seconds>` when it returns a number. */
  throttle: ((call: RecordedCall) => number | undefined) | undefined;

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Where a file served by `files` can be downloaded. */
  fileUrl(name: string): string {
    return `${this.url}/files/${name}`;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}/response/${id}`;
  }

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse, bytes: Buffer): void {
    const path = req.url ?? '/';
    const upload = /^\/upload\/(F\w+)/.exec(path);
    if (upload) {
      const file = this.files.find((f) => f.id === upload[1]);
      if (file) file.bytes = uploadedBytes(bytes, req.headers['content-type']);
      return void res.end('OK');
    }
    const body = parseBody(raw, req.headers['content-type']);
    const method = path.startsWith('/api/')
      ? (path.slice(5).split('?')[0] ?? '')
      : path.startsWith('/files/')
        ? 'file_download'
        : 'response_url';
    const call: RecordedCall = { method, path, body, headers: req.headers, at: Date.now() };
    this.calls.push(call);
    const retryAfter = method === 'response_url' ? undefined : this.throttle?.(call);
    if (retryAfter !== undefined) {
      call.throttled = true;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
      return void res.end('{"ok":false,"error":"ratelimited"}');
    }
    if (this.refusedTypeIn(body) !== undefined) {
      call.refused = 'invalid_blocks';
      res.writeHead(method === 'response_url' ? 400 : 200, { 'content-type': 'application/json' });
      // As Slack answers: the refused block named, with a JSON pointer to it.
      const type = this.refusedTypeIn(body) ?? 'block';
      const said = [`unsupported type: ${type} [json-pointer:/blocks/0/type]`];
      return void res.end(
        JSON.stringify({
          ok: false,
          error: 'invalid_blocks',
          errors: said,
          response_metadata: { messages: said },
        }),
      );
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.match(call)) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(call);
      }
    }
    if (method === 'file_download') {
      const file = this.downloads.get(path.slice('/files/'.length));
      res.statusCode = file ? 200 : 404;
      res.setHeader('content-type', 'application/octet-stream');
      return void res.end(file ?? '');
    }
    res.setHeader('content-type', 'application/json');
    if (method === 'response_url') return void res.end('{"ok":true}');
    const custom = this.answers.get(method);
    if (!custom && method in this.fileMethods)
      return void res.end(JSON.stringify(this.fileMethods[method]?.(body)));
    this.tsCounter += 1;
    const ts = `1700000000.${String(this.tsCounter).padStart(6, '0')}`;
    call.ts = ts;
    res.end(JSON.stringify(custom ? custom(body) : { ok: true, channel: body.channel ?? 'C0LOCAL01', ts }));
  }

  private readonly fileMethods: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    'conversations.open': (body) => ({ ok: true, channel: { id: `D${String(body.users ?? 'X').slice(1)}` } }),
    'files.getUploadURLExternal': (body) => {
      const id = `F${String(this.files.length + 1).padStart(8, '0')}`;
      this.files.push({ id, filename: String(body.filename ?? ''), bytes: Buffer.alloc(0) });
      return { ok: true, file_id: id, upload_url: `${this.url}/upload/${id}` };
    },
    'files.completeUploadExternal': (body) => {
      const listed = JSON.parse(String(body.files ?? '[]')) as { id: string; title?: string }[];
      for (const { id } of listed) {
        const file = this.files.find((f) => f.id === id);
        if (!file) continue;
        if (body.channel_id) file.channel = String(body.channel_id);
        if (body.thread_ts) file.threadTs = String(body.thread_ts);
        if (body.initial_comment) file.comment = String(body.initial_comment);
      }
      return { ok: true, files: listed };
    },
  };

  private refusedTypeIn(body: Record<string, unknown>): string | undefined {
    // Blocks arrive as JSON (response_url) or as a JSON string inside a form (Web API): quotes may be escaped.
    const text = JSON.stringify(body);
    return [...this.refusedBlockTypes].find((type) =>
      new RegExp(`\\\\?"type\\\\?":\\\\?"${type}\\\\?"`).test(text),
    );
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
}

/** The file inside a multipart/form-data upload (web-api posts one part), or the raw body. */
function uploadedBytes(body: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!boundary) return body;
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  const headersEnd = body.indexOf('\r\n\r\n');
  if (headersEnd === -1) return body;
  const start = headersEnd + 4;
  const end = body.indexOf(delimiter, start);
  return body.subarray(start, end === -1 ? body.length : end);
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
