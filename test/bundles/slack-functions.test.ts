import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalServer } from '../../src/local/http-server';
import { S3StandIn } from '../../src/local/s3-stand-in';
import { postAsSlack, slashCommandBody } from '../../src/local/sign-slack-request';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import type { HttpHandler } from '../../src/slack/app/http-handler';
import { serveHttpApi } from '../support/api-gateway-server';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { handlerEnv } from '../support/handler-env';
import { LambdaInvokeStandIn } from '../support/lambda-invoke-stand-in';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

const TABLE = 'aws-chatops-bundle-slack';
const SECRET = 'bundle-signing-secret';
const WORKER = 'aws-chatops-bundle-slackWorker';
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
/** In buckets.allow.convert of the fixture config. */
const MAKER = 'U0MAKER01';
const MiB = 1024 * 1024;

/** 2,000 named columns and rows of empty fields: ~2 KB of CSV, ~34 KB of JSON a row (the fixture allows 1 MB of CSV). */
function wideCsv(rows: number, tail = ''): string {
  const header = Array.from({ length: 2000 }, (_, i) => `column_${String(i + 1).padStart(4, '0')}`).join(',');
  return `${header}\n${`${','.repeat(1999)}\n`.repeat(rows)}${tail}`;
}

/**
 * slackHttp and slackWorker as deployed (serverless.yml's esbuild options, secrets by SSM reference): a signed slash command is acked by the
 * bundled Slack function behind an API Gateway stand-in, handed to the bundled worker through the Lambda Invoke
 * API, and the worker does the job against loopback STS, Support, S3 and Slack (response_url, files.uploadV2).
 */
