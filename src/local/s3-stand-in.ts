import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callingAccount, toXml } from './aws-wire';
import { LoopbackStandIn } from './http-server';
import { decodedBody, md5, noSuchUpload, S3_XMLNS, s3Error } from './s3-wire';

export interface StandInBucket {
  name: string;
  region: string;
  createdAt: string;
}

export interface StandInObject {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** A multipart upload begun and neither completed nor aborted yet. */
export interface StandInUpload {
  bucket: string;
  key: string;
  contentType: string;
  parts: Map<number, { body: Buffer; etag: string }>;
}

export interface S3StandInRequest {
  account: string;
  method: string;
  url: string;
  /** The S3 operation the request was played as (`ListBuckets`, `UploadPart`, …; `Unknown` when not played). */
  operation: string;
}

/**
 * Amazon S3 on loopback (REST-XML, path-style requests), for AWS_ENDPOINT_URL_S3. ListBuckets (`GET /` with
 * `prefix`) answers the buckets of the calling account (`buckets[account]`, read from the STS stand-in's keys)
 * whose names start with `prefix`, as S3's ListAllMyBucketsResult. The buckets hold objects (`objects[bucket]`):
 * HeadBucket (with `x-amz-bucket-region`, 403 when `x-amz-expected-bucket-owner` is another account),
 * HeadObject, GetObject (`If-Match`), PutObject, CreateMultipartUpload, UploadPart, CompleteMultipartUpload and
 * AbortMultipartUpload are played as the S3 API reference describes them; PutObject and CompleteMultipartUpload
 * with `If-None-Match: *` answer 412 PreconditionFailed when the key exists. Every request is recorded in
 * `requests`, every aborted upload in `aborted`.
 */
export class S3StandIn extends LoopbackStandIn {
  constructor() {
    super('S3');
  }

  readonly buckets = new Map<string, StandInBucket[]>();
  readonly objects = new Map<string, Map<string, StandInObject>>();
  readonly uploads = new Map<string, StandInUpload>();
  readonly aborted: { uploadId: string; bucket: string; key: string; parts: number }[] = [];
  readonly requests: S3StandInRequest[] = [];

  /** Stores an object as PutObject would (the bucket must be one of `buckets`' when requests reach it). */
  putObject(bucket: string, key: string, body: Buffer | string, contentType = 'binary/octet-stream'): void {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    this.store(bucket, key, { body: bytes, contentType, etag: `"${md5(bytes)}"`, lastModified: new Date() });
  }

  object(bucket: string, key: string): StandInObject | undefined {
    return this.objects.get(bucket)?.get(key);
  }

  protected handle(req: IncomingMessage, _body: string, res: ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://s3');
    const account = callingAccount(req);
    const request = {
      account,
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      operation: 'Unknown',
    };
    this.requests.push(request);
    res.setHeader('content-type', 'application/xml');
    const [, bucket = '', ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const play = (operation: string, act: () => void) => {
      request.operation = operation;
      act();
    };
    const q = url.searchParams;
    if (!bucket) {
      if (req.method === 'GET') return void play('ListBuckets', () => this.listBuckets(account, q, res));
    } else if (!this.bucketOwner(bucket)) {
      return void play('NoSuchBucket', () =>
        s3Error(res, 404, 'NoSuchBucket', `${bucket} does not exist`, req),
      );
    } else if (!key) {
      if (req.method === 'HEAD') return void play('HeadBucket', () => this.headBucket(bucket, req, res));
    } else if (req.method === 'POST' && q.has('uploads')) {
      return void play('CreateMultipartUpload', () => this.createUpload(bucket, key, req, res));
    } else if (req.method === 'PUT' && q.has('uploadId')) {
      return void play('UploadPart', () => this.uploadPart(q, decodedBody(req, raw), req, res));
    } else if (req.method === 'POST' && q.has('uploadId')) {
      return void play('CompleteMultipartUpload', () =>
        this.completeUpload(q, raw.toString('utf8'), req, res),
      );
    } else if (req.method === 'DELETE' && q.has('uploadId')) {
      return void play('AbortMultipartUpload', () => this.abortUpload(q, req, res));
    } else if (req.method === 'PUT' && !req.headers['x-amz-copy-source']) {
      return void play('PutObject', () => this.putRequest(bucket, key, decodedBody(req, raw), req, res));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      return void play(req.method === 'GET' ? 'GetObject' : 'HeadObject', () =>
        this.getObject(bucket, key, req, res),
      );
    }
    s3Error(res, 501, 'NotImplemented', `${req.method} ${url.pathname} is not played by the stand-in`, req);
  }

  private listBuckets(account: string, q: URLSearchParams, res: ServerResponse): void {
    const prefix = q.get('prefix') ?? '';
    const buckets = (this.buckets.get(account) ?? []).filter((b) => b.name.startsWith(prefix));
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="${S3_XMLNS}">${toXml(
        {
          Owner: { ID: `owner-${account}`, DisplayName: `demo-${account}` },
          Buckets: buckets.map((b) => ({ Name: b.name, CreationDate: b.createdAt, BucketRegion: b.region })),
          Prefix: prefix || undefined,
        },
        'Bucket',
      )}</ListAllMyBucketsResult>`,
    );
  }

  private headBucket(bucket: string, req: IncomingMessage, res: ServerResponse): void {
    const owner = this.bucketOwner(bucket);
    const expected = req.headers['x-amz-expected-bucket-owner'];
    if (expected && expected !== owner?.account)
      return void s3Error(res, 403, 'AccessDenied', 'Access Denied', req);
    res.setHeader('x-amz-bucket-region', owner?.bucket.region ?? 'us-east-1');
    res.end();
  }

  private getObject(bucket: string, key: string, req: IncomingMessage, res: ServerResponse): void {
    const object = this.object(bucket, key);
    if (!object) return void s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.', req);
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== '*' && ifMatch !== object.etag) {
      return void s3Error(
        res,
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        req,
      );
    }
    res.setHeader('content-type', object.contentType);
    res.setHeader('content-length', object.body.length);
    res.setHeader('etag', object.etag);
    res.setHeader('last-modified', object.lastModified.toUTCString());
    res.setHeader('accept-ranges', 'bytes');
    res.end(req.method === 'HEAD' ? undefined : object.body);
  }

  private putRequest(
    bucket: string,
    key: string,
    body: Buffer,
    req: IncomingMessage,
    res: ServerResponse,
  ): void {
    if (this.refusedAsExisting(bucket, key, req, res)) return;
    this.putObject(bucket, key, body, String(req.headers['content-type'] ?? 'binary/octet-stream'));
    res.setHeader('etag', this.object(bucket, key)?.etag ?? '');
    res.end();
  }

  private createUpload(bucket: string, key: string, req: IncomingMessage, res: ServerResponse): void {
    const uploadId = Buffer.from(`upload ${randomUUID()} of ${key}`).toString('base64url');
    const contentType = String(req.headers['content-type'] ?? 'binary/octet-stream');
    this.uploads.set(uploadId, { bucket, key, contentType, parts: new Map() });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult xmlns="${S3_XMLNS}">${toXml({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
      })}</InitiateMultipartUploadResult>`,
    );
  }

