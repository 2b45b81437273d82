import type { IncomingMessage, ServerResponse } from 'node:http';
import { callingAccount, toXml } from './aws-wire';
import { LoopbackStandIn } from './http-server';

export interface StandInBucket {
  name: string;
  region: string;
  createdAt: string;
}

/**
 * Amazon S3 on loopback (REST-XML), for AWS_ENDPOINT_URL_S3: ListBuckets (`GET /` with `prefix`) answers the
 * buckets of the calling account (`buckets[account]`), as S3's ListAllMyBucketsResult.
 */
export class S3StandIn extends LoopbackStandIn {
  constructor() {
    super('S3');
  }

  readonly buckets = new Map<string, StandInBucket[]>();

  protected handle(req: IncomingMessage, _body: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://s3');
    res.setHeader('content-type', 'application/xml');
    if (req.method !== 'GET' || url.pathname !== '/') {
      res.statusCode = 501;
      return void res.end(
        `<Error><Code>NotImplemented</Code><Message>${req.method} ${url.pathname} is not played by the demo</Message></Error>`,
      );
    }
    const account = callingAccount(req);
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
