import { catalogFailureAlert } from '../../blocks/catalog-failure-alert';
import type { SlackMessage } from '../../blocks/message';
import { rejectBadInput } from '../lambda/bad-input';
import type { FailureQueue } from '../lambda/failure-queue';
import { logger, withCorrelation } from '../lambda/logger';
import { eventIdOf } from '../lambda/quarantine';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import type { SubscriptionStore } from '../store/subscriptions';
import { alertOnce, failureIdentity, operationKey } from './alert-once';
import { type AlertRoute, type CompiledRoute, routeFor } from './alert-routing';
import type { CatalogConfig } from './config-schema';
import { type EnrichDeps, enrichFailure } from './enrich-failure';
import { recordCatalogHome } from './home-record';
import { notifySubscribers } from './notify-subscribers';
import { type CatalogInput, readCatalogEvent } from './read-catalog-event';
import { isNestedInProvisionedProduct, provisionedProductIdOf } from './stack-arn';
import type { StackNotification } from './stack-notification';

export interface CatalogEventDeps extends EnrichDeps {
  config: CatalogConfig;
  routes: readonly CompiledRoute[];
  /** Where alerts go when no route matches (`catalog.channel`, else `slack.defaultChannel`). */
  fallback: AlertRoute;
  store: StateStore;
  sink: () => Promise<SlackSink>;
  /** People subscribed to an account get its failures in their DM (absent: nobody is DM'd). */
  subscriptions?: Pick<SubscriptionStore, 'subscribersFor'>;
  /** Where malformed input goes besides the quarantine (the function's on-failure destination). */
  failureQueue?: FailureQueue;
  /** Milliseconds the invocation has left (Lambda's context): subscriber DMs stop before the timeout. */
  remainingMs?: () => number;
}

/** The one INFO line every delivery that is read but not alerted leaves, with its id and the reason. */
const IGNORED = 'catalog delivery ignored';
/** Ids and statuses come from the sender, unbounded: a log line keeps their beginning. */
const LOGGED_CHARS = 256;
const logged = (text: string): string =>
  text.length > LOGGED_CHARS ? `${text.slice(0, LOGGED_CHARS)}…` : text;

export type CatalogOutcome = 'alerted' | 'duplicate' | 'ignored' | 'quarantined';

/** The serverless.yml function name: `npm run replay -- catalogEvent --quarantined` resends what is kept. */
export const QUARANTINE_SOURCE = 'catalogEvent';

/**
 * SNS records or an EventBridge event in, at most one Slack alert per stack failure out. Malformed input (each
 * SNS record on its own) is rejected by the bad-input policy (never retried); transient failures (DynamoDB,
 * Slack) throw so Lambda retries.
 */
export async function handleCatalogEvent(event: unknown, deps: CatalogEventDeps): Promise<CatalogOutcome[]> {
  const outcomes: CatalogOutcome[] = [];
  for (const input of readCatalogEvent(event)) outcomes.push(await handleInput(input, deps));
  return outcomes;
}

async function handleInput(input: CatalogInput, deps: CatalogEventDeps): Promise<CatalogOutcome> {
  if (input.kind === 'malformed') {
    const policy = { store: deps.store, source: QUARANTINE_SOURCE, failureQueue: deps.failureQueue };
    await rejectBadInput(policy, input.raw, input.problems);
    return 'quarantined';
  }
  if (input.kind === 'ignored') {
    const eventId = logged(eventIdOf(input.raw));
    withCorrelation({ eventId });
    logger.info(IGNORED, { eventId, reason: input.why });
    return 'ignored';
  }
  const n = input.notification;
  const eventId = logged(n.messageId);
  withCorrelation({ eventId, account: logged(n.stack.accountId) });
  const skip = reasonToSkip(n, deps.config);
  if (skip) {
    logger.info(IGNORED, {
      eventId,
      reason: logged(skip),
      status: logged(n.status),
      stackId: logged(n.stack.stackId),
    });
    return 'ignored';
  }
  const identity = failureIdentity(n);
  // Built inside the lease, sent after it: the route's mention is for its channel, the DM goes to the person alone.
  let directMessage: SlackMessage | undefined;
  const outcome = await alertOnce(deps.store, identity, async () => {
    const report = await enrichFailure(n, deps);
    const route = routeFor(deps.routes, deps.fallback, {
      accountId: n.stack.accountId,
      productId: report.catalog?.productId,
      productName: report.catalog?.productName,
    });
    const message = catalogFailureAlert({ report, ...(route.mention ? { mention: route.mention } : {}) });
    const sink = await deps.sink();
    const posted = await sink.post(route.channel, message);
    await recordCatalogHome(deps.store, report, posted);
    directMessage = catalogFailureAlert({ report });
    return posted;
  });
  // Only the invocation that alerted the channel DMs, after the alert is recorded: a timeout while DMing cannot
  // make a retry post the channel alert again.
  if (outcome === 'alerted' && directMessage)
    await notifySubscribers(
      { ...deps, sink: await deps.sink() },
      operationKey(identity),
      n.stack.accountId,
      directMessage,
    );
  logger.info('catalog failure handled', { outcome, status: n.status, stackId: logged(n.stack.stackId) });
  return outcome;
}

function reasonToSkip(n: StackNotification, config: CatalogConfig): string | undefined {
  if (!n.stackLevel) return 'resource-level event';
  if (!(config.failureStatuses as readonly string[]).includes(n.status))
    return `not a failure status (${n.status})`;
  if (isNestedInProvisionedProduct(n.stack.stackName))
    return 'nested stack of a provisioned product (its root stack alerts)';
  if (!config.alertNonCatalogStacks && !provisionedProductIdOf(n.stack.stackName))
    return 'not a Service Catalog stack';
  return undefined;
}
