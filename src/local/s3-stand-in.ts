import type { IncomingMessage, ServerResponse } from 'node:http';
import { callingAccount, toXml, xmlEscape } from './aws-wire';
import { LoopbackStandIn } from './http-server';

export interface StandInBucket {
  name: string;
  region: string;
  createdAt: string;
}

/**
 * Amazon S3 on loopback (REST-XML), for AWS_ENDPOINT_URL_S3: ListBuckets (`GET /` with `prefix`) answers the
 * buckets of the calling account (`buckets[account]`, read from the STS stand-in's keys) whose names start with
 * `prefix`, as S3's ListAllMyBucketsResult. Every request is recorded in `requests`.
 */
export class S3StandIn extends LoopbackStandIn {
  constructor() {
    super('S3');
  }

  readonly buckets = new Map<string, StandInBucket[]>();
  readonly requests: { account: string; method: string; url: string }[] = [];

  protected handle(req: IncomingMessage, _body: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://s3');
    const account = callingAccount(req);
    this.requests.push({ account, method: req.method ?? 'GET', url: url.pathname + url.search });
    res.setHeader('content-type', 'application/xml');
    if (req.method !== 'GET' || url.pathname !== '/') {
      res.statusCode = 501;
      return void res.end(
        `<Error><Code>NotImplemented</Code><Message>${xmlEscape(`${req.method} ${url.pathname}`)} is not played by the stand-in</Message></Error>`,
      );
    }
    const prefix = url.searchParams.get('prefix') ?? '';
    const buckets = (this.buckets.get(account) ?? []).filter((b) => b.name.startsWith(prefix));
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${toXml(
        {
          Owner: { ID: `owner-${account}`, DisplayName: `demo-${account}` },
          Buckets: buckets.map((b) => ({
            Name: b.name,
            CreationDate: b.createdAt,
            BucketRegion: b.region,
          })),
          Prefix: prefix || undefined,
        },
        'Bucket',
      )}</ListAllMyBucketsResult>`,
    );
  }
}
