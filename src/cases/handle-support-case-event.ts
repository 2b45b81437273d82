import { createHash } from 'node:crypto';
import { type CaseDetails, type Communication, DescribeCasesCommand } from '@aws-sdk/client-support';
import { supportCaseUrl } from '../../blocks/console-links';
import { supportCaseMessage, supportCaseReply } from '../../blocks/support-case-message';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore, StoredRecord } from '../store/state-store';
import { isWorthRetrying } from './account-failure';
import { describeCommunications } from './describe-communications';
import type { SupportCaseEvent } from './support-case-event';

export interface SupportCaseEventDeps {
  store: StateStore;
  sink: SlackSink;
  accounts: Pick<AccountDirectory, 'roleFor' | 'nameOf'>;
  clients: Pick<MemberClients, 'support'>;
  route: (subject: { accountId: string; severity: string }) => string[];
  partition: string;
}

/** EventBridge redelivers for up to a day; a claim per event id outlives it. */
const EVENT_CLAIM_SECONDS = 2 * 24 * 60 * 60;
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

export type SupportCaseOutcome = {
  caseId: string;
  outcome: 'duplicate' | 'shown';
  posted: number;
  edited: number;
  replies: number;
};

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * One Support Case Update: once per event id (a claim), reads the case (and, for correspondence, the newest
 * communication) with the cases role in its account, then in every routed channel posts the case's one message
 * or edits it and replies in its thread. A failure releases the claim and throws, so Lambda retries; channels
 * already up to date are not posted again (their message is recorded per channel, created conditionally).
 */
export async function handleSupportCaseEvent(
  event: SupportCaseEvent,
  deps: SupportCaseEventDeps,
): Promise<SupportCaseOutcome> {
  const caseId = event.detail['case-id'];
  const result: SupportCaseOutcome = { caseId, outcome: 'shown', posted: 0, edited: 0, replies: 0 };
  const claim = `support-case-event#${event.id}`;
  if (!(await deps.store.claim(claim, EVENT_CLAIM_SECONDS, { caseId }))) {
    logger.info('support case event already handled', { eventId: event.id, caseId });
    return { ...result, outcome: 'duplicate' };
  }
  try {
    const read = await readCase(event, deps);
    const accountName = await deps.accounts.nameOf(event.account);
    const displayId = read.details?.displayId ?? event.detail['display-id'] ?? caseId;
    const message = supportCaseMessage({
      accountId: event.account,
      accountName,
      caseId,
      displayId,
      subject: read.details?.subject,
      severity: read.details?.severityCode ?? 'unknown',
      status: read.details?.status ?? (event.detail['event-name'] === 'ResolveCase' ? 'resolved' : 'unknown'),
      submittedBy: read.details?.submittedBy ?? '',
      consoleUrl: supportCaseUrl(deps.partition, displayId),
      lastEvent: event.detail['event-name'],
      lastEventAt: event.time,
      ...(read.problem ? { readProblem: read.problem } : {}),
    });
    const reply = supportCaseReply({
      eventName: event.detail['event-name'],
      who: read.latest?.submittedBy ?? (event.detail.origin === 'AWS' ? 'AWS Support' : undefined),
      excerpt: event.detail['event-name'] === 'AddCommunicationToCase' ? read.latest?.body : undefined,
    });
    const channels = deps.route({
      accountId: event.account,
      severity: read.details?.severityCode ?? 'unknown',
    });
    for (const channel of channels) await showInChannel(channel, event, message, reply, deps, result);
    return result;
  } catch (error) {
    await deps.store.release(claim).catch(() => undefined);
    throw error;
  }
}

async function showInChannel(
  channel: string,
  event: SupportCaseEvent,
  message: ReturnType<typeof supportCaseMessage>,
  reply: ReturnType<typeof supportCaseReply>,
  deps: SupportCaseEventDeps,
  result: SupportCaseOutcome,
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
  deps: SupportCaseEventDeps,
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

/** The case and its newest communication; a case that cannot be read is still shown, with why. */
async function readCase(
  event: SupportCaseEvent,
  deps: SupportCaseEventDeps,
): Promise<{ details?: CaseDetails; latest?: Communication; problem?: string }> {
  const roleName = deps.accounts.roleFor(event.account, 'cases');
  const support = deps.clients.support({ accountId: event.account, roleName });
  const caseId = event.detail['case-id'];
  try {
    const [cases, comms] = await Promise.all([
      support.send(new DescribeCasesCommand({ caseIdList: [caseId], includeResolvedCases: true })),
      event.detail['event-name'] === 'AddCommunicationToCase'
        ? describeCommunications(support, caseId, 1)
        : Promise.resolve(undefined),
    ]);
    const details = cases.cases?.[0];
    const latest = comms?.communications[0];
    return { ...(details ? { details } : {}), ...(latest ? { latest } : {}) };
  } catch (error) {
    // Throttled or AWS-side: Lambda retries the event; refused or missing: the message says so.
    if (isWorthRetrying(error)) throw error;
    const name = (error as { name?: string }).name ?? 'Error';
    logger.warn('support case not readable; shown with what the event says', { caseId, error });
    return { problem: `case not readable with role ${roleName} (${name})` };
  }
}