  private uploadPart(q: URLSearchParams, body: Buffer, req: IncomingMessage, res: ServerResponse): void {
    const upload = this.uploads.get(q.get('uploadId') ?? '');
    if (!upload) return void noSuchUpload(res, req);
    const partNumber = Number(q.get('partNumber'));
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
      return void s3Error(
        res,
        400,
        'InvalidArgument',
        'Part number must be an integer between 1 and 10000',
        req,
      );
    }
    const etag = `"${md5(body)}"`;
    upload.parts.set(partNumber, { body, etag });
    res.setHeader('etag', etag);
    res.end();
  }

  private completeUpload(q: URLSearchParams, xml: string, req: IncomingMessage, res: ServerResponse): void {
    const uploadId = q.get('uploadId') ?? '';
    const upload = this.uploads.get(uploadId);
    if (!upload) return void noSuchUpload(res, req);
    if (this.refusedAsExisting(upload.bucket, upload.key, req, res)) return;
    const listed = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((m) => ({
      number: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(m[1] ?? '')?.[1]),
      etag: /<ETag>([^<]*)<\/ETag>/.exec(m[1] ?? '')?.[1]?.replaceAll('&quot;', '"'),
    }));
    const parts = listed.map((p) => ({ ...p, stored: upload.parts.get(p.number) }));
    if (parts.length === 0 || parts.some((p) => !p.stored || p.stored.etag !== p.etag)) {
      return void s3Error(
        res,
        400,
        'InvalidPart',
        'One or more of the specified parts could not be found.',
        req,
      );
    }
    const numbers = parts.map((p) => p.number);
    if (numbers.some((n, i) => i > 0 && n <= (numbers[i - 1] ?? 0))) {
      return void s3Error(res, 400, 'InvalidPartOrder', 'The list of parts was not in ascending order.', req);
    }
    if (parts.slice(0, -1).some((p) => (p.stored?.body.length ?? 0) < 5 * 1024 * 1024)) {
      return void s3Error(
        res,
        400,
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed object size.',
        req,
      );
    }
    const digests = Buffer.concat(
      parts.map((p) => Buffer.from(md5(p.stored?.body ?? Buffer.alloc(0)), 'hex')),
    );
    const etag = `"${md5(digests)}-${parts.length}"`;
    const body = Buffer.concat(parts.map((p) => p.stored?.body ?? Buffer.alloc(0)));
    this.store(upload.bucket, upload.key, {
      body,
      contentType: upload.contentType,
      etag,
      lastModified: new Date(),
    });
    this.uploads.delete(uploadId);
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUploadResult xmlns="${S3_XMLNS}">${toXml({
        Location: `http://s3/${upload.bucket}/${encodeURIComponent(upload.key)}`,
        Bucket: upload.bucket,
        Key: upload.key,
        ETag: etag,
      })}</CompleteMultipartUploadResult>`,
    );
  }

  private abortUpload(q: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
    const uploadId = q.get('uploadId') ?? '';
    const upload = this.uploads.get(uploadId);
    if (!upload) return void noSuchUpload(res, req);
    this.uploads.delete(uploadId);
    this.aborted.push({ uploadId, bucket: upload.bucket, key: upload.key, parts: upload.parts.size });
    res.statusCode = 204;
    res.end();
  }

  /** `If-None-Match: *` on a key that exists: 412, as S3 answers conditional writes. */
  private refusedAsExisting(bucket: string, key: string, req: IncomingMessage, res: ServerResponse): boolean {
    if (req.headers['if-none-match'] !== '*' || !this.object(bucket, key)) return false;
    s3Error(
      res,
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      req,
    );
    return true;
  }

  private bucketOwner(name: string): { account: string; bucket: StandInBucket } | undefined {
    for (const [account, buckets] of this.buckets) {
      const bucket = buckets.find((b) => b.name === name);
      if (bucket) return { account, bucket };
    }
    return undefined;
  }

  private store(bucket: string, key: string, object: StandInObject): void {
    let objects = this.objects.get(bucket);
    if (!objects) {
      objects = new Map();
      this.objects.set(bucket, objects);
    }
    objects.set(key, object);
  }
}
