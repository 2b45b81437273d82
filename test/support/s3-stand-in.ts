import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';
import { escapeXml, signedBy } from './aws-xml';

/**
 * Amazon S3 on loopback (REST-XML), for AWS_ENDPOINT_URL_S3: ListBuckets answers the buckets of the calling
 * account (`buckets[account]`, read from the STS stand-in's keys) whose names start with `prefix`, shaped as
 * S3's ListAllMyBucketsResult. Every request is recorded.
 */
export class S3StandIn extends LoopbackStandIn {
  constructor() {
    super('S3');
  }
  readonly buckets = new Map<string, { name: string; region: string; created: string }[]>();
  readonly requests: { account: string; method: string; url: string }[] = [];

  protected handle(req: IncomingMessage, _body: string, res: ServerResponse): void {
    const { account } = signedBy(req.headers.authorization);
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push({ account, method: req.method ?? 'GET', url: url.pathname + url.search });
    res.setHeader('content-type', 'application/xml');
    if (req.method !== 'GET' || url.pathname !== '/') {
      res.statusCode = 501;
      return void res.end(
        '<Error><Code>NotImplemented</Code><Message>not played by the stand-in</Message></Error>',
      );
    }
    const prefix = url.searchParams.get('prefix') ?? '';
    const listed = (this.buckets.get(account) ?? []).filter((b) => b.name.startsWith(prefix));
    const items = listed
      .map(
        (b) =>
          `<Bucket><BucketRegion>${b.region}</BucketRegion><CreationDate>${b.created}</CreationDate><Name>${escapeXml(b.name)}</Name></Bucket>`,
      )
      .join('');
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner-${account}</ID></Owner><Buckets>${items}</Buckets><Prefix>${escapeXml(prefix)}</Prefix></ListAllMyBucketsResult>`,
    );
  }
}
