import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SQSClient } from '@aws-sdk/client-sqs';
import { WebClient } from '@slack/web-api';
import type { Context } from 'aws-lambda';
import { healthDashboardUrl } from '../../blocks/console-links';
import { AccountDirectory } from '../aws/account-directory';
import { organizationAccountNames } from '../aws/organization-account-names';
import type { Env } from '../config/env';
import type { AppConfig } from '../config/schema';
import { readSecret } from '../config/secrets';
import { failureQueueFromEnv, readInput } from '../lambda/bad-input';
import { withCorrelation } from '../lambda/logger';
import { once } from '../lambda/once';
import { PacedSlackSink, stateChannelNames } from '../slack/api/paced-slack-sink';
import { ConsoleSink, type SlackSink, WebApiSink } from '../slack/api/slack-sink';
import { SlotPacer } from '../store/slot-pacer';
import { StateStore } from '../store/state-store';
import { documentClient } from '../store/state-table';
import { SubscriptionStore } from '../store/subscriptions';
import { healthAirtableFromEnv } from './airtable-setup';
import { withDirectMessages } from './direct-messages';
import { type HealthEventOutcome, handleHealthEvent } from './handle-health-event';
import { healthEventSchema } from './health-event-schema';
import { HealthRouter } from './health-router';
import { HealthMessageRenderer } from './message-renderer';
import { routeWithMutes } from './route-with-mutes';
import { routeWithSubscribers } from './route-with-subscribers';

export interface HealthClients {
  dynamodb: DynamoDBClient;
  organizations: OrganizationsClient;
  sqs: SQSClient;
}

/** Time kept back from the Lambda deadline to record state and return cleanly. */
const SAFETY_MS = 10_000;

/** Rate-limited calls are rejected (not retried inside the client) so PacedSlackSink paces every request. */
function healthSlackSink(token: string | undefined, apiUrl: string): SlackSink {
  if (!token) return new ConsoleSink();
  const client = new WebClient(token, {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2 },
  });
  return new WebApiSink(token, apiUrl, client);
}

/** Everything the Health function needs, built once per container; `handle` runs one delivery. */
export function createHealthRuntime(env: Env, config: AppConfig, clients: HealthClients) {
  const store = new StateStore(documentClient(clients.dynamodb), env.STATE_TABLE);
  const accounts = new AccountDirectory(config, organizationAccountNames(clients.organizations));
  const router = new HealthRouter(config.health, config.slack.defaultChannel, accounts);
  const pacer = new SlotPacer(store);
  let deadline = Number.POSITIVE_INFINITY;
  // `dm:<user>` channels (subscribers) open the person's DM once per container.
  const sink = once(async () =>
    withDirectMessages(
      new PacedSlackSink(
        healthSlackSink(await readSecret(env, 'SLACK_BOT_TOKEN'), env.SLACK_API_URL),
        pacer,
        {
          intervalMs: Math.ceil(1000 / config.health.slackMessagesPerSecond),
          deadline: () => deadline,
          channelNames: stateChannelNames(store),
        },
      ),
    ),
  );
  const airtable = healthAirtableFromEnv(env, config.health.airtable, store, pacer, () => deadline);
  // One container-wide cache: a burst of deliveries reads the subscriptions partition once per few seconds.
  const subscriptions = new SubscriptionStore(store);
  const badInput = { store, source: 'healthEvent', failureQueue: failureQueueFromEnv(env, clients.sqs) };

  return {
    store,
    airtable,
    async handle(event: unknown, remainingMs = 300_000): Promise<HealthEventOutcome | undefined> {
      const parsed = await readInput(healthEventSchema, event, badInput);
      if (!parsed) return undefined;
      const { detail } = parsed;
      withCorrelation({ eventId: parsed.id, account: detail.affectedAccount ?? parsed.account });
      deadline = Date.now() + remainingMs - SAFETY_MS;
      return handleHealthEvent(parsed, {
        store,
        accounts,
        route: routeWithMutes(
          routeWithSubscribers((d) => router.route(d, new Date()), subscriptions),
          store,
        ),
        renderer: new HealthMessageRenderer({
          store,
          sink: await sink(),
          dashboardUrl: (view) => healthDashboardUrl(view, config.organization.partition),
          deadline: () => deadline,
        }),
        airtable,
      });
    },
  };
}

/**
 * The healthEvent Lambda handler: clients made once per container (tests may pass their own), nothing called
 * over the network before the first event.
 */
export function createHealthFunction(env: Env, config: AppConfig, clients: Partial<HealthClients> = {}) {
  const health = createHealthRuntime(env, config, {
    dynamodb: clients.dynamodb ?? new DynamoDBClient({}),
    organizations: clients.organizations ?? new OrganizationsClient({ region: 'us-east-1' }),
    sqs: clients.sqs ?? new SQSClient({}),
  });
  return async (event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<void> => {
    await health.handle(event, context?.getRemainingTimeInMillis());
  };
}
