import type { StateStore } from '../store/state-store';
import type { RenderedSnapshot } from './event-changes';
import { type HealthEventView, type MergeInput, mergeDelivery, sameView } from './event-view';

/** Health events can stay open or upcoming for months; their state is kept a little over a year. */
export const HEALTH_STATE_TTL_SECONDS = 400 * 24 * 60 * 60;

export const eventKey = (eventArn: string) => ({ pk: `health#${eventArn}`, sk: 'event' });
export const messageKey = (eventArn: string, channel: string) => ({
  pk: `health#${eventArn}`,
  sk: `msg#${channel}`,
});

/** What one channel's message of an event is and what it last showed. */
export interface MessageState {
  channelId?: string;
  ts?: string;
  renderedVersion: number;
  snapshot?: RenderedSnapshot;
  messageHash?: string;
  /** Slack user ids of the people on it ("I'm on it"), in the order they clicked. */
  watchers?: string[];
  /** Everyone who ever clicked "I'm on it": only the first click of a person gets a thread reply. */
  everWatched?: string[];
  /** Set when something besides the event changed (watchers): the next render rebuilds the message. */
  refresh?: boolean;
}

/** Too many concurrent writers on one event for optimistic retries to get through (thrown: Lambda retries). */
export class HealthStateConflictError extends Error {
  override readonly name = 'HealthStateConflictError';
}

export interface MergeResult {
  view: HealthEventView;
  /** The event record's version that holds this delivery. */
  version: number;
  changed: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Folds a delivery into the event's record with optimistic concurrency (read, merge, conditional write, again
 * on conflict). A delivery that changes nothing (a retry, a duplicate) writes nothing.
 */
export async function mergeIntoState(
  store: StateStore,
  input: MergeInput,
  attempts = 25,
): Promise<MergeResult> {
  const { pk, sk } = eventKey(input.delivery.eventArn);
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const record = await store.get<HealthEventView>(pk, sk);
    const view = mergeDelivery(record?.data, input);
    if (record && sameView(record.data, view)) return { view, version: record.version, changed: false };
    const written = record
      ? await store.replace(pk, sk, view, record.version, { ttlSeconds: HEALTH_STATE_TTL_SECONDS })
      : await store.create(pk, sk, view, { ttlSeconds: HEALTH_STATE_TTL_SECONDS });
    if (written) return { view, version: (record?.version ?? 0) + 1, changed: true };
    await sleep(Math.random() * 50 * Math.min(attempt + 1, 8));
  }
  throw new HealthStateConflictError(`could not merge ${input.delivery.eventArn} after ${attempts} attempts`);
}
