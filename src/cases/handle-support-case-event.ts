import { supportCaseUrl } from '../../blocks/console-links';
import { supportCaseMessage, supportCaseReply } from '../../blocks/support-case-message';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { EVENT_CLAIM_SECONDS, showInChannel } from './case-channel-message';
import { readSupportCase } from './read-support-case';
import type { SupportCaseEvent } from './support-case-event';

export interface SupportCaseEventDeps {
  store: StateStore;
  sink: SlackSink;
  accounts: Pick<AccountDirectory, 'roleFor' | 'nameOf'>;
  clients: Pick<MemberClients, 'support'>;
  route: (subject: { accountId: string; severity: string }) => string[];
  partition: string;
}

export type SupportCaseOutcome = {
  caseId: string;
  outcome: 'duplicate' | 'shown';
  posted: number;
  edited: number;
  replies: number;
};

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
    const read = await readSupportCase(event, deps);
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
