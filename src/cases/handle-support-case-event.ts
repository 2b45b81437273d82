import { createHash } from 'node:crypto';
import { type CaseDetails, type Communication, DescribeCasesCommand } from '@aws-sdk/client-support';
import { supportCaseUrl } from '../../blocks/console-links';
import { supportCaseMessage, supportCaseReply } from '../../blocks/support-case-message';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
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
  const state = await deps.store.get<CaseMessageState>(pk, sk);
  if (!state) {
    const posted = await deps.sink.post(channel, message);
    await deps.store.create(
      pk,
      sk,
      { channelId: posted.channel, ts: posted.ts, hash },
      { ttlSeconds: MESSAGE_TTL_SECONDS },
    );
    result.posted += 1;
    logger.info('support case posted', { caseId, channel, ts: posted.ts });
    return;
  }
  const ref = { channel: state.data.channelId, ts: state.data.ts };
  if (state.data.hash !== hash) {
    await deps.sink.update(ref, message);
    await deps.store.replace(pk, sk, { ...state.data, hash }, state.version, {
      ttlSeconds: MESSAGE_TTL_SECONDS,
    });
    result.edited += 1;
  }
  // A retry after another channel failed must not reply here twice.
  if (await deps.store.claim(`support-case-reply#${event.id}#${channel}`, EVENT_CLAIM_SECONDS)) {
    await deps.sink.post(ref.channel, reply, { threadTs: ref.ts });
    result.replies += 1;
  }
  logger.info('support case updated', { caseId, channel, ts: ref.ts });
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
