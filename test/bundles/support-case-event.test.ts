import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import type { StateStore } from '../../src/store/state-store';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { handlerEnv } from '../support/handler-env';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown) => Promise<unknown>;

const TABLE = 'aws-chatops-bundle-case-events';
const CASE_ID = 'case-222222222222-muen-2022-7118885805350839';
const event = (name: string) =>
  JSON.parse(readFileSync(resolve(`test/fixtures/cases/${name}.json`), 'utf8')) as Record<string, unknown>;

/** supportCaseEvent as deployed: Support Case Update events → one living message per case, threaded, idempotent. */
describe('the bundled supportCaseEvent function', () => {
  const slack = new SlackStandIn();
  const sts = new StsStandIn();
  const support = new SupportStandIn();
  const ssm = new SsmStandIn();
  let store: StateStore;
  let dynamoEndpoint: string;
  let handler: Handler;
  useStandIns(slack, sts, support, ssm);
  useLocalStateStore(TABLE, (local, dynamo) => {
    store = local;
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    support.cases.set('222222222222', [
      supportCase('222222222222', 1, {
        caseId: CASE_ID,
        displayId: '1234563851',
        timeCreated: '2022-02-21T15:51:00Z',
        severityCode: 'urgent',
        subject: 'Payments DB <failover> & stuck',
        submittedBy: 'carol@example.com',
      }),
    ]);
    support.communications.set(CASE_ID, [
      {
        caseId: CASE_ID,
        body: 'We are looking into the <failover> now.',
        submittedBy: 'Amazon Web Services',
        timeCreated: '2022-02-21T16:20:00Z',
      },
    ]);
    const env = {
      ...handlerEnv({ table: TABLE, dynamoEndpoint, stsUrl: sts.url, slackApiUrl: slack.apiUrl }),
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/cases/chatops-live.yaml'), built.dir),
      ...ssm.secretsByReference({ SLACK_BOT_TOKEN: 'xoxb-from-ssm' }),
      AWS_ENDPOINT_URL_SUPPORT: support.url,
    };
    handler = loadBundle<{ handler: Handler }>(built.files.supportCaseEvent ?? '', env).handler;
  });

  it('posts one message for a new case, edits it and threads the next event, and a repeat changes nothing', async () => {
    const created = event('support-case-created');
    const communication = event('support-case-communication');

    await handler(created);
    const posts = slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe('C0PAYMENTS');
    const first = JSON.stringify(posts[0]?.body.blocks);
    expect(first).toContain('Payments DB &lt;failover&gt; &amp; stuck');
    expect(first).toContain('prod-payments (222222222222)');
    expect(first).toContain('carol@example.com');
    expect(first).toContain('cases-details-button');
    expect(first).toContain('support/home?region=us-east-1#/case/?displayId=1234563851');
    expect(sts.assumed).toContain('arn:aws:iam::222222222222:role/GetSupportInfoRole');

    await handler(communication);
    expect(slack.callsOf('chat.update')).toHaveLength(1);
    const replies = slack.callsOf('chat.postMessage').slice(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body.thread_ts).toBe(slack.callsOf('chat.update')[0]?.body.ts);
    expect(JSON.stringify(replies[0]?.body.blocks)).toContain('new correspondence');
    expect(JSON.stringify(replies[0]?.body.blocks)).toContain('Amazon Web Services');
    expect(JSON.stringify(replies[0]?.body.blocks)).toContain('looking into the &lt;failover&gt; now');

    const before = slack.calls.length;
    await handler(communication);
    await handler(created);
    expect(slack.calls.length).toBe(before);
    expect(
      await store.get('support-case#case-222222222222-muen-2022-7118885805350839', 'msg#C0PAYMENTS'),
    ).toBeDefined();
  });

  it('quarantines a malformed event instead of failing', async () => {
    const before = slack.calls.length;

    await expect(
      handler({ ...event('support-case-created'), id: 'bad-1', account: 'nope' }),
    ).resolves.toBeUndefined();

    expect(slack.calls.length).toBe(before);
  });
});
