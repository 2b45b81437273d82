import { configure } from 'safe-stable-stringify';
import type { StateStore } from '../store/state-store';
import { logger } from './logger';

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
 * for 14 days in the state table (`quarantine#<function>`) — any event: cyclic, 5,000 levels deep, megabytes or
 * with a 2,000-character id (see `keptEvent`; long keys are shortened by the store) — from where
 * `npm run replay -- <function> --quarantined` sends it again once the cause is fixed.
 */
export interface QuarantinedEvent {
  eventId: string;
  problems: string[];
  /** The event as received, JSON. */
  event: string;
}

export const quarantineKey = (functionName: string) => `quarantine#${functionName}`;

/** Far below DynamoDB's 400 KB item, whatever the characters (UTF-8 takes up to 4 bytes each). */
const EVENT_BYTES = 300_000;
const PROBLEMS_KEPT = 50;
const PROBLEM_CHARS = 500;
const ID_CHARS = 4096;

/** Any value as JSON: deeper than 100 levels becomes `"[Object]"`, a cycle `"[Circular]"`; never throws. */
const boundedStringify = configure({ maximumDepth: 100, circularValue: '[Circular]', bigint: true });

/** The event as JSON for replay; one too big to keep whole is kept as its beginning, marked so. */
function keptEvent(event: unknown): string {
  const json = boundedStringify(event) ?? 'null';
  if (Buffer.byteLength(json, 'utf8') <= EVENT_BYTES) return json;
  const head = Buffer.from(json, 'utf8')
    .subarray(0, EVENT_BYTES / 2)
    .toString('utf8');
  return JSON.stringify({ truncatedEvent: true, bytes: Buffer.byteLength(json, 'utf8'), head });
}

function keptProblems(problems: readonly string[]): string[] {
  const kept = problems.slice(0, PROBLEMS_KEPT).map((problem) => String(problem).slice(0, PROBLEM_CHARS));
  return problems.length > PROBLEMS_KEPT ? [...kept, `…and ${problems.length - PROBLEMS_KEPT} more`] : kept;
}

export async function quarantine(
  store: StateStore,
  /** The serverless.yml function name, e.g. `healthEvent`. */
  source: string,
  event: unknown,
  problems: readonly string[],
): Promise<void> {
  const eventId = eventIdOf(event).slice(0, ID_CHARS);
  const kept = keptProblems(problems);
  logger.error('malformed event kept for replay, not retried', { source, eventId, problems: kept });
  await store.create<QuarantinedEvent>(
    quarantineKey(source),
    `${new Date().toISOString()}#${eventId}`,
    { eventId, problems: kept, event: keptEvent(event) },
    { ttlSeconds: QUARANTINE_SECONDS },
  );
}
