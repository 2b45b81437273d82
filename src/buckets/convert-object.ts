import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { logger } from '../lambda/logger';
import { csvToJsonStream } from './csv-to-json';
import { BucketJobError, s3Status } from './s3-errors';

export interface ConvertRequest {
  bucket: string;
  key: string;
  to: string;
  maxBytes: number;
}

export interface ConvertOutcome {
  rows: number;
  columns: string[];
  csvBytes: number;
  jsonBytes: number;
}

/**
 * CSV object → JSON object in the same bucket. The size is checked (HeadObject) before anything is read, the
 * body is streamed through the CSV parser into a multipart upload (memory does not grow with the file), and the
 * JSON is written with `application/json` only if the target key does not exist yet (`If-None-Match: *` on the
 * PutObject or CompleteMultipartUpload), so no one's object is overwritten.
 */
export async function convertCsvObject(s3: S3Client, request: ConvertRequest): Promise<ConvertOutcome> {
  const { bucket, key, to, maxBytes } = request;
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
    if (s3Status(error) === 404) {
      throw new BucketJobError(
        `There is no object "${key}" in bucket ${bucket}.`,
        'Check the key (it is case-sensitive).',
        {
          cause: error,
        },
      );
    }
    throw error;
  });
  const size = head.ContentLength ?? 0;
  if (size > maxBytes) {
    throw new BucketJobError(
      `"${key}" is ${formatBytes(size)}; the bot converts CSV files up to ${formatBytes(maxBytes)}.`,
      'Split the file, or ask an admin to raise buckets.maxConvertSize.',
    );
  }
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfMatch: head.ETag }));
  if (!object.Body) throw new BucketJobError(`S3 returned no body for "${key}".`);
  const { json, stats } = csvToJsonStream(object.Body as AsyncIterable<Uint8Array>);
  // Parts of 5 MB, at most 4 in flight: memory stays bounded whatever the JSON grows to. The object only exists
  // once the upload completes; a CSV error in the middle aborts the multipart upload, so no half JSON is left.
  const upload = new Upload({
    client: s3,
    queueSize: 4,
    leavePartsOnError: false,
    params: {
      Bucket: bucket,
      Key: to,
      Body: json,
      ContentType: 'application/json; charset=utf-8',
      IfNoneMatch: '*',
    },
  });
  // lib-storage throws the abort's own error when the abort fails; the CSV or body error is what the person needs.
  let streamError: unknown;
  json.once('error', (error) => {
    streamError = error;
  });
  try {
    await upload.done();
  } catch (thrown) {
    const error = streamError ?? thrown;
    if (error !== thrown) {
      logger.error('multipart upload not aborted: its parts stay until the bucket lifecycle removes them', {
        bucket,
        key: to,
        uploadId: upload.uploadId,
        error: thrown,
      });
    }
    if (s3Status(error) === 412) {
      throw new BucketJobError(
        `"${to}" already exists in ${bucket}; the bot does not overwrite objects.`,
        'Name another target with to=<key.json>.',
        { cause: error },
      );
    }
    if (s3Status(error) === 409) {
      // ConditionalRequestConflict: another write to the same key while the upload completed; nothing was written.
      throw new BucketJobError(
        `Something else wrote "${to}" in ${bucket} at the same moment, so the JSON was not written.`,
        'Check that object, then run the convert again or name another target with to=<key.json>.',
        { cause: error },
      );
    }
    throw error;
  } finally {
    json.destroy();
  }
  return { rows: stats.rows, columns: stats.columns, csvBytes: size, jsonBytes: stats.jsonBytes };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
