import { resolve } from 'node:path';
import { AirtableStandIn } from './airtable-stand-in';
import { BotHarness } from './bot-harness';
import { healthFixture } from './health-harness';
import { FORM } from './interaction';
import { blockActionBody } from './slack-payloads';

export const HEALTH_AIRTABLE_TABLE = 'Health events';

type Handler = (event: unknown, context?: { getRemainingTimeInMillis(): number }) => Promise<unknown>;

/**
 * The Slack side of the bot (slack-http + worker, BotHarness) and the Health functions on one dynalite, one
 * Slack stand-in and an Airtable stand-in: alerts are delivered as EventBridge would, buttons clicked as Slack
 * would, and the scheduled Health functions invoked as their schedules would.
 */
export class HealthBotHarness extends BotHarness {
  readonly airtable = new AirtableStandIn();
  private health!: Handler;
  private readonly functions = new Map<string, Handler>();

  override async start(extraEnv: Record<string, string> = {}): Promise<this> {
    await this.airtable.start();
    await super.start({
      CHATOPS_CONFIG: resolve(__dirname, '../fixtures/health/chatops-health-actions.yaml'),
      AIRTABLE_TOKEN: 'patLOCAL.test',
      AIRTABLE_BASE_ID: 'appHEALTHTEST0001',
      AIRTABLE_TABLE: HEALTH_AIRTABLE_TABLE,
      AIRTABLE_ENDPOINT_URL: this.airtable.url,
      ...extraEnv,
    });
    this.health = (await import('../../handlers/health-event')).handler as Handler;
    return this;
  }

  /** Registers another handler (a scheduled Health function) to be invoked by name. */
  use(name: string, handler: Handler): void {
    this.functions.set(name, handler);
  }

  invoke(name: string, event: unknown = { id: `schedule-${Date.now()}`, 'detail-type': 'Scheduled Event' }) {
    const handler = this.functions.get(name);
    if (!handler) throw new Error(`no handler ${name}`);
    return handler(event, { getRemainingTimeInMillis: () => 60_000 });
  }

  deliver(event: string | Record<string, unknown>): Promise<unknown> {
    const body = typeof event === 'string' ? healthFixture(event) : event;
    return this.health(body, { getRemainingTimeInMillis: () => 60_000 });
  }

  /** Clicks a button of the message at (channel, ts) as `userId`; waits for the worker's run. */
  async click(options: {
    actionId: string;
    userId: string;
    channel: string;
    ts: string;
    value?: string;
    triggerId: string;
  }) {
    const response = await this.post(
      blockActionBody({ value: '', responseUrl: this.slack.responseUrl(options.triggerId), ...options }),
      FORM,
    );
    await this.lambda.settled();
    return response;
  }

  /** Submits a modal the bot opened and waits for the worker's run. */
  async submitAndSettle(
    view: Record<string, unknown>,
    userId: string,
    viewId: string,
    values: Record<string, unknown>,
  ) {
    const response = await this.submitView(view, userId, viewId, values);
    await this.lambda.settled();
    return response;
  }

  override async stop(): Promise<void> {
    await Promise.all([super.stop(), this.airtable.stop()]);
  }
}
