import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { StateStore } from '../../src/store/state-store';
import { AirtableStandIn } from '../support/airtable-stand-in';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<void>;

const TABLE = 'aws-chatops-bundle-health';
const AIRTABLE_TABLE = 'Health events';
const lambdaContext = { getRemainingTimeInMillis: () => 60_000 };

/**
 * healthEvent and healthAirtableRetry as deployed (serverless.yml's esbuild options, secrets by SSM reference): a
 * Health event reaches
 * Slack and its row reaches Airtable's Web API; a row Airtable refused is written by the scheduled retry.
 * Catches a bundle that minifies away what a library checks at run time (airtable.js's `instanceof AbortSignal`).
 */
describe('the bundled Health functions', () => {
  const slack = new SlackStandIn();
  const airtable = new AirtableStandIn();
  let store: StateStore;
  let dynamoEndpoint: string;
  let healthEvent: Handler;
  let airtableRetry: Handler;
  const ssm = new SsmStandIn();
  useStandIns(slack, airtable, ssm);
  useLocalStateStore(TABLE, (local, dynamo) => {
    store = local;
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIALOCAL',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      STATE_TABLE: TABLE,
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/health/chatops-health.yaml'), built.dir),
      SLACK_API_URL: slack.apiUrl,
      ...ssm.secretsByReference({ SLACK_BOT_TOKEN: 'xoxb-from-ssm', AIRTABLE_TOKEN: 'patFROMSSM.test' }),
      AIRTABLE_BASE_ID: 'appBUNDLETEST0001',
      AIRTABLE_TABLE,
      AIRTABLE_ENDPOINT_URL: airtable.url,
    };
    ({ handler: healthEvent } = loadBundle<{ handler: Handler }>(built.files.healthEvent ?? '', env));
    ({ handler: airtableRetry } = loadBundle<{ handler: Handler }>(
      built.files.healthAirtableRetry ?? '',
      env,
    ));
  });

  it('posts a Health event to its channel and upserts its row into Airtable', async () => {
    const event = healthFixture('ec2-issue-open');
    const { eventArn } = event.detail as { eventArn: string };

    await healthEvent(event, lambdaContext);

    const post = await slack.waitFor('chat.postMessage');
    expect(post.body.channel).toBe('C0PRODOPS1');
    expect(post.headers.authorization).toBe('Bearer xoxb-from-ssm');
    // Nothing left for the retry: on failure this shows the error airtable.js gave.
    expect(await store.query('airtable-outbox')).toEqual([]);
    const upserts = airtable.calls.filter((call) => call.status === 200);
    expect(airtable.calls[0]?.authorization).toBe('Bearer patFROMSSM.test');
    expect(upserts[0]).toMatchObject({
      method: 'PATCH',
      path: expect.stringMatching(/^\/v0\/appBUNDLETEST0001\/Health events\/?$/),
      body: { performUpsert: { fieldsToMergeOn: expect.arrayContaining(['EventArn']) } },
    });
    expect(airtable.rows(AIRTABLE_TABLE).map((row) => row.EventArn)).toContain(eventArn);
  });

  it('keeps the row Airtable refused, and the scheduled retry writes it', async () => {
    const event = healthFixture('rds-scheduled-change');
    const { eventArn } = event.detail as { eventArn: string };
    const pendingArns = async () =>
      (await store.query<{ fields: { EventArn: string } }>('airtable-outbox')).map(
        (r) => r.data.fields.EventArn,
      );
    airtable.failWith = () => 503;

    await healthEvent(event, lambdaContext);

    expect(await pendingArns()).toContain(eventArn);
    airtable.failWith = undefined;

    await airtableRetry({}, lambdaContext);

    expect(await pendingArns()).toEqual([]);
    expect(airtable.rows(AIRTABLE_TABLE).map((row) => row.EventArn)).toContain(eventArn);
  });
});