describe('the bundled Slack functions', () => {
  const slack = new SlackStandIn();
  const sts = new StsStandIn();
  const lambda = new LambdaInvokeStandIn();
  const support = new SupportStandIn();
  const s3 = new S3StandIn();
  let dynamoEndpoint: string;
  let http: LocalServer | undefined;
  const ssm = new SsmStandIn();
  useStandIns(slack, sts, lambda, support, s3, ssm);
  useLocalStateStore(TABLE, (_store, dynamo) => {
    dynamoEndpoint = dynamo.endpoint;
  });
  afterAll(() => http?.close());

  beforeAll(async () => {
    const built = inject('bundles');
    support.cases.set('111111111111', [
      supportCase('111111111111', 1, { timeCreated: hoursAgo(3), subject: 'Quota <increase> & more' }),
      supportCase('111111111111', 2, { timeCreated: hoursAgo(30), severityCode: 'high' }),
    ]);
    s3.buckets.set('333333333333', [
      { name: 'stg-reports', region: 'eu-west-1', createdAt: '2024-05-01T10:00:00.000Z' },
      { name: 'stg-uploads', region: 'us-east-1', createdAt: '2024-05-02T10:00:00.000Z' },
      { name: 'other-bucket', region: 'us-east-1', createdAt: '2024-05-03T10:00:00.000Z' },
    ]);
    const env = {
      ...handlerEnv({ table: TABLE, dynamoEndpoint, stsUrl: sts.url, slackApiUrl: slack.apiUrl }),
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/config/chatops.yaml'), built.dir),
      ...ssm.secretsByReference({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-from-ssm' }),
      WORKER_FUNCTION_NAME: WORKER,
      AWS_ENDPOINT_URL_LAMBDA: lambda.url,
      AWS_ENDPOINT_URL_SUPPORT: support.url,
      AWS_ENDPOINT_URL_S3: s3.url,
    };
    const worker = loadBundle<{ handler: (event: unknown) => Promise<void> }>(
      built.files.slackWorker ?? '',
      env,
    );
    lambda.register(WORKER, worker.handler);
    const slackHttp = loadBundle<{ handler: HttpHandler }>(built.files.slackHttp ?? '', env);
    http = await serveHttpApi(slackHttp.handler);
  });

  /** Posts a signed slash command as Slack does; answers the ack's text. */
  async function command(name: string, text: string, responseId: string, userId?: string): Promise<string> {
    const responseUrl = slack.responseUrl(responseId);
    const body = slashCommandBody({ command: name, text, responseUrl, ...(userId ? { userId } : {}) });
    const response = await postAsSlack(`${http?.url}/slack/events`, body, SECRET);
    expect(response.status).toBe(200);
    return String(((await response.json()) as { text?: string }).text);
  }

  async function answerAt(responseId: string): Promise<Record<string, unknown>> {
    await lambda.settled();
    expect(lambda.failures).toEqual([]);
    return (await slack.waitFor('response_url', 10_000, (call) => call.path.endsWith(`/${responseId}`))).body;
  }

  it('acks /aws-whoami staging and the worker answers with the identity of the role it assumed there', async () => {
    const ack = await command('/aws-whoami', 'staging', 'whoami');

    expect(ack).toMatch(/Looking up/);
    const answer = await answerAt('whoami');
    expect(sts.assumed).toContain('arn:aws:iam::333333333333:role/staging-reader');
    expect(String(answer.text)).toContain('333333333333');
  });

  it('answers /aws-cases 7d with the report, and sends its CSV and chart through files.uploadV2', async () => {
    const ack = await command('/aws-cases', '7d', 'cases');

    expect(ack).toMatch(/Collecting support cases/);
    const answer = await answerAt('cases');
    expect(String(answer.text)).toMatch(/^Support cases, last 7d: 2 \(2 open\)/);
    expect(JSON.stringify(answer.blocks)).toContain('Quota &lt;increase&gt; &amp; more');
    const completed = slack.callsOf('files.completeUploadExternal');
    expect(completed.map((call) => call.headers.authorization)).toContain('Bearer xoxb-from-ssm');
    const [csv, chart] = slack.files;
    const rows = parse(csv?.bytes.toString('utf8') ?? '', { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((row) => row.subject).sort()).toEqual(['Case 2', 'Quota <increase> & more']);
    expect(chart?.filename).toMatch(/\.png$/);
    expect(chart?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(chart?.bytes.length).toBeGreaterThan(1000);
  });

  it('lists the buckets of the default account for /aws-bucket ls, read with its bucket role', async () => {
    await command('/aws-bucket', 'ls stg-', 'bucket-ls');

    const answer = await answerAt('bucket-ls');
    expect(sts.assumed).toContain('arn:aws:iam::333333333333:role/aws-chatops-buckets');
    expect(s3.requests.map((request) => request.account)).toContain('333333333333');
    expect(String(answer.text)).toMatch(/2 buckets in staging/);
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('stg-reports');
    expect(shown).not.toContain('other-bucket');
  });

  it('converts a CSV into a JSON object written by multipart upload for /aws-bucket convert, and answers the person', async () => {
    const csv = wideCsv(400);
    s3.putObject('stg-reports', 'in/wide.csv', csv, 'text/csv');

    await command('/aws-bucket', 'convert stg-reports in/wide.csv to=out/wide.json', 'convert', MAKER);

    const answer = await answerAt('convert');
    expect(String(answer.text)).toBe(
      'Converted s3://stg-reports/in/wide.csv to s3://stg-reports/out/wide.json: 400 rows.',
    );
    const written = s3.object('stg-reports', 'out/wide.json');
    expect(written?.contentType).toBe('application/json; charset=utf-8');
    expect(written?.body.length).toBeGreaterThan(12 * MiB);
    const rows = JSON.parse(written?.body.toString('utf8') ?? '') as Record<string, string>[];
    expect(rows).toHaveLength(400);
    expect(Object.keys(rows[0] ?? {})).toHaveLength(2000);
    expect(rows[399]).toMatchObject({ column_0001: '', column_2000: '' });
    const operations = s3.requests.map((request) => request.operation);
    expect(operations).toContain('CreateMultipartUpload');
    expect(operations.filter((operation) => operation === 'UploadPart').length).toBeGreaterThanOrEqual(3);
    expect(operations).toContain('CompleteMultipartUpload');
    expect(operations).not.toContain('PutObject');
    expect(written?.etag).toMatch(/-\d+"$/);
    expect(s3.uploads.size).toBe(0);
  });

  it('refuses to overwrite an object that exists: the stand-in answers If-None-Match: * with 412', async () => {
    s3.putObject('stg-reports', 'in/small.csv', 'name,size\nalpha,1\n', 'text/csv');
    s3.putObject('stg-reports', 'out/small.json', 'theirs', 'application/json');

    await command(
      '/aws-bucket',
      'convert stg-reports in/small.csv to=out/small.json',
      'convert-exists',
      MAKER,
    );

    const answer = await answerAt('convert-exists');
    expect(String(answer.text)).toContain('"out/small.json" already exists in stg-reports');
    expect(s3.object('stg-reports', 'out/small.json')?.body.toString()).toBe('theirs');
  });

  it('leaves no object and aborts the multipart upload when the CSV breaks mid-way, and says why', async () => {
    s3.putObject('stg-reports', 'in/broken.csv', wideCsv(300, 'one,two\n'), 'text/csv');
    const abortedBefore = s3.aborted.length;

    await command(
      '/aws-bucket',
      'convert stg-reports in/broken.csv to=out/broken.json',
      'convert-broken',
      MAKER,
    );

    const answer = await answerAt('convert-broken');
    expect(String(answer.text)).toContain(
      'Nothing was written: A row has a different number of fields than the header (line 302).',
    );
    expect(s3.object('stg-reports', 'out/broken.json')).toBeUndefined();
    const aborted = s3.aborted.slice(abortedBefore);
    expect(aborted).toEqual([expect.objectContaining({ bucket: 'stg-reports', key: 'out/broken.json' })]);
    expect(aborted[0]?.parts).toBeGreaterThanOrEqual(1);
    expect(s3.uploads.size).toBe(0);
  });
});
