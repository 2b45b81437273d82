import type { KnownBlock } from '@slack/types';
import { CASE_DETAILS_CONSOLE, caseDetailsButton } from './case-details';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { inlineCode } from './mrkdwn';
import { escapeAndTruncate, truncateText } from './truncate';

/** What one live case message shows: the case as Support last answered, and the latest event. */
export interface SupportCaseView {
  accountId: string;
  accountName: string | undefined;
  caseId: string;
  displayId: string;
  /** Undefined when the case could not be read (`readProblem` says why). */
  subject: string | undefined;
  severity: string;
  status: string;
  submittedBy: string;
  consoleUrl: string;
  lastEvent: string;
  lastEventAt: string;
  readProblem?: string;
}

const ICON: Record<string, string> = {
  critical: ':rotating_light:',
  urgent: ':red_circle:',
  high: ':large_orange_circle:',
  normal: ':large_yellow_circle:',
  low: ':white_circle:',
};

const EVENT_WORDS: Record<string, string> = {
  CreateCase: 'opened',
  AddCommunicationToCase: 'new correspondence',
  ResolveCase: 'resolved',
  ReopenCase: 'reopened',
};

export const eventWords = (eventName: string) => EVENT_WORDS[eventName] ?? eventName;

/** The case's one message in a channel, edited on every change. Pure. */
export function supportCaseMessage(view: SupportCaseView): SlackMessage {
  const account = view.accountName ? `${view.accountName} (${view.accountId})` : view.accountId;
  const icon = view.status === 'resolved' ? ':white_check_mark:' : (ICON[view.severity] ?? ':grey_question:');
  const subject = view.subject === undefined ? '(subject not readable)' : view.subject || '(no subject)';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        `${icon} *Support case ${inlineCode(truncateText(view.displayId, 30))}: ${escapeAndTruncate(subject, 250)}*`,
      ),
    },
    {
      type: 'section',
      fields: [
        mrkdwnText(`*Severity*\n${escapeAndTruncate(view.severity, 40)}`),
        mrkdwnText(`*Status*\n${escapeAndTruncate(view.status, 60)}`),
        mrkdwnText(`*Account*\n${escapeAndTruncate(account, 120)}`),
        mrkdwnText(`*Opened by*\n${escapeAndTruncate(view.submittedBy || 'unknown', 120)}`),
      ],
    },
    {
      type: 'context',
      elements: [
        mrkdwnText(
          `Last: ${escapeAndTruncate(eventWords(view.lastEvent), 60)} · ${escapeAndTruncate(view.lastEventAt, 40)}` +
            (view.readProblem ? ` · :warning: ${escapeAndTruncate(view.readProblem, 300)}` : ''),
        ),
      ],
    },
    {
      type: 'actions',
      elements: [
        caseDetailsButton({ accountId: view.accountId, caseId: view.caseId }),
        {
          type: 'button',
          action_id: CASE_DETAILS_CONSOLE,
          text: plainText('Support Center'),
          url: view.consoleUrl,
        },
      ],
    },
  ];
  // The fallback shows in notifications as mrkdwn too: AWS's strings escaped, cut after escaping.
  const text = escapeAndTruncate(
    `Support case ${view.displayId} (${view.severity}, ${view.status}) in ${account}: ${subject}`,
    500,
  );
  return { text, blocks };
}

/** The thread reply for one event: what happened, who, and the newest correspondence's first lines. Pure. */
export function supportCaseReply(event: {
  eventName: string;
  who: string | undefined;
  excerpt: string | undefined;
}): SlackMessage {
  const who = event.who ? ` by ${escapeAndTruncate(event.who, 120)}` : '';
  const head = `*${escapeAndTruncate(eventWords(event.eventName), 60)}*${who}`;
  const excerpt = event.excerpt?.trim()
    ? `\n>${escapeAndTruncate(event.excerpt.trim(), 600).replace(/\n/g, '\n>')}`
    : '';
  return {
    text: escapeAndTruncate(`${eventWords(event.eventName)}${event.who ? ` by ${event.who}` : ''}`, 300),
    blocks: [{ type: 'section', text: mrkdwnText(`${head}${excerpt}`) }],
  };
}
