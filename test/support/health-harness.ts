import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type LocalDynamo, startLocalDynamo } from '../../src/local/local-dynamodb';
import { StateStore } from '../../src/store/state-store';
import { documentClient } from '../../src/store/state-table';
import { AirtableStandIn } from './airtable-stand-in';
import { SlackStandIn } from './slack-stand-in';

const TABLE = 'aws-chatops-test-state';
export const AIRTABLE_TABLE = 'Health events';

export function healthFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(__dirname, '../fixtures/health', `${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
}

/**
 * The Health function on loopback: embedded DynamoDB, Slack and Airtable stand-ins over HTTP, and the real
 * `handlers/health-event` (and the scheduled Airtable retry) configured only through the environment.
 */
export class HealthHarness {
  readonly slack = new SlackStandIn();
  readonly airtable = new AirtableStandIn();
  dynamo!: LocalDynamo;
  store!: StateStore;
  private handler!: (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<void>;
  private retryHandler!: (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<void>;

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    [this.dynamo] = await Promise.all([startLocalDynamo(TABLE), this.slack.start(), this.airtable.start()]);
    this.store = new StateStore(documentClient(this.dynamo.client), TABLE);
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIALOCAL',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: this.dynamo.endpoint,
      STATE_TABLE: TABLE,
      CHATOPS_CONFIG: resolve(__dirname, '../fixtures/health/chatops-health.yaml'),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: this.slack.apiUrl,
      AIRTABLE_TOKEN: 'patLOCAL.test',
      AIRTABLE_BASE_ID: 'appHEALTHTEST0001',
      AIRTABLE_TABLE,
      AIRTABLE_ENDPOINT_URL: this.airtable.url,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      ...extraEnv,
    });
    const [health, retry] = await Promise.all([
      import('../../handlers/health-event'),
      import('../../handlers/health-airtable-retry'),
    ]);
    this.handler = health.handler;
    this.retryHandler = retry.handler;
    return this;
  }

  /** Delivers an event (a fixture name or the event itself) as EventBridge would invoke the function. */
  deliver(event: string | Record<string, unknown>, remainingMs = 60_000): Promise<void> {
    const body = typeof event === 'string' ? healthFixture(event) : event;
    return this.handler(body, { getRemainingTimeInMillis: () => remainingMs });
  }

  /** Runs the scheduled Airtable retry once. */
  retryAirtable(remainingMs = 30_000): Promise<void> {
    return this.retryHandler({}, { getRemainingTimeInMillis: () => remainingMs });
  }

  async stop(): Promise<void> {
    await Promise.all([this.slack.stop(), this.airtable.stop(), this.dynamo?.close()]);
  }
}

/** A fixture as another event of its kind: its own ARN and delivery id (`suffix`); `patch` changes its detail. */
export function anotherHealthEvent(
  name: string,
  suffix: string,
  patch: (detail: Record<string, unknown>) => void = () => undefined,
): Record<string, unknown> {
  const event = structuredClone(healthFixture(name));
  const detail = event.detail as Record<string, unknown>;
  detail.eventArn = `${String(detail.eventArn)}-${suffix}`;
  event.id = `${String(event.id)}-${suffix}`;
  patch(detail);
  return event;
}
