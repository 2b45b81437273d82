import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalServer } from '../../src/local/http-server';
import { S3StandIn } from '../../src/local/s3-stand-in';
import { postAsSlack, slashCommandBody } from '../../src/local/sign-slack-request';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import type { HttpHandler } from '../../src/slack/http-handler';
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
  async function command(name: string, text: string, responseId: string): Promise<string> {
    const body = slashCommandBody({ command: name, text, responseUrl: slack.responseUrl(responseId) });
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
});
