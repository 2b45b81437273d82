import { createHash } from 'node:crypto';
import type { supportCaseMessage, supportCaseReply } from '../../blocks/support-case-message';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore, StoredRecord } from '../store/state-store';
import type { SupportCaseEvent } from './support-case-event';

export interface CaseMessageDeps {
  store: StateStore;
  sink: SlackSink;
}

/** What showing one event did, added up over its channels. */
export interface ChannelCounts {
  posted: number;
  edited: number;
  replies: number;
}

/** EventBridge redelivers for up to a day; a claim per event id outlives it. */
export const EVENT_CLAIM_SECONDS = 2 * 24 * 60 * 60;
/** Support keeps a case 12 months; its message reference a little longer. */
const MESSAGE_TTL_SECONDS = 400 * 24 * 60 * 60;

interface CaseMessageState {
  channelId: string;
  ts: string;
  hash: string;
}

/** A channel reserved by the delivery that is posting the case's message; `since` in epoch milliseconds. */
interface PendingPost {
  pending: true;
  since: number;
}

/**
 * A reservation older than any Lambda run (15 minutes) was left by a run that died between reserving and
 * recording what it posted; it is taken over rather than blocking the case for good.
 */
const PENDING_STALE_MS = 16 * 60 * 1000;

/** Another delivery for the same case holds or just changed its message record; thrown so Lambda retries. */
export class CaseMessageBusyError extends Error {
  constructor(caseId: string, channel: string) {
    super(`support case ${caseId}: message in ${channel} is being written by another delivery`);
    this.name = 'CaseMessageBusyError';
  }
}

const isStalePending = (state: StoredRecord<CaseMessageState | PendingPost>) =>
  'pending' in state.data && Date.now() - state.data.since > PENDING_STALE_MS;

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Brings one channel up to date with a case: posts its one message there the first time, else edits it when it
 * changed, and replies in its thread once per event.
 */
export async function showInChannel(
  channel: string,
  event: SupportCaseEvent,
  message: ReturnType<typeof supportCaseMessage>,
  reply: ReturnType<typeof supportCaseReply>,
  deps: CaseMessageDeps,
  result: ChannelCounts,
): Promise<void> {
  const caseId = event.detail['case-id'];
  const pk = `support-case#${caseId}`;
  const sk = `msg#${channel}`;
  const hash = hashOf(message);
  const state = await deps.store.get<CaseMessageState | PendingPost>(pk, sk);
  if (!state || isStalePending(state)) {
    await postFirst(channel, pk, sk, hash, message, state, deps);
    result.posted += 1;
    return;
  }
  if (!('ts' in state.data)) {
    // Another delivery reserved this channel and is posting; Lambda retries this event, and the retry edits.
    throw new CaseMessageBusyError(caseId, channel);
  }
  const ref = { channel: state.data.channelId, ts: state.data.ts };
  if (state.data.hash !== hash) {
    await deps.sink.update(ref, message);
    const replaced = await deps.store.replace(pk, sk, { ...state.data, hash }, state.version, {
      ttlSeconds: MESSAGE_TTL_SECONDS,
    });
    // Someone else changed the record meanwhile: read it again on the retry rather than overwrite their hash.
    if (!replaced) throw new CaseMessageBusyError(caseId, channel);
    result.edited += 1;
  }
  // A retry after another channel failed must not reply here twice.
  if (await deps.store.claim(`support-case-reply#${event.id}#${channel}`, EVENT_CLAIM_SECONDS)) {
    await deps.sink.post(ref.channel, reply, { threadTs: ref.ts });
    result.replies += 1;
  }
  logger.info('support case updated', { caseId, channel, ts: ref.ts });
}

/**
 * Posts the case's first message in a channel: reserves the channel's record first (a conditional create, or a
 * versioned take-over of a stale reservation), so of two concurrent deliveries only one posts; the other throws.
 * A failed post gives the reservation back; the record then holds where the message is.
 */
async function postFirst(
  channel: string,
  pk: string,
  sk: string,
  hash: string,
  message: ReturnType<typeof supportCaseMessage>,
  stale: StoredRecord<CaseMessageState | PendingPost> | undefined,
  deps: CaseMessageDeps,
): Promise<void> {
  const caseId = pk.slice('support-case#'.length);
  const pending: PendingPost = { pending: true, since: Date.now() };
  const options = { ttlSeconds: MESSAGE_TTL_SECONDS };
  const reserved = stale
    ? await deps.store.replace(pk, sk, pending, stale.version, options)
    : await deps.store.create(pk, sk, pending, options);
  if (!reserved) throw new CaseMessageBusyError(caseId, channel);
  const version = stale ? stale.version + 1 : 1;
  let posted: Awaited<ReturnType<SlackSink['post']>>;
  try {
    posted = await deps.sink.post(channel, message);
  } catch (error) {
    await deps.store.remove(pk, sk, version).catch(() => undefined);
    throw error;
  }
  const state: CaseMessageState = { channelId: posted.channel, ts: posted.ts, hash };
  if (!(await deps.store.replace(pk, sk, state, version, options))) {
    logger.warn('support case message record changed while posting', { caseId, channel, ts: posted.ts });
  }
  logger.info('support case posted', { caseId, channel, ts: posted.ts });
}
