import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';

export interface AirtableCall {
  method: string;
  path: string;
  body: { records?: { fields: Record<string, unknown> }[]; performUpsert?: { fieldsToMergeOn: string[] } };
  at: number;
  status: number;
  /** The Authorization header (`Bearer <token>`). */
  authorization?: string;
}

/**
 * Airtable's Web API on loopback (point AIRTABLE_ENDPOINT_URL at `url`): `PATCH /v0/<base>/<table>` with
 * `performUpsert` creates or updates rows by the merge fields, as Airtable does. `failWith` makes it answer an
 * error status (429, 503, 422…) to simulate an outage or a rate limit. Every call is recorded.
 */
export class AirtableStandIn extends LoopbackStandIn {
  constructor() {
    super('Airtable');
  }

  readonly calls: AirtableCall[] = [];
  /** Rows per table, by merge key. */
  readonly tables = new Map<string, Map<string, Record<string, unknown>>>();
  /** Status to answer for a call (undefined: succeed). */
  failWith: ((call: AirtableCall) => number | undefined) | undefined;
  private ids = 0;

  rows(table: string): Record<string, unknown>[] {
    return [...(this.tables.get(table)?.values() ?? [])];
  }

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const call: AirtableCall = {
      method: req.method ?? 'GET',
      path,
      body: raw ? (JSON.parse(raw) as AirtableCall['body']) : {},
      at: Date.now(),
      status: 200,
      authorization: req.headers.authorization,
    };
    this.calls.push(call);
    res.setHeader('content-type', 'application/json');
    const failure = this.failWith?.(call);
    if (failure !== undefined) {
      call.status = failure;
      res.statusCode = failure;
      return void res.end(
        JSON.stringify({
          error: { type: failure === 422 ? 'UNKNOWN_FIELD_NAME' : 'FAILED', message: `status ${failure}` },
        }),
      );
    }
    const [, , , table] = path.split('/');
    const mergeOn = call.body.performUpsert?.fieldsToMergeOn;
    if (call.method !== 'PATCH' || !table || !mergeOn || !call.body.records) {
      call.status = 404;
      res.statusCode = 404;
      return void res.end('{"error":"NOT_FOUND"}');
    }
    if (call.body.records.length > 10) {
      call.status = 422;
      res.statusCode = 422;
      return void res.end('{"error":{"type":"INVALID_RECORDS","message":"at most 10 records"}}');
    }
    const rows = this.tables.get(table) ?? new Map<string, Record<string, unknown>>();
    this.tables.set(table, rows);
    const records = call.body.records.map(({ fields }) => {
      const key = mergeOn.map((name) => String(fields[name])).join('|');
      const existing = rows.get(key);
      const row = {
        ...existing,
        ...fields,
        id: existing?.id ?? `rec${String(++this.ids).padStart(14, '0')}`,
      };
      rows.set(key, row);
      return { id: row.id, createdTime: new Date().toISOString(), fields: row };
    });
    res.end(JSON.stringify({ records }));
  }
}
