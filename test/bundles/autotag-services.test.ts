import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { Ec2StandIn } from '../../src/local/ec2-stand-in';
import { SqsStandIn } from '../../src/local/sqs-stand-in';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { TaggingApiStandIn } from '../../src/local/tagging-api-stand-in';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { handlerEnv } from '../support/handler-env';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { invokedFunctionArn: string }) => Promise<unknown>;

const TABLE = 'aws-chatops-bundle-autotag-services';
const OWN = { invokedFunctionArn: 'arn:aws:lambda:us-east-1:999999999999:function:aws-chatops-bundle-fn' };
const P = '222222222222';
const S = '333333333333';

const service = (name: string) =>
  JSON.parse(readFileSync(resolve('test/fixtures/autotag/services', name), 'utf8')) as Record<
    string,
    unknown
  >;

/** The same call delivered as another event (a new CloudTrail eventID). */
function anotherDelivery(name: string, n: number) {
  const event = service(name) as { id: string; detail: { eventID: string } };
  event.id = `${event.id}-again-${n}`;
  event.detail.eventID = `${event.detail.eventID}-again-${n}`;
  return event;
}

/** The same call for another stack (its id ends in `stackSuffix`). */
const ofStack = (stackSuffix: string, event: unknown) =>
  JSON.parse(JSON.stringify(event).replaceAll('5f3b2a10-0000-4000-8000-000000000011', stackSuffix)) as Record<
    string,
    unknown
  >;

/**
 * autotagEvent and autotagRetry as deployed, against loopback STS, EC2, the Resource Groups Tagging API, SQS and
 * Slack, with state in the embedded DynamoDB: CloudTrail records of the services the issue names (shapes from
 * each service's "Logging API calls with CloudTrail" page) in member accounts and several regions.
 */
