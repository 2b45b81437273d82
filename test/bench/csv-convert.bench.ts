import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';
import { convertCsvObject } from '../../src/buckets/convert-object';

/**
 * `/aws-bucket convert` of a 20 MB worst-case CSV (issue 11.3): 2,000 named columns, every row empty fields, so
 * the JSON is ~11× the CSV. The S3 body is produced as it is read and the uploaded parts are dropped, so the
 * figure is what the conversion itself holds. Runs in its own process (test/bench/run.ts); goal ≤ 256 MB peak RSS.
 */
const CSV_BYTES = Number(process.env.BENCH_CSV_MB ?? 20) * 1024 * 1024;
const COLUMNS = 2000;
const GOAL_MB = 256;

function* worstCaseCsv(): Generator<Buffer> {
  const header = Array.from({ length: COLUMNS }, (_, i) => `c${String(i + 1).padStart(4, '0')}`).join(',');
  yield Buffer.from(`${header}\n`);
  const row = Buffer.from(`${','.repeat(COLUMNS - 1)}\n`);
  const rowsPerChunk = 32;
  const chunk = Buffer.concat(Array.from({ length: rowsPerChunk }, () => row));
  for (let sent = header.length + 1; sent + chunk.length <= CSV_BYTES; sent += chunk.length) yield chunk;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
let uploaded = 0;
let parts = 0;
/**
 * S3 answered in-process, before serialisation; unlike aws-sdk-client-mock nothing keeps the part bodies (a mock
 * records every call's input, which would be the 220 MB this bench is about).
 */
const answers: Record<string, (input: Record<string, unknown>) => unknown> = {
  HeadObjectCommand: () => ({ ContentLength: CSV_BYTES, ETag: '"bench"' }),
  GetObjectCommand: () => ({ Body: Readable.from(worstCaseCsv(), { objectMode: false }) }),
  CreateMultipartUploadCommand: () => ({ UploadId: 'bench-upload' }),
  UploadPartCommand: (input) => {
    uploaded += (input.Body as Uint8Array).length;
    parts += 1;
    return { ETag: `"${parts}"` };
  },
  PutObjectCommand: (input) => {
    uploaded += (input.Body as Uint8Array).length;
    return {};
  },
  CompleteMultipartUploadCommand: () => ({}),
  AbortMultipartUploadCommand: () => ({}),
};

function benchS3(): S3Client {
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  s3.middlewareStack.add(
    (_next, context) => async (args) => {
      const answer = answers[context.commandName ?? ''];
      if (!answer) throw new Error(`the bench does not answer ${context.commandName}`);
      return { output: answer(args.input as Record<string, unknown>) as never, response: {} };
    },
    { step: 'initialize', name: 'benchS3' },
  );
  return s3;
}

async function main(): Promise<void> {
  const s3 = benchS3();
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const outcome = await convertCsvObject(s3, {
    bucket: 'bench-data',
    key: 'wide.csv',
    to: 'wide.json',
    maxBytes: CSV_BYTES,
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `csv→json  ${mb(CSV_BYTES)} MB CSV (${COLUMNS} columns × ${outcome.rows} empty rows) → ${mb(outcome.jsonBytes)} MB JSON ` +
      `in ${parts} parts (${mb(uploaded)} MB sent), ${seconds.toFixed(1)} s; ` +
      `peak RSS ${mb(peak)} MB (process at start ${mb(baseline)} MB), goal ≤ ${GOAL_MB} MB: ${peak <= GOAL_MB * 1024 * 1024 ? 'pass' : 'FAIL'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
