import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { convertCsvObject } from '../../src/buckets/convert-object';
import { CsvConversionError } from '../../src/buckets/csv-to-json';
import { BucketJobError } from '../../src/buckets/s3-errors';
import { s3Error } from '../support/s3-error';

const s3mock = mockClient(S3Client);
const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
});
const REQUEST = { bucket: 'stg-data', key: 'in/wide.csv', to: 'in/wide.json', maxBytes: 20 * 1024 * 1024 };
const MiB = 1024 * 1024;

/** The issue's worst case: 2,000 named columns and rows of empty fields (each row ≈ 2 KB CSV, ≈ 22 KB JSON). */
function wideCsv(rows: number, tail = ''): string {
  const header = Array.from({ length: 2000 }, (_, i) => `c${String(i + 1).padStart(4, '0')}`).join(',');
  return `${header}\n${`${','.repeat(1999)}\n`.repeat(rows)}${tail}`;
}

/** Shapes from the S3 API reference examples (CreateMultipartUpload / UploadPart / CompleteMultipartUpload). */
function s3WithObject(body: Readable, size: number) {
  s3mock.on(HeadObjectCommand).resolves({ ContentLength: size, ETag: '"3858f62230ac3c915f300c664312c11f"' });
  s3mock.on(GetObjectCommand).resolves({ Body: body as never });
  s3mock.on(CreateMultipartUploadCommand).resolves({
    Bucket: REQUEST.bucket,
    Key: REQUEST.to,
    UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
  });
  s3mock
    .on(UploadPartCommand)
    .callsFake((input: { PartNumber: number }) => ({ ETag: `"part-${input.PartNumber}"` }));
  s3mock.on(CompleteMultipartUploadCommand).resolves({
    Location: `https://${REQUEST.bucket}.s3.eu-west-1.amazonaws.com/${REQUEST.to}`,
    Bucket: REQUEST.bucket,
    Key: REQUEST.to,
    ETag: '"3858f62230ac3c915f300c664312c11f-9"',
  });
  s3mock.on(AbortMultipartUploadCommand).resolves({});
}

function partBodies(): Buffer[] {
  return s3mock
    .commandCalls(UploadPartCommand)
    .map((call) => call.args[0].input)
    .sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0))
    .map((input) => Buffer.from(input.Body as Uint8Array));
}

describe('convertCsvObject', () => {
  beforeEach(() => s3mock.reset());

  it('streams a JSON larger than one part to a multipart upload, completed only if the key is new', async () => {
    const csv = wideCsv(400);
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);

    const outcome = await convertCsvObject(s3, REQUEST);

    expect(s3mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    const parts = partBodies();
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts.slice(0, -1)) expect(part.length).toBe(5 * MiB);
    const complete = s3mock.commandCalls(CompleteMultipartUploadCommand)[0]?.args[0].input;
    expect(complete).toMatchObject({ Bucket: 'stg-data', Key: 'in/wide.json', IfNoneMatch: '*' });
    expect(complete?.MultipartUpload?.Parts).toHaveLength(parts.length);
    const create = s3mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input;
    expect(create?.ContentType).toBe('application/json; charset=utf-8');
    const json = Buffer.concat(parts);
    const rows = JSON.parse(json.toString('utf8')) as Record<string, string>[];
    expect(rows).toHaveLength(400);
    expect(Object.keys(rows[0] ?? {})).toHaveLength(2000);
    expect(rows[399]?.c2000).toBe('');
    expect(outcome).toMatchObject({ rows: 400, csvBytes: csv.length, jsonBytes: json.length });
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(0);
  });

  it('aborts the multipart upload when the CSV breaks after parts were sent: no half JSON, the line named', async () => {
    const csv = wideCsv(400, 'a,b,c\n');
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CsvConversionError);
    expect((error as CsvConversionError).line).toBe(402);
    expect(s3mock.commandCalls(UploadPartCommand).length).toBeGreaterThanOrEqual(1);
    expect(s3mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'stg-data',
      Key: 'in/wide.json',
      UploadId: 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA',
    });
  });

  it('aborts the multipart upload when the S3 body breaks off mid-stream', async () => {
    const csv = Buffer.from(wideCsv(1000));
    async function* breaksOff() {
      for (let at = 0; at < csv.length / 2; at += 16 * 1024) yield csv.subarray(at, at + 16 * 1024);
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    }
    s3WithObject(Readable.from(breaksOff()), csv.length);

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect((error as Error).message).toBe('socket hang up');
    expect(s3mock.commandCalls(UploadPartCommand).length).toBeGreaterThanOrEqual(1);
    expect(s3mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('writes a small JSON with one PutObject and refuses to overwrite an existing key', async () => {
    const csv = 'id,name\n1,Ada\n';
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);
    s3mock.on(PutObjectCommand).rejects(s3Error('PreconditionFailed', 412));

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect(s3mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({ IfNoneMatch: '*' });
    expect(error).toBeInstanceOf(BucketJobError);
    expect((error as Error).message).toMatch(/"in\/wide.json" already exists in stg-data/);
  });

  it('aborts the multipart upload and says so when the JSON key appeared meanwhile (412 on complete)', async () => {
    const csv = wideCsv(400);
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);
    s3mock.on(CompleteMultipartUploadCommand).rejects(s3Error('PreconditionFailed', 412));

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BucketJobError);
    expect((error as Error).message).toMatch(/"in\/wide.json" already exists in stg-data/);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('aborts the multipart upload when S3 refuses a part', async () => {
    const csv = wideCsv(400);
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);
    s3mock.on(UploadPartCommand).rejects(s3Error('AccessDenied', 403));

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect((error as Error).name).toBe('AccessDenied');
    expect(s3mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('still names the CSV problem when the abort itself is refused (role without s3:AbortMultipartUpload)', async () => {
    const csv = wideCsv(400, 'a,b,c\n');
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);
    s3mock.on(AbortMultipartUploadCommand).rejects(s3Error('AccessDenied', 403));

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CsvConversionError);
    expect((error as CsvConversionError).line).toBe(402);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });

  it('says another write won when S3 answers 409 ConditionalRequestConflict on complete', async () => {
    const csv = wideCsv(400);
    s3WithObject(Readable.from([Buffer.from(csv)]), csv.length);
    s3mock.on(CompleteMultipartUploadCommand).rejects(s3Error('ConditionalRequestConflict', 409));

    const error = await convertCsvObject(s3, REQUEST).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BucketJobError);
    expect((error as Error).message).toMatch(/Something else wrote "in\/wide.json" in stg-data/);
    expect(s3mock.commandCalls(AbortMultipartUploadCommand)).toHaveLength(1);
  });
});