describe('the bundled auto-tagger on the services of the table', () => {
  const slack = new SlackStandIn();
  const sts = new StsStandIn();
  const tagging = new TaggingApiStandIn();
  const sqs = new SqsStandIn();
  const ec2 = new Ec2StandIn();
  let dynamoEndpoint: string;
  let autotagEvent: Handler;
  let autotagRetry: Handler;
  /** On the SQS stand-in: the SDK sends to the queue URL's host. */
  let QUEUE: string;
  useStandIns(slack, sts, tagging, sqs, ec2);
  useLocalStateStore(TABLE, (_store, dynamo) => {
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    QUEUE = `${sqs.url}/999999999999/aws-chatops-bundle-autotag-retry`;
    const env = {
      ...handlerEnv({ table: TABLE, dynamoEndpoint, stsUrl: sts.url, slackApiUrl: slack.apiUrl }),
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/autotag/chatops.yaml'), built.dir),
      AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API: tagging.url,
      AWS_ENDPOINT_URL_SQS: sqs.url,
      AWS_ENDPOINT_URL_EC2: ec2.url,
      AUTOTAG_RETRY_QUEUE_URL: QUEUE,
    };
    autotagEvent = loadBundle<{ handler: Handler }>(built.files.autotagEvent ?? '', env).handler;
    autotagRetry = loadBundle<{ handler: Handler }>(built.files.autotagRetry ?? '', env).handler;
  });

  it.each([
    ['s3-create-bucket.json', 'arn:aws:s3:::payments-invoices-2026', P, 'eu-west-1', 'alice'],
    [
      'rds-create-db-instance.json',
      `arn:aws:rds:us-east-1:${P}:db:orders-db`,
      P,
      'us-east-1',
      'carol@example.com',
    ],
    [
      'lambda-create-function.json',
      `arn:aws:lambda:ap-southeast-2:${S}:function:resize-images`,
      S,
      'ap-southeast-2',
      'dave',
    ],
    [
      'dynamodb-create-table.json',
      `arn:aws:dynamodb:eu-central-1:${P}:table/orders`,
      P,
      'eu-central-1',
      'alice',
    ],
    ['sqs-create-queue.json', `arn:aws:sqs:eu-west-1:${S}:thumbnails`, S, 'eu-west-1', 'erin@example.com'],
    ['sns-create-topic.json', `arn:aws:sns:us-west-2:${P}:payment-alerts`, P, 'us-west-2', 'alice'],
    ['ecs-create-cluster.json', `arn:aws:ecs:us-east-1:${S}:cluster/media-workers`, S, 'us-east-1', 'dave'],
    [
      'eks-create-cluster.json',
      `arn:aws:eks:eu-west-1:${P}:cluster/payments`,
      P,
      'eu-west-1',
      'carol@example.com',
    ],
    [
      'kms-create-key.json',
      `arn:aws:kms:eu-central-1:${S}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      S,
      'eu-central-1',
      'dave',
    ],
  ])('%s tags %s in its account and region with its creator', async (file, arn, account, region, person) => {
    await autotagEvent(service(file), OWN);

    const calls = tagging.tagged.filter((call) => call.arns.includes(arn));
    expect(calls.map(({ account: a, region: r }) => `${a} ${r}`)).toEqual([`${account} ${region}`]);
    expect(tagging.tags.get(arn)).toMatchObject({
      Owner: person,
      CreatedBy: expect.stringContaining(person),
      CreatedAt: '2026-03-03T10:00:00Z',
    });
    expect(sts.assumed).toContain(`arn:aws:iam::${account}:role/aws-chatops-tagger`);
  });

  it('announces a notified type (rds:db) with the creator and a console link, once', async () => {
    await autotagEvent(service('rds-create-db-instance.json'), OWN);

    const notices = slack
      .callsOf('chat.postMessage')
      .filter((call) => JSON.stringify(call.body.blocks).includes('orders-db'));
    expect(notices).toHaveLength(1);
    const shown = JSON.stringify(notices[0]?.body.blocks);
    expect(shown).toContain('New RDS DB instance in prod-payments (222222222222)');
    expect(shown).toContain('carol@example.com via SSO Developer');
    expect(shown).toContain('/go/view?arn=arn%3Aaws%3Ards%3Aus-east-1%3A222222222222%3Adb%3Aorders-db');
  });

  it('tags nothing for a call that failed (errorCode)', async () => {
    const before = tagging.tagged.length;

    const outcome = await autotagEvent(service('rds-create-db-instance-error.json'), OWN);

    expect(outcome).toMatchObject({ status: 'skipped' });
    expect(tagging.tagged.length).toBe(before);
  });

  it("tags what a stack creates with the stack creator's name, not CloudFormation's role", async () => {
    await autotagEvent(service('cloudformation-create-stack.json'), OWN);
    await autotagEvent(service('sqs-create-queue-by-stack.json'), OWN);

    expect(tagging.tags.get(`arn:aws:sqs:eu-west-1:${P}:web-prod-jobs`)).toMatchObject({
      CreatedBy: 'alice@example.com via stack web-prod',
      Owner: 'alice@example.com',
    });
  });

  it("waits for the stack's CreateStack when a stack's resource comes first, then names the stack creator", async () => {
    // Another stack than the test above's, whose CreateStack has not been handled yet.
    const otherStack = (name: string, n: number) => ofStack('late-stack', anotherDelivery(name, n));
    const arn = `arn:aws:sqs:eu-west-1:${P}:web-prod-jobs`;
    tagging.tags.delete(arn);
    sqs.sent.length = 0;

    const first = await autotagEvent(otherStack('sqs-create-queue-by-stack.json', 7), OWN);
    const waiting = [...sqs.sent];
    const taggedEarly = tagging.tags.get(arn);
    await autotagEvent(otherStack('cloudformation-create-stack.json', 7), OWN);
    await autotagRetry(sqs.asEvent(waiting), OWN);

    expect(first).toMatchObject({ status: 'tagged', resources: 0, pending: 1 });
    expect(taggedEarly).toBeUndefined();
    expect(waiting.map((m) => [m.queueUrl, m.delaySeconds])).toEqual([[QUEUE, 30]]);
    expect(tagging.tags.get(arn)).toMatchObject({ CreatedBy: 'alice@example.com via stack web-prod' });
  });

  it("waits for the stack's CreateStack when a stack's instance (RunInstances) comes first, then names the stack creator", async () => {
    const stackId = `arn:aws:cloudformation:eu-west-1:${P}:stack/web-prod/late-ec2-stack`;
    const instance = 'i-0c00000000000013';
    // CloudFormation tags what it creates with its stack (aws: keys, which no caller can set).
    ec2.tags.set(instance, {
      'aws:cloudformation:stack-id': stackId,
      'aws:cloudformation:stack-name': 'web-prod',
    });
    sqs.sent.length = 0;

    const first = await autotagEvent(service('ec2-run-instances-by-stack.json'), OWN);
    const waiting = [...sqs.sent];
    const taggedEarly = ec2.tags.get(instance)?.CreatedBy;
    await autotagEvent(
      ofStack('late-ec2-stack', anotherDelivery('cloudformation-create-stack.json', 8)),
      OWN,
    );
    await autotagRetry(sqs.asEvent(waiting), OWN);

    expect(first).toMatchObject({ status: 'tagged', resources: 0 });
    expect(taggedEarly).toBeUndefined();
    expect(waiting.map((m) => [m.queueUrl, m.delaySeconds])).toEqual([[QUEUE, 30]]);
    for (const id of [instance, 'vol-0c00000000000013', 'eni-0c00000000000013']) {
      expect(ec2.tags.get(id)).toMatchObject({
        CreatedBy: 'alice@example.com via stack web-prod',
        Owner: 'alice@example.com',
      });
    }
    expect(ec2.tagged.map((call) => `${call.account} ${call.region}`)).toContain(`${P} eu-west-1`);
  });

  it('retries a resource that is not ready for tags from the delay queue, then tags and announces it', async () => {
    const arn = `arn:aws:eks:eu-west-1:${P}:cluster/payments`;
    tagging.notReady.set(arn, 1);
    sqs.sent.length = 0;
    const posted = slack.callsOf('chat.postMessage').length;

    const first = await autotagEvent(anotherDelivery('eks-create-cluster.json', 1), OWN);
    const waiting = [...sqs.sent];
    await autotagRetry(sqs.asEvent(waiting), OWN);

    expect(first).toMatchObject({ status: 'tagged', pending: 1, notice: 'none' });
    expect(waiting.map((m) => [m.queueUrl, m.delaySeconds])).toEqual([[QUEUE, 30]]);
    const notices = slack.callsOf('chat.postMessage').slice(posted);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body.blocks)).toContain('Tagged with');
    expect(tagging.notReady.get(arn)).toBe(0);
  });

  it('gives up after 15 minutes of back-off and reports "could not tag" in the notice', async () => {
    const arn = `arn:aws:eks:eu-west-1:${P}:cluster/payments`;
    tagging.notReady.set(arn, 99);
    sqs.sent.length = 0;
    const posted = slack.callsOf('chat.postMessage').length;

    let outcome = await autotagEvent(anotherDelivery('eks-create-cluster.json', 2), OWN);
    for (let delivered = 0; delivered < sqs.sent.length; delivered += 1) {
      [outcome] = (await autotagRetry(sqs.asEvent([sqs.sent[delivered] as never]), OWN)) as unknown[];
    }

    const delays = sqs.sent.map((m) => m.delaySeconds);
    expect(delays).toEqual([30, 60, 120, 240, 450]);
    expect(delays.reduce((a, b) => a + b, 0)).toBe(900);
    expect(outcome).toMatchObject({ problems: [expect.stringContaining(`Could not tag ${arn}`)] });
    const notices = slack.callsOf('chat.postMessage').slice(posted);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body.blocks)).toContain('Could not tag');
    tagging.notReady.delete(arn);
  });
});
