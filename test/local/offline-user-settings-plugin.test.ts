import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

type Hooks = Record<string, () => void>;
interface Service {
  provider: { environment: Record<string, string> };
  functions: Record<string, { environment?: Record<string, string> }>;
}
const load = createRequire(import.meta.url);

/** serverless.yml as the framework hands it to plugins: `${param:…}` defaults already filled in. */
function service(): Service {
  return {
    provider: {
      environment: {
        STAGE: 'dev',
        CHATOPS_CONFIG: '.serverless-config/chatops.config.json',
        SLACK_API_URL: 'https://slack.com/api/',
        SLACK_BOT_TOKEN_PARAM: '/aws-chatops/dev/slack-bot-token',
      },
    },
    functions: {
      slackHttp: { environment: { WORKER_FUNCTION_NAME: 'aws-chatops-dev-slackWorker' } },
      healthEvent: {
        environment: {
          AIRTABLE_TOKEN_PARAM: '/aws-chatops/dev/airtable-token',
          AIRTABLE_BASE_ID: '',
          AIRTABLE_TABLE: 'Health events',
        },
      },
      catalogEvent: {},
    },
  };
}

/** What serverless-offline 14 gives a function (src/lambda/LambdaFunction.js with localEnvironment: true). */
function offlineEnv(s: Service, name: string): Record<string, string | undefined> {
  return { ...process.env, ...s.provider.environment, ...s.functions[name]?.environment, IS_OFFLINE: 'true' };
}

function startOffline(s: Service): void {
  const Plugin = load('../../src/local/offline-user-settings-plugin.cjs') as new (
    sls: unknown,
  ) => { hooks: Hooks };
  const plugin = new Plugin({ service: s, cli: { log: () => undefined } });
  plugin.hooks['before:offline:start:init']?.();
}

const exported = {
  SLACK_API_URL: 'http://127.0.0.1:7001/api/',
  SLACK_BOT_TOKEN: 'xoxb-mine',
  AIRTABLE_BASE_ID: 'appMine',
  AIRTABLE_TABLE: 'My table',
  AIRTABLE_TOKEN: 'patMine',
  AIRTABLE_ENDPOINT_URL: 'http://127.0.0.1:7002',
  AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:7003',
};
const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe('npm run dev (serverless-offline): what the user exported reaches every function', () => {
  it('beats the values serverless.yml fills from param defaults', () => {
    Object.assign(process.env, exported);
    const s = service();

    startOffline(s);

    for (const name of ['slackHttp', 'healthEvent', 'catalogEvent']) {
      expect(offlineEnv(s, name)).toMatchObject({
        SLACK_API_URL: exported.SLACK_API_URL,
        SLACK_BOT_TOKEN: 'xoxb-mine',
      });
    }
    expect(offlineEnv(s, 'healthEvent')).toMatchObject({
      AIRTABLE_BASE_ID: 'appMine',
      AIRTABLE_TABLE: 'My table',
      AIRTABLE_TOKEN: 'patMine',
      AIRTABLE_ENDPOINT_URL: 'http://127.0.0.1:7002',
      AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:7003',
    });
  });

  it("keeps serverless.yml's values for what the user did not export, and its own settings", () => {
    process.env.CHATOPS_CONFIG = '/elsewhere/chatops.yaml';
    delete process.env.SLACK_API_URL;
    delete process.env.AIRTABLE_TABLE;
    const s = service();

    startOffline(s);

    expect(offlineEnv(s, 'healthEvent')).toMatchObject({
      SLACK_API_URL: 'https://slack.com/api/',
      AIRTABLE_TABLE: 'Health events',
      // The functions read the validated JSON copy the config plugin writes, not the user's YAML.
      CHATOPS_CONFIG: '.serverless-config/chatops.config.json',
    });
  });
});

/**
 * The variables docs/configuration.md's "Environment and secrets" table documents (`AWS_ENDPOINT_URL_<SERVICE>` as
 * STS), less the two kinds the dev server itself consumes: CHATOPS_CONFIG (the functions read the validated JSON
 * copy the config plugin writes) and the DEV_*_PORT settings of `npm run dev`.
 */
function readmeVariables(): string[] {
  const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
  const section = doc.split('## Environment and secrets')[1]?.split('\n## ')[0] ?? '';
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z0-9_<>]+)`/g)].map((m) => m[1] ?? ''));
  return names
    .map((name) => name.replace('<SERVICE>', 'STS'))
    .filter((name) => name !== 'CHATOPS_CONFIG' && !/^DEV_\w+_PORT$/.test(name));
}

describe('every variable the docs document reaches the functions under npm run dev', () => {
  it('finds the documented variables', () => {
    expect(readmeVariables()).toEqual(
      expect.arrayContaining([
        'SLACK_API_URL',
        'SLACK_BOT_TOKEN_PARAM',
        'AIRTABLE_TABLE',
        'AWS_ENDPOINT_URL_STS',
      ]),
    );
  });

  it('wins over any value serverless.yml gives it, in the provider or a function', () => {
    const variables = readmeVariables();
    const mine = Object.fromEntries(variables.map((name) => [name, `mine-${name}`]));
    const theirs = Object.fromEntries(variables.map((name) => [name, `serverless-yml-${name}`]));
    Object.assign(process.env, mine);
    const s = service();
    s.provider.environment = { ...s.provider.environment, ...theirs };
    s.functions.healthEvent = { environment: { ...s.functions.healthEvent?.environment, ...theirs } };

    startOffline(s);

    for (const name of ['slackHttp', 'healthEvent', 'catalogEvent']) {
      expect(offlineEnv(s, name)).toMatchObject(mine);
    }
  });
});
