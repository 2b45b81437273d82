import type { LocalServer } from '../../src/local/http-server';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { slackSignatureHeaders, slashCommandBody } from '../../src/local/sign-slack-request';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { serveHttpApi } from './api-gateway-server';
import { handlerEnv } from './handler-env';
import { FORM, interactionBody } from './interaction';
import { LambdaInvokeStandIn } from './lambda-invoke-stand-in';
import { SlackStandIn } from './slack-stand-in';

export const SIGNING_SECRET = 'test-signing-secret';
export const WORKER_FUNCTION = 'aws-chatops-test-slackWorker';
const TABLE = 'aws-chatops-test-state';

/**
 * The whole bot on loopback: embedded DynamoDB, Slack / STS / Lambda stand-ins, and the real handlers
 * (slack-http served over HTTP as API Gateway would, slack-worker invoked asynchronously as Lambda would),
 * configured only through the environment, as in AWS.
 */
export class BotHarness {
  readonly slack = new SlackStandIn();
  readonly sts = new StsStandIn();
  readonly lambda = new LambdaInvokeStandIn();
  dynamo!: LocalDynamo;
  store!: StateStore;
  private http!: LocalServer;

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    [this.dynamo] = await Promise.all([
      startLocalDynamo(TABLE),
      this.slack.start(),
      this.sts.start(),
      this.lambda.start(),
    ]);
    this.store = new StateStore(documentClient(this.dynamo.client), TABLE);
    Object.assign(process.env, {
      ...handlerEnv({
        table: TABLE,
        dynamoEndpoint: this.dynamo.endpoint,
        stsUrl: this.sts.url,
        slackApiUrl: this.slack.apiUrl,
      }),
      AWS_ENDPOINT_URL_LAMBDA: this.lambda.url,
      WORKER_FUNCTION_NAME: WORKER_FUNCTION,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      ...extraEnv,
    });
    const [{ handler: httpHandler }, { handler: workerHandler }] = await Promise.all([
      import('../../handlers/slack-http'),
      import('../../handlers/slack-worker'),
    ]);
    this.lambda.register(WORKER_FUNCTION, workerHandler);
    this.http = await serveHttpApi(httpHandler);
    return this;
  }

  get eventsUrl(): string {
    return `${this.http.url}/slack/events`;
  }

  /** Posts a slash command signed with the test secret (or tampered / stale as the options say). */
  async command(
    command: string,
    text = '',
    options: {
      triggerId?: string;
      userId?: string;
      retryNum?: number;
      timestamp?: number;
      secret?: string;
      responseId?: string;
    } = {},
  ): Promise<{ status: number; body: string; json: () => Record<string, unknown> }> {
    const body = slashCommandBody({
      command,
      text,
      responseUrl: this.slack.responseUrl(options.responseId ?? 'r1'),
      triggerId: options.triggerId,
      userId: options.userId,
    });
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  /** Submits a modal the bot opened, with `values` as Slack's view.state.values. */
  submitView(
    view: Record<string, unknown>,
    userId: string,
    viewId: string,
    values: Record<string, unknown> = {},
  ) {
    return this.post(
      interactionBody({
        type: 'view_submission',
        team: { id: 'T0LOCAL01' },
        user: { id: userId, name: 'someone' },
        api_app_id: 'A0LOCAL01',
        trigger_id: `${viewId}.trigger`,
        view: { ...view, id: viewId, team_id: 'T0LOCAL01', hash: 'h', state: { values } },
      }),
      FORM,
    );
  }

  async post(
    body: string,
    contentType: string,
    options: { retryNum?: number; timestamp?: number; secret?: string } = {},
  ): Promise<{ status: number; body: string; json: () => Record<string, unknown> }> {
    const headers: Record<string, string> = {
      'content-type': contentType,
      ...slackSignatureHeaders(body, options.secret ?? SIGNING_SECRET, options.timestamp),
      ...(options.retryNum
        ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {}),
    };
    const response = await fetch(this.eventsUrl, { method: 'POST', headers, body });
    const text = await response.text();
    return { status: response.status, body: text, json: () => JSON.parse(text) as Record<string, unknown> };
  }

  async stop(): Promise<void> {
    await Promise.all([
      this.http?.close(),
      this.slack.stop(),
      this.sts.stop(),
      this.lambda.stop(),
      this.dynamo?.close(),
    ]);
  }
}
