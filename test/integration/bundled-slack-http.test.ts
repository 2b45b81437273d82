import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackSignatureHeaders, slashCommandBody } from '../../src/local/sign-slack-request';
import type { HttpHandler } from '../../src/slack/http-handler';
import { serveHttpApi } from '../support/api-gateway-server';
import type { LocalServer } from '../support/http-server';
import { serverlessBuildConfig } from '../support/serverless-build-config';

const SECRET = 'bundle-test-secret';

/**
 * The Slack function as deployed: built with serverless.yml's esbuild options (with the stand-ins for
 * @slack/socket-mode, @slack/oauth, iconv-lite, mime-db and yaml) and the config as JSON, as the package has it.
 * Catches a stand-in that breaks Bolt or Express, which the source-level tests cannot see.
 */
describe('the bundled Slack function', () => {
  let server: LocalServer;

  beforeAll(async () => {
    const out = resolve('.bench/test-bundle');
    mkdirSync(out, { recursive: true });
    const config = join(out, 'chatops.config.json');
    writeFileSync(config, JSON.stringify(parse(readFileSync('test/fixtures/config/chatops.yaml', 'utf8'))));
    const { esbuild } = serverlessBuildConfig();
    const outfile = join(out, 'slack-http.js');
    await build({
      ...esbuild,
      entryPoints: ['handlers/slack-http.ts'],
      outfile,
      sourcemap: false,
      logLevel: 'silent',
    });
    Object.assign(process.env, {
      CHATOPS_CONFIG: config,
      SLACK_SIGNING_SECRET: SECRET,
      WORKER_FUNCTION_NAME: 'never-called',
      AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    });
    const { handler } = createRequire(import.meta.url)(outfile) as { handler: HttpHandler };
    server = await serveHttpApi(handler);
  }, 60_000);
  afterAll(() => server?.close());

  async function post(body: string, secret = SECRET, timestamp?: number): Promise<Response> {
    return fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignatureHeaders(body, secret, timestamp),
      },
      body,
    });
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
