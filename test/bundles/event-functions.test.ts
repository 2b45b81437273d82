import { resolve } from 'node:path';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CloudFormationStandIn } from '../../src/local/cloudformation-stand-in';
import { Ec2StandIn } from '../../src/local/ec2-stand-in';
import { type ServiceCatalogAnswers, ServiceCatalogStandIn } from '../../src/local/service-catalog-stand-in';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';
import type { StateStore } from '../../src/store/state-store';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { catalogFixture } from '../support/catalog-fixtures';
import { fixture, freshEvent } from '../support/ec2-fake';
import { handlerEnv } from '../support/handler-env';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { invokedFunctionArn: string }) => Promise<unknown>;
type MemberAccountAnswers = ServiceCatalogAnswers & { describeStackEvents: { StackEvents: StackEvent[] } };

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
  const serviceCatalog = new ServiceCatalogStandIn();
  const cloudFormation = new CloudFormationStandIn();
  const support = new SupportStandIn();
  let store: StateStore;
  let dynamoEndpoint: string;
  let autotagEvent: Handler;
  let catalogEvent: Handler;
  let casesSchedule: Handler;
  const ssm = new SsmStandIn();
  useStandIns(slack, sts, ec2, serviceCatalog, cloudFormation, support, ssm);
  useLocalStateStore(TABLE, (local, dynamo) => {
    store = local;
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    const member = catalogFixture<MemberAccountAnswers>('member-account-answers');
    serviceCatalog.products.push(member);
    cloudFormation.events.push(...member.describeStackEvents.StackEvents);
    slack.answers.set('users.lookupByEmail', (body) =>
      body.email === 'carol@example.com'
        ? { ok: true, user: { id: 'U0CAROL001' } }
        : { ok: false, error: 'users_not_found' },
    );
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
      AWS_ENDPOINT_URL_SERVICE_CATALOG: serviceCatalog.url,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
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
    const tagged = ec2.tagged.flatMap((call) => call.resources.map((id) => ({ ...call, id })));
    expect(tagged.map(({ id }) => id).sort()).toEqual(
      ['eni-0a00000000000001', 'i-0a00000000000001', 'vol-0a00000000000001'].sort(),
    );
    expect(tagged.every((call) => call.account === '222222222222' && call.region === 'eu-west-1')).toBe(true);
    expect(ec2.tagged[0]?.tags).toMatchObject({ CreatedBy: 'alice' });
    const notice = await slack.waitFor('chat.postMessage', 5000, (call) =>
      JSON.stringify(call.body.blocks).includes('i-0a00000000000001'),
    );
    expect(JSON.stringify(notice.body.blocks)).toContain('Retag');
    expect(notice.headers.authorization).toBe('Bearer xoxb-from-ssm');
  });

  it('autotagEvent names and announces a person who passes a service tag, on the instance, its volume and ENI', async () => {
    ec2.tags.set('i-0a0000000000000e', { Name: 'web-1', 'eks:nodegroup-name': 'not-me' });
    const posted = slack.callsOf('chat.postMessage').length;

    const outcome = await autotagEvent(freshEvent('run-instances-iam-user-forged-service-tag.json'), OWN);

    expect(outcome).toMatchObject({ status: 'tagged', notice: 'posted' });
    for (const id of ['i-0a0000000000000e', 'vol-0a0000000000000e', 'eni-0a0000000000000e']) {
      expect(ec2.tags.get(id)).toMatchObject({ CreatedBy: 'alice', Owner: 'alice' });
    }
    const notice = JSON.stringify(slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain('alice');
    expect(notice).not.toContain('EKS node group');
  });

  it('autotagEvent names the Service Catalog provisioner from the request tags when EC2 does not know the instance yet', async () => {
    ec2.unknown.add('i-0a00000000000009');
    const posted = slack.callsOf('chat.postMessage').length;

    const outcome = await autotagEvent(freshEvent('run-instances-service-catalog.json'), OWN);

    expect(outcome).toMatchObject({ notice: 'posted' });
    const notice = JSON.stringify(slack.callsOf('chat.postMessage')[posted]?.body.blocks);
    expect(notice).toContain('carol@example.com via SSO Developer via Service Catalog');
    expect(notice).toContain('<@U0CAROL001>');
    expect(notice).toContain('InvalidInstanceID.NotFound');
  });

  it('catalogEvent alerts a failed launch with product, version and root cause read in the member account', async () => {
    await catalogEvent(catalogFixture('sns-stack-rollback-complete'), OWN);

    expect(sts.assumed).toContain('arn:aws:iam::222222222222:role/AWSControlTowerExecution');
    const memberCalls = [...serviceCatalog.calls, ...cloudFormation.calls];
    expect(memberCalls.map((call) => call.operation)).toEqual(
      expect.arrayContaining(['DescribeProvisionedProduct', 'DescribeStackEvents']),
    );
    expect(memberCalls.every((call) => call.account === '222222222222' && call.region === 'eu-west-1')).toBe(
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
