import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalServer } from '../../src/local/http-server';
import { postAsSlack, slashCommandBody } from '../../src/local/sign-slack-request';
import type { HttpHandler } from '../../src/slack/app/http-handler';
import { serveHttpApi } from '../support/api-gateway-server';
import { configAsPackaged, loadBundle } from '../support/bundled-function';

const SECRET = 'bundle-test-secret';

/**
 * The Slack function as deployed: built with serverless.yml's esbuild options (with the stand-ins for
 * @slack/socket-mode, @slack/oauth, iconv-lite, mime-db and yaml) and the config as JSON, as the package has it.
 * Catches a stand-in that breaks Bolt or Express, which the source-level tests cannot see.
 */
describe('the bundled Slack function', () => {
  let server: LocalServer;

  beforeAll(async () => {
    const built = inject('bundles');
    const config = configAsPackaged(resolve('test/fixtures/config/chatops.yaml'), built.dir);
    const { handler } = loadBundle<{ handler: HttpHandler }>(built.files.slackHttp ?? '', {
      CHATOPS_CONFIG: config,
      SLACK_SIGNING_SECRET: SECRET,
      WORKER_FUNCTION_NAME: 'never-called',
      AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    });
    server = await serveHttpApi(handler);
  });
  afterAll(() => server?.close());

  async function post(body: string, secret = SECRET, timestamp?: number): Promise<Response> {
    return postAsSlack(`${server.url}/slack/events`, body, secret, timestamp);
  }

  it('answers a signed /aws-help with the command list', async () => {
    const response = await post(
      slashCommandBody({ command: '/aws-help', responseUrl: 'http://127.0.0.1:9/r' }),
    );

    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toContain('/aws-bucket');
  });

  it('answers a usage error without reaching AWS', async () => {
    const response = await post(
      slashCommandBody({ command: '/aws-whoami', text: 'a b', responseUrl: 'http://127.0.0.1:9/r' }),
    );

    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text).toMatch(/Usage/);
  });

  it('echoes what the person typed, decoded and without invisible characters', async () => {
    const response = await post(
      slashCommandBody({
        command: '/aws-whoami',
        text: '&lt;no\u200bpe\u202e&gt;',
        responseUrl: 'http://127.0.0.1:9/r',
      }),
    );

    const body = JSON.stringify(await response.json());
    expect(body).toContain('&lt;nope&gt;');
    expect(body).not.toMatch(/&amp;lt;|\u200b|\u202e/u);
  });

  it('refuses a key with a .. segment with the usage, before claiming or starting anything', async () => {
    const response = await post(
      slashCommandBody({
        command: '/aws-bucket',
        text: 'convert stg-data a.csv to=../x.json',
        userId: 'U0MAKER01',
        responseUrl: 'http://127.0.0.1:9/r',
      }),
    );

    const body = JSON.stringify(await response.json());
    expect(body).toMatch(/\.\.\\" segment/);
    expect(body).toMatch(/Usage/);
  });

  it('refuses a request signed with another secret', async () => {
    const response = await post(
      slashCommandBody({ command: '/aws-help', responseUrl: 'http://127.0.0.1:9/r' }),
      'x',
    );

    expect(response.status).toBe(401);
  });

  it.each([
    ['6 minutes ahead', 6 * 60],
    ['6 minutes old', -6 * 60],
  ])('refuses a correctly signed request dated %s', async (_label, offset) => {
    const body = slashCommandBody({ command: '/aws-help', responseUrl: 'http://127.0.0.1:9/r' });

    const response = await post(body, SECRET, Math.floor(Date.now() / 1000) + offset);

    expect(response.status).toBe(401);
  });

  it('accepts a request dated 4 minutes ahead (clocks may drift)', async () => {
    const body = slashCommandBody({ command: '/aws-help', responseUrl: 'http://127.0.0.1:9/r' });

    const response = await post(body, SECRET, Math.floor(Date.now() / 1000) + 4 * 60);

    expect(response.status).toBe(200);
  });
});
