import { logger } from '../logging/logger';
import type { StateStore } from '../store/state-store';

const QUARANTINE_SECONDS = 14 * 24 * 60 * 60;

/** The id an event is known by in logs: EventBridge `id`, SNS MessageId, a job id, or `unknown`. */
export function eventIdOf(event: unknown): string {
  const e = (event ?? {}) as { id?: unknown; Records?: { Sns?: { MessageId?: unknown } }[] };
  if (typeof e.id === 'string') return e.id;
  const sns = e.Records?.[0]?.Sns?.MessageId;
  return typeof sns === 'string' ? sns : 'unknown';
}

/**
 * A malformed event is never retried (it would fail the same way forever): it is logged with its id and kept
 * for 14 days in the state table (`quarantine#<function>`), from where
 * `npm run replay -- <function> --quarantined` sends it again once the cause is fixed.
 */
export interface QuarantinedEvent {
  eventId: string;
  problems: string[];
  /** The event as received, JSON. */
  event: string;
}

export const quarantineKey = (functionName: string) => `quarantine#${functionName}`;

export async function quarantine(
  store: StateStore,
  /** The serverless.yml function name, e.g. `healthEvent`. */
  source: string,
  event: unknown,
  problems: readonly string[],
): Promise<void> {
  const eventId = eventIdOf(event);
  logger.error('malformed event kept for replay, not retried', { source, eventId, problems });
  await store.create<QuarantinedEvent>(
    quarantineKey(source),
    `${new Date().toISOString()}#${eventId}`,
    { eventId, problems: [...problems], event: JSON.stringify(event) },
    { ttlSeconds: QUARANTINE_SECONDS },
  );
}
