import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { LocalServer } from '../../src/local/http-server';
import { slackSignatureHeaders } from '../../src/local/sign-slack-request';
import type { HttpHandler } from '../../src/slack/app/http-handler';
import { serveHttpApi } from '../support/api-gateway-server';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';
import { messageTexts } from '../support/mrkdwn-safety';
import { OrganizationsStandIn } from '../support/organizations-stand-in';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<void>;

const TABLE = 'aws-chatops-bundle-home';
const SECRET = 'bundle-signing-secret';
const lambdaContext = { getRemainingTimeInMillis: () => 60_000 };
const opened = JSON.parse(readFileSync(resolve('test/fixtures/slack/app-home-opened.json'), 'utf8'));

/**
 * The real path of the Home tab: Health events go through the bundled healthEvent function (which records the Home
 * items), then Slack's `app_home_opened` event callback reaches the bundled slackHttp function behind API Gateway,
 * which answers with one views.publish for that person built from state alone.
 */
describe('the bundled Home tab', () => {
  const slack = new SlackStandIn();
  const ssm = new SsmStandIn();
  /** Every AWS service but DynamoDB and SSM (their own endpoints) is pointed here: any AWS call is recorded. */
  const aws = new OrganizationsStandIn(['222222222222', '333333333333']);
  let dynamoEndpoint: string;
  let http: LocalServer | undefined;
  let healthEvent: Handler;
  useStandIns(slack, ssm, aws);
  useLocalStateStore(TABLE, (_store, dynamo) => {
    dynamoEndpoint = dynamo.endpoint;
  });
  afterAll(() => http?.close());

  beforeAll(async () => {
    const built = inject('bundles');
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIALOCAL',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL: aws.url,
      STATE_TABLE: TABLE,
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/health/chatops-health.yaml'), built.dir),
      SLACK_API_URL: slack.apiUrl,
      SLACK_RESPONSE_URL_HOSTS: new URL(slack.apiUrl).host,
      WORKER_FUNCTION_NAME: 'aws-chatops-bundle-home-worker',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...ssm.secretsByReference({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-from-ssm' }),
    };
    ({ handler: healthEvent } = loadBundle<{ handler: Handler }>(built.files.healthEvent ?? '', env));
    const slackHttp = loadBundle<{ handler: HttpHandler }>(built.files.slackHttp ?? '', env);
    http = await serveHttpApi(slackHttp.handler);
  });

  async function openHome(user: string, eventId: string): Promise<Response> {
    const body = JSON.stringify({ ...opened, event_id: eventId, event: { ...opened.event, user } });
    return fetch(`${http?.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, SECRET) },
      body,
    });
  }

  it('answers app_home_opened with one views.publish for that person listing the accounts with open Health events', async () => {
    await healthEvent(healthFixture('ec2-issue-open'), lambdaContext);
    await healthEvent(healthFixture('rds-scheduled-change'), lambdaContext);
    const alert = (await slack.waitFor('chat.postMessage')).ts;
    const awsCallsBefore = aws.calls.length;

    const response = await openHome('U0HOMEUSR1', 'Ev0HOME0001');

    expect(response.status).toBe(200);
    const publishes = slack.callsOf('views.publish');
    expect(publishes).toHaveLength(1);
    expect(publishes[0]?.headers.authorization).toBe('Bearer xoxb-from-ssm');
    expect(publishes[0]?.body.user_id).toBe('U0HOMEUSR1');
    const raw = publishes[0]?.body.view;
    const view = typeof raw === 'string' ? JSON.parse(raw) : (raw as { type: string });
    expect(view.type).toBe('home');
    expect(checkSlackLimits(view, 'home')).toEqual([]);
    const texts = messageTexts(view).join('\n');
    expect(texts).toContain('`222222222222` prod-payments');
    expect(texts).toContain('`333333333333` staging');
    expect(texts).toContain(`https://slack.com/archives/C0PRODOPS1/p${String(alert).replace('.', '')}`);
    expect(texts).toMatch(/\*1\* open issue\b/);
    expect(texts).toMatch(/\*1\* upcoming/);
    // Opening the Home makes no AWS call: state only (SSM gave the function its Slack secrets, nothing else).
    expect(aws.calls.slice(awsCallsBefore)).toEqual([]);
    expect(new Set(ssm.asked)).toEqual(new Set(ssm.parameters.keys()));
  });

  it('draws nothing when the Messages tab is opened', async () => {
    const before = slack.callsOf('views.publish').length;
    const body = JSON.stringify({
      ...opened,
      event_id: 'Ev0HOME0002',
      event: { ...opened.event, tab: 'messages' },
    });

    const response = await fetch(`${http?.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...slackSignatureHeaders(body, SECRET) },
      body,
    });

    expect(response.status).toBe(200);
    expect(slack.callsOf('views.publish')).toHaveLength(before);
  });
});
