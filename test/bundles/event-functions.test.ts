import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import type { StateStore } from '../../src/store/state-store';
import { fixture } from '../autotag/ec2-fake';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { catalogFixture } from '../support/catalog-fixtures';
import { CatalogMemberStandIn } from '../support/catalog-member-stand-in';
import { Ec2StandIn } from '../support/ec2-stand-in';
import { handlerEnv } from '../support/handler-env';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { invokedFunctionArn: string }) => Promise<unknown>;

const TABLE = 'aws-chatops-bundle-events';
const OWN = { invokedFunctionArn: 'arn:aws:lambda:us-east-1:999999999999:function:aws-chatops-bundle-fn' };

/**
 * autotagEvent, catalogEvent and casesSchedule as deployed (serverless.yml's esbuild options), each loaded as a
 * fresh container and driven through its main path against loopback STS, EC2, Service Catalog, CloudFormation,
 * Support, SSM (the bot token by reference) and Slack, with state in the embedded DynamoDB.
 */
describe('the bundled event functions', () => {
  const slack = new SlackStandIn();
  const sts = new StsStandIn();
  const ec2 = new Ec2StandIn();
  const member = new CatalogMemberStandIn();
  const support = new SupportStandIn();
  let store: StateStore;
  let dynamoEndpoint: string;
  let autotagEvent: Handler;
  let catalogEvent: Handler;
  let casesSchedule: Handler;
  const ssm = new SsmStandIn();
  useStandIns(slack, sts, ec2, member, support, ssm);
  useLocalStateStore(TABLE, (local, dynamo) => {
    store = local;
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    support.cases.set('333333333333', [
      supportCase('333333333333', 1, { timeCreated: new Date(Date.now() - 3_600_000).toISOString() }),
    ]);
    const env = {
      ...handlerEnv({
        table: TABLE,
        dynamoEndpoint,
        stsUrl: sts.url,
        slackApiUrl: slack.apiUrl,
      }),
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/config/chatops.yaml'), built.dir),
      ...ssm.secretsByReference({ SLACK_BOT_TOKEN: 'xoxb-from-ssm' }),
      AWS_ENDPOINT_URL_EC2: ec2.url,
      AWS_ENDPOINT_URL_SERVICE_CATALOG: member.url,
      AWS_ENDPOINT_URL_CLOUDFORMATION: member.url,
      AWS_ENDPOINT_URL_SUPPORT: support.url,
    };
    const load = (name: string, extra: Record<string, string> = {}) =>
      loadBundle<{ handler: Handler }>(built.files[name] ?? '', { ...env, ...extra }).handler;
    catalogEvent = load('catalogEvent');
    casesSchedule = load('casesSchedule');
    autotagEvent = load('autotagEvent', {
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/autotag/chatops.yaml'), built.dir),
    });
  });

  it('autotagEvent tags a launched instance, its volume and interface in the member account, and posts the notice', async () => {
    const event = fixture('run-instances-iam-user.json');

    await autotagEvent(event, OWN);

    expect(sts.assumed).toContain('arn:aws:iam::222222222222:role/aws-chatops-tagger');
    const tagged = ec2.createTags.flatMap((call) => call.resources.map((id) => ({ ...call, id })));
    expect(tagged.map(({ id }) => id).sort()).toEqual(
      ['eni-0a00000000000001', 'i-0a00000000000001', 'vol-0a00000000000001'].sort(),
    );
    expect(tagged.every((call) => call.account === '222222222222' && call.region === 'eu-west-1')).toBe(true);
    expect(ec2.createTags[0]?.tags).toMatchObject({ CreatedBy: 'alice' });
    const notice = await slack.waitFor('chat.postMessage', 5000, (call) =>
      JSON.stringify(call.body.blocks).includes('i-0a00000000000001'),
    );
    expect(JSON.stringify(notice.body.blocks)).toContain('Retag');
    expect(notice.headers.authorization).toBe('Bearer xoxb-from-ssm');
  });

  it('catalogEvent alerts a failed launch with product, version and root cause read in the member account', async () => {
    await catalogEvent(catalogFixture('sns-stack-rollback-complete'), OWN);

    expect(sts.assumed).toContain('arn:aws:iam::222222222222:role/AWSControlTowerExecution');
    expect(member.calls.map((call) => call.operation)).toEqual(
      expect.arrayContaining(['DescribeProvisionedProduct', 'DescribeStackEvents']),
    );
    expect(member.calls.every((call) => call.account === '222222222222' && call.region === 'eu-west-1')).toBe(
      true,
    );
    const alert = await slack.waitFor('chat.postMessage', 5000, (call) => call.body.channel === 'C0PAYMENTS');
    const shown = JSON.stringify(alert.body.blocks);
    expect(shown).toContain('Encrypted S3 bucket v2.3.0');
    expect(shown).toContain("Bucket 'payments-artifacts' already exists");
    expect(shown).not.toContain('Could not read');
  });

  it('casesSchedule posts the weekly report in its channel with the CSV and chart in the thread, once', async () => {
    const event = {
      id: 'bundle-schedule-1',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: new Date().toISOString(),
      resources: ['arn:aws:events:us-east-1:999999999999:rule/aws-chatops-bundle-cases-weekly'],
      detail: {},
    };

    await casesSchedule(event);
    await casesSchedule(event);

    const posts = slack.callsOf('chat.postMessage').filter((call) => call.body.channel === 'C0CASES001');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toMatch(/^Support cases, last 7d: 1 \(1 open\)/);
    const files = slack.files.filter((file) => file.channel === 'C0CASES001');
    expect(files.map((file) => file.filename)).toEqual([
      expect.stringMatching(/\.csv$/),
      expect.stringMatching(/\.png$/),
    ]);
    expect(files[1]?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(new Set(files.map((file) => file.threadTs)).size).toBe(1);
    expect(await store.query('quarantine#casesSchedule')).toEqual([]);
  });
});
