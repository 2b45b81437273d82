import { createHash } from 'node:crypto';
import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';
import type { HealthConfig } from './config-schema';
import type { HealthEventView } from './event-view';
import type { ApiEntity, ApiEvent, HealthApi } from './health-api';
import { eventKey } from './health-state';

export interface ReconcileDeps {
  api: HealthApi;
  store: StateStore;
  /** The Health function's own path for one EventBridge event (validate, route, merge, render, Airtable). */
  deliver: (event: unknown) => Promise<unknown>;
  /** The account the bot runs in (the organisational view's management / delegated-admin account). */
  ownAccount: () => Promise<string>;
  config: HealthConfig['reconcile'];
  now: Date;
}

export interface ReconcileOutcome {
  checked: number;
  /** Versions the state table had not seen, sent through the delivery path. */
  sent: number;
  failed: number;
  firstRun: boolean;
}

/** Some versions could not be delivered; the others were (thrown: the next run tries these again). */
export class HealthReconcileError extends Error {
  override readonly name = 'HealthReconcileError';
}

const FIRST_RUN = { pk: 'health#reconcile', sk: 'first-run' };

/** The EventBridge "AWS Health Event" an EventBridge delivery of this version would have been. */
export function asEventBridgeEvent(
  event: ApiEvent,
  accountId: string,
  ownAccount: string,
  description: string,
  entities: readonly ApiEntity[],
): Record<string, unknown> {
  const id = createHash('sha256').update(`${event.arn}#${accountId}#${event.lastUpdatedTime}`).digest('hex');
  return {
    version: '0',
    id: `reconcile-${id.slice(0, 32)}`,
    'detail-type': 'AWS Health Event',
    source: 'aws.health',
    account: ownAccount,
    time: event.lastUpdatedTime,
    region: 'us-east-1',
    resources: entities.map((e) => e.entityValue),
    detail: {
      eventArn: event.arn,
      service: event.service,
      eventTypeCode: event.eventTypeCode,
      eventTypeCategory: event.eventTypeCategory,
      ...(event.eventScopeCode ? { eventScopeCode: event.eventScopeCode } : {}),
      startTime: event.startTime,
      ...(event.endTime ? { endTime: event.endTime } : {}),
      lastUpdatedTime: event.lastUpdatedTime,
      statusCode: event.statusCode,
      eventRegion: event.region,
      eventDescription: [{ language: 'en_US', latestDescription: description }],
      affectedEntities: entities.map((e) => ({
        entityValue: e.entityValue,
        ...(e.status ? { status: e.status } : {}),
        ...(e.lastUpdatedTime ? { lastUpdatedTime: e.lastUpdatedTime } : {}),
      })),
      affectedAccount: accountId,
    },
  };
}

/**
 * healthReconcile: every event the Health API updated in the lookback window (and, on the first run after
 * deploy, every open and upcoming one) is compared with the state table per account; a version the table has
 * not seen is sent through the same path as an EventBridge delivery. What the table has seen is skipped, so a
 * repeated run changes nothing, and a missed delivery shows up one run late.
 */
export async function reconcileHealth(deps: ReconcileDeps): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { checked: 0, sent: 0, failed: 0, firstRun: false };
  const from = new Date(deps.now.getTime() - deps.config.lookbackHours * 3_600_000);
  const passes: { from?: Date; statuses?: ('open' | 'upcoming')[] }[] = [{ from }];
  outcome.firstRun = deps.config.firstRunOpenEvents && !(await deps.store.get(FIRST_RUN.pk, FIRST_RUN.sk));
  if (outcome.firstRun) passes.push({ statuses: ['open', 'upcoming'] });
  const seen = new Set<string>();
  const own = await deps.ownAccount();
  for (const pass of passes) {
    for await (const event of deps.api.events(pass)) {
      if (seen.has(event.arn)) continue;
      seen.add(event.arn);
      await reconcileEvent(event, own, deps, outcome);
    }
  }
  // Marked done only when every open event got through: otherwise the next run looks at all of them again.
  if (outcome.firstRun && outcome.failed === 0)
    await deps.store.create(FIRST_RUN.pk, FIRST_RUN.sk, { at: deps.now.toISOString() });
  if (outcome.failed > 0)
    throw new HealthReconcileError(
      `${outcome.failed} Health event versions not delivered (next run retries)`,
    );
  return outcome;
}

async function reconcileEvent(event: ApiEvent, own: string, deps: ReconcileDeps, outcome: ReconcileOutcome) {
  const { pk, sk } = eventKey(event.arn);
  const known = (await deps.store.get<HealthEventView>(pk, sk))?.data;
  const listed = await deps.api.accounts(event);
  // A public event lists no accounts in the organisational view; EventBridge delivers it to the bot's own.
  const accounts = listed.length > 0 ? listed : [own];
  for (const accountId of accounts) {
    outcome.checked += 1;
    const stored = known?.accounts[accountId]?.lastUpdatedTime;
    if (stored && stored >= event.lastUpdatedTime) continue;
    try {
      const [description, entities] = await Promise.all([
        deps.api.description(event, accountId),
        deps.api.entities(event, accountId),
      ]);
      await deps.deliver(asEventBridgeEvent(event, accountId, own, description, entities));
      outcome.sent += 1;
      logger.info('health event version brought in from the Health API', {
        eventArn: event.arn,
        accountId,
        lastUpdatedTime: event.lastUpdatedTime,
      });
    } catch (error) {
      outcome.failed += 1;
      logger.error('health event version not delivered', { eventArn: event.arn, accountId, error });
    }
  }
}
