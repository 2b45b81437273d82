import type { IncomingMessage, ServerResponse } from 'node:http';
import { signedBy } from './aws-wire';
import { LoopbackStandIn } from './http-server';

/** One record of an account and region's event history (the CloudTrail record, as `detail` of EventBridge). */
export interface HistoryRecord {
  account: string;
  region: string;
  record: Record<string, unknown> & { eventName: string; eventTime: string };
}

/** One LookupEvents call: where it was signed for, the event name asked for, and its page token. */
export interface LookupCall {
  account: string;
  region: string;
  eventName: string | undefined;
  nextToken: string | undefined;
}

const TARGET = 'CloudTrail_20131101.';

/**
 * AWS CloudTrail's LookupEvents on loopback (JSON 1.1, answers shaped as its API reference: `Events[]` with
 * `EventId`, `EventName`, `EventTime` in epoch seconds, `CloudTrailEvent` as a JSON string, and `NextToken`), for
 * AWS_ENDPOINT_URL_CLOUDTRAIL. It answers the records of `history` of the account and region it is called in,
 * one `EventName` attribute, within StartTime–EndTime, newest first, `pageSize` (else MaxResults, ≤ 50) a page.
 * `calls` records each call.
 */
export class CloudTrailStandIn extends LoopbackStandIn {
  readonly history: HistoryRecord[] = [];
  readonly calls: LookupCall[] = [];
  pageSize: number | undefined;

  constructor() {
    super('CloudTrail');
  }

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET, '');
    if (operation !== 'LookupEvents') return void fail(res, 'UnknownOperationException', operation);
    const { account, region } = signedBy(req);
    const body = JSON.parse(raw || '{}') as {
      LookupAttributes?: { AttributeKey: string; AttributeValue: string }[];
      StartTime?: number;
      EndTime?: number;
      MaxResults?: number;
      NextToken?: string;
    };
    const eventName = body.LookupAttributes?.find((a) => a.AttributeKey === 'EventName')?.AttributeValue;
    this.calls.push({ account, region, eventName, nextToken: body.NextToken });
    const seconds = (record: HistoryRecord) => Date.parse(record.record.eventTime) / 1000;
    const matching = this.history
      .filter((h) => h.account === account && h.region === region)
      .filter((h) => !eventName || h.record.eventName === eventName)
      .filter((h) => (body.StartTime ?? 0) <= seconds(h) && seconds(h) <= (body.EndTime ?? Infinity))
      .sort((a, b) => seconds(b) - seconds(a));
    const from = Number(body.NextToken ?? 0);
    const size = Math.min(this.pageSize ?? body.MaxResults ?? 50, 50);
    const page = matching.slice(from, from + size);
    const Events = page.map(({ record }) => ({
      EventId: String(record.eventID ?? ''),
      EventName: record.eventName,
      EventTime: seconds({ account, region, record }),
      EventSource: record.eventSource,
      CloudTrailEvent: JSON.stringify(record),
    }));
    const next = from + size < matching.length ? { NextToken: String(from + size) } : {};
    res.end(JSON.stringify({ Events, ...next }));
  }
}

function fail(res: ServerResponse, code: string, message: string): void {
  res.statusCode = 400;
  res.setHeader('x-amzn-errortype', code);
  res.end(JSON.stringify({ __type: code, Message: message }));
}
