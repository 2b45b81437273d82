import { resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { mergeIntoState, messageKey } from '../../src/health/health-state';
import { trackOpenEvent } from '../../src/health/open-events';
import { HealthStandIn } from '../../src/local/health-stand-in';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { readHomeItems } from '../../src/store/home-items';
import type { StateStore } from '../../src/store/state-store';
import { configAsPackaged, loadBundle } from '../support/bundled-function';
import { healthFixture } from '../support/health-harness';
import { useLocalStateStore } from '../support/local-state-store';
import { SlackStandIn } from '../support/slack-stand-in';
import { SsmStandIn } from '../support/ssm-stand-in';
import { useStandIns } from '../support/use-stand-ins';

type Handler = (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<unknown>;

const TABLE = 'aws-chatops-bundle-health-schedules';
const HOUR = 3_600_000;
const schedule = (id: string) => ({ id, 'detail-type': 'Scheduled Event', source: 'aws.events' });
const context = { getRemainingTimeInMillis: () => 60_000 };

/**
 * healthReconcile, healthReminders and healthDigests as deployed (serverless.yml's esbuild options): the Health API stand-in has a
 * scheduled change EventBridge never delivered; reconcile brings it in once, and the reminder follows once.
 */
describe('the bundled Health schedules', () => {
  const slack = new SlackStandIn();
  const health = new HealthStandIn();
  const sts = new StsStandIn();
  const ssm = new SsmStandIn();
  let dynamoEndpoint: string;
  let store: StateStore;
  let reconcile: Handler;
  let reminders: Handler;
  let digests: Handler;
  afterEach(() => vi.useRealTimers());
  useStandIns(slack, health, sts, ssm);
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
      AWS_ENDPOINT_URL_HEALTH: health.url,
      AWS_ENDPOINT_URL_STS: sts.url,
      STATE_TABLE: TABLE,
      CHATOPS_CONFIG: configAsPackaged(
        resolve('test/fixtures/health/chatops-health-actions.yaml'),
        built.dir,
      ),
      SLACK_API_URL: slack.apiUrl,
      ...ssm.secretsByReference({ SLACK_BOT_TOKEN: 'xoxb-from-ssm' }),
    };
    ({ handler: reconcile } = loadBundle<{ handler: Handler }>(built.files.healthReconcile ?? '', env));
    ({ handler: reminders } = loadBundle<{ handler: Handler }>(built.files.healthReminders ?? '', env));
    ({ handler: digests } = loadBundle<{ handler: Handler }>(built.files.healthDigests ?? '', env));
  });

  it('fills the Home once, on its first run, with the open events the bot had already posted', async () => {
    // An alert posted before the Home existed: its event state, its message, the open-events index — no Home item.
    const delivery = toDelivery(healthEventSchema.parse(healthFixture('ec2-issue-open')));
    const merged = await mergeIntoState(store, {
      delivery,
      accountName: 'prod-payments',
      channels: ['C0PRODOPS1'],
    });
    await trackOpenEvent(store, merged.view);
    const message = messageKey(delivery.eventArn, 'C0PRODOPS1');
    await store.create(message.pk, message.sk, {
      channelId: 'C0PRODOPS1',
      ts: '1715678000.000200',
      renderedVersion: 1,
    });

    await reconcile(schedule('r-home'), context);

    const health = (await readHomeItems(store)).items.filter((item) => item.kind === 'health');
    expect(health).toMatchObject([
      {
        account: { id: '222222222222' },
        fields: { alert: { channelId: 'C0PRODOPS1', ts: '1715678000.000200' } },
      },
    ]);
  });

  it('posts an event only the Health API knows once, then its reminder once', async () => {
    health.events.push({
      arn: 'arn:aws:health:eu-central-1::event/RDS/AWS_RDS_MAINTENANCE_SCHEDULED/AWS_RDS_MAINTENANCE_SCHEDULED_bundle1',
      service: 'RDS',
      eventTypeCode: 'AWS_RDS_MAINTENANCE_SCHEDULED',
      eventTypeCategory: 'scheduledChange',
      eventScopeCode: 'ACCOUNT_SPECIFIC',
      region: 'eu-central-1',
      startTime: new Date(Date.now() + 20 * HOUR).toISOString(),
      lastUpdatedTime: new Date(Date.now() - HOUR).toISOString(),
      statusCode: 'upcoming',
      description: 'Maintenance is scheduled for your DB instance.',
      accounts: { '333333333333': [{ entityValue: 'staging-orders-db', statusCode: 'PENDING' }] },
    });

    await reconcile(schedule('r-1'), context);
    await reconcile(schedule('r-2'), context);

    const posts = slack.callsOf('chat.postMessage');
    expect(posts.map((c) => c.body.channel)).toEqual(['C0MAINT001']);
    expect(posts[0]?.headers.authorization).toBe('Bearer xoxb-from-ssm');

    await reminders(schedule('m-1'), context);
    await reminders(schedule('m-2'), context);

    const replies = slack.callsOf('chat.postMessage').filter((c) => c.body.thread_ts === posts[0]?.ts);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.body.blocks)).toContain('<!subteam^S0MAINTAIN1>');
  });
  it('healthDigests posts one digest for the events of a digest route once its hour has ended, once', async () => {
    for (const n of [1, 2]) {
      health.events.push({
        arn: `arn:aws:health:us-east-1::event/CLOUDFORMATION/AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION/bundle-digest-${n}`,
        service: 'CLOUDFORMATION',
        eventTypeCode: 'AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION',
        eventTypeCategory: 'accountNotification',
        eventScopeCode: 'ACCOUNT_SPECIFIC',
        region: 'us-east-1',
        startTime: new Date(Date.now() - 2 * HOUR).toISOString(),
        lastUpdatedTime: new Date(Date.now() - HOUR + n * 1000).toISOString(),
        statusCode: 'open',
        description: `Notice ${n}.`,
        accounts: { '222222222222': [] },
      });
    }
    await reconcile(schedule('r-3'), context);
    expect(slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0DIGEST01')).toEqual([]);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + HOUR);
    await digests(schedule('d-1'), context);
    await digests(schedule('d-2'), context);

    const posted = slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'C0DIGEST01');
    expect(posted).toHaveLength(1);
    const text = JSON.stringify(posted[0]?.body.blocks);
    expect(text).toContain('bundle-digest-1');
    expect(text).toContain('bundle-digest-2');
  });
});
