import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { CloudTrailStandIn, type HistoryRecord } from '../../src/local/cloudtrail-stand-in';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { TaggingApiStandIn } from '../../src/local/tagging-api-stand-in';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { handlerEnv } from '../support/handler-env';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { useStandIns } from '../support/use-stand-ins';

const TABLE = 'aws-chatops-bundle-autotag-worker';
const P = '222222222222';
const QUEUE_ARN = `arn:aws:sqs:eu-west-1:${P}:web-prod-jobs`;
const BUCKET_ARN = 'arn:aws:s3:::payments-invoices-2026';

/** A documented CloudTrail record (test/fixtures/README.md) as the event history of its account and region holds it. */
function historyOf(name: string): HistoryRecord {
  const event = JSON.parse(readFileSync(resolve('test/fixtures/autotag/services', name), 'utf8')) as {
    account: string;
    region: string;
    detail: HistoryRecord['record'];
  };
  // Within the scan's window, whenever the test runs.
  const record = { ...event.detail, eventTime: new Date(Date.now() - 86_400_000).toISOString() };
  return { account: event.account, region: event.region, record };
}

/**
 * slackWorker as deployed running `/aws-tag backfill` (scan, then the confirmed tag job) and `/aws-owner`, against
 * loopback STS (the tagging role), CloudTrail LookupEvents (paginated), the Resource Groups Tagging API and
 * Slack's response_url, with state in the embedded DynamoDB.
 */
describe('the bundled Slack worker on backfills and owner lookups', () => {
  const [slack, sts, tagging, cloudTrail] = [
    new SlackStandIn(),
    new StsStandIn(),
    new TaggingApiStandIn(),
    new CloudTrailStandIn(),
  ] as const;
  useStandIns(slack, sts, tagging, cloudTrail);
  let worker: (event: unknown) => Promise<void>;
  let dynamoEndpoint = '';
  useLocalStateStore(TABLE, (_store, dynamo) => {
    dynamoEndpoint = dynamo.endpoint;
  });

  beforeAll(() => {
    const built = inject('bundles');
    const env = {
      ...handlerEnv({ table: TABLE, dynamoEndpoint, stsUrl: sts.url, slackApiUrl: slack.apiUrl }),
      CHATOPS_CONFIG: configAsPackaged(resolve('test/fixtures/autotag/chatops.yaml'), built.dir),
      AWS_ENDPOINT_URL_CLOUDTRAIL: cloudTrail.url,
      AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API: tagging.url,
    };
    worker = loadBundle<{ handler: (event: unknown) => Promise<void> }>(
      built.files.slackWorker ?? '',
      env,
    ).handler;
  });

  const reply = (id: string) => ({
    responseUrl: slack.responseUrl(id),
    userId: 'U0ADMIN001',
    channelId: 'C1',
  });
  const answerAt = (id: string) =>
    JSON.stringify(
      slack
        .callsOf('response_url')
        .filter((call) => call.path.endsWith(`/${id}`))
        .at(-1)?.body,
    );

  it('scans CloudTrail page by page, tags what has no creator tag after the confirmation, and /aws-owner answers', async () => {
    cloudTrail.history.push(
      historyOf('cloudformation-create-stack.json'),
      historyOf('sqs-create-queue-by-stack.json'),
      historyOf('s3-create-bucket.json'),
      {
        ...historyOf('s3-create-bucket.json'),
        record: { ...historyOf('s3-create-bucket.json').record, eventID: 'again' },
      },
    );
    cloudTrail.pageSize = 1;
    const job = { actor: 'U0ADMIN001', windowDays: 7, account: { id: P }, region: 'eu-west-1' };

    await worker({ kind: 'autotag-backfill-scan', id: 'scan-1', reply: reply('scan-1'), ...job });
    const scanned = answerAt('scan-1');
    await worker({
      kind: 'autotag-backfill-tag',
      id: 'view-1',
      reply: reply('tag-1'),
      actor: 'U0ADMIN001',
      planId: 'scan-1',
    });
    await worker({
      kind: 'autotag-owner',
      id: 'owner-1',
      reply: reply('owner-1'),
      target: { kind: 'arn', arn: QUEUE_ARN },
    });

    expect(scanned).toContain('No creator tag found');
    expect(scanned).toContain('2 resources created in the last 7 days');
    expect(cloudTrail.calls.filter((call) => call.nextToken).map((call) => call.eventName)).toEqual([
      'CreateBucket',
    ]);
    expect(new Set(cloudTrail.calls.map((call) => `${call.account} ${call.region}`))).toEqual(
      new Set([`${P} eu-west-1`]),
    );
    expect(sts.assumed).toContain(`arn:aws:iam::${P}:role/aws-chatops-tagger`);
    expect(answerAt('tag-1')).toContain('Backfill done: 2 resources tagged');
    expect(tagging.tags.get(QUEUE_ARN)).toMatchObject({ CreatedBy: 'alice@example.com via stack web-prod' });
    expect(tagging.tags.get(BUCKET_ARN)).toMatchObject({ CreatedBy: expect.stringContaining('alice') });
    expect(answerAt('owner-1')).toContain('alice@example.com');
  }, 120_000);
});
