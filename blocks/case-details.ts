import type { ActionsBlock, Button, ModalView, StaticSelect } from '@slack/types';
import type { CaseRecord } from '../src/cases/case-record';
import { mrkdwnText, plainText } from './message';
import { inlineCode } from './mrkdwn';
import { SLACK_LIMITS as L } from './slack-limits';
import { escapeAndTruncate, truncateText } from './truncate';

/** A Details button (live case message) and the Details menu (report: one option per top case). */
export const CASE_DETAILS_BUTTON = 'cases-details-button';
export const CASE_DETAILS_MENU = 'cases-details-menu';
/** The modal's link to the Support Center (a link button: Slack still sends the click). */
export const CASE_DETAILS_CONSOLE = 'cases-details-console';

/** `account:caseId`: what a click carries to the worker (the listener checks its shape). */
const caseRef = (record: Pick<CaseRecord, 'accountId' | 'caseId'>) => `${record.accountId}:${record.caseId}`;

export function caseDetailsButton(record: Pick<CaseRecord, 'accountId' | 'caseId'>): Button {
  return {
    type: 'button',
    action_id: CASE_DETAILS_BUTTON,
    text: plainText('Details'),
    value: caseRef(record),
  };
}

/** "Details of a case…": the top cases of a report (at most 100, Slack's options limit) to read in a modal. */
export function caseDetailsMenu(ranked: readonly CaseRecord[], max: number): ActionsBlock | undefined {
  const shown = ranked.filter((record) => record.caseId).slice(0, Math.min(max, L.staticSelectOptions));
  if (shown.length === 0) return undefined;
  const menu: StaticSelect = {
    type: 'static_select',
    action_id: CASE_DETAILS_MENU,
    placeholder: plainText('Details of a case…'),
    options: shown.map((record) => ({
      text: plainText(
        escapeAndTruncate(`${record.displayId} · ${record.subject || '(no subject)'}`, L.optionText),
      ),
      value: caseRef(record),
    })),
  };
  return { type: 'actions', block_id: 'cases-details', elements: [menu] };
}

export interface CaseDetailsView {
  displayId: string;
  subject: string;
  severity: string;
  status: string;
  account: string;
  submittedBy: string;
  createdAt: string;
  consoleUrl: string;
  communications: readonly { submittedBy: string; timeCreated: string; body: string; attachments: number }[];
  /** False when Support had more pages than the bot reads. */
  complete: boolean;
}

const TITLE = plainText('Support case');
/** Sections for communications; with the header, facts and link the modal stays far inside 100 blocks. */
const MAX_SHOWN = 40;
const BODY_CHARS = 2000;

/** Shown at once (the listener has 3 s): the worker replaces it with the case. */
export function caseDetailsLoading(): ModalView {
  return {
    type: 'modal',
    title: TITLE,
    close: plainText('Close'),
    blocks: [
      { type: 'section', text: mrkdwnText(':hourglass_flowing_sand: Reading the case from AWS Support…') },
    ],
  };
}

export function caseDetailsProblem(text: string): ModalView {
  return {
    type: 'modal',
    title: TITLE,
    close: plainText('Close'),
    blocks: [{ type: 'section', text: mrkdwnText(`:warning: ${escapeAndTruncate(text, 2900)}`) }],
  };
}

/** The case and its communications, newest first, escaped and cut. Pure. */
export function caseDetailsModal(view: CaseDetailsView): ModalView {
  const shown = view.communications.slice(0, MAX_SHOWN);
  const hidden = view.communications.length - shown.length;
  const more =
    hidden > 0 || !view.complete
      ? `${hidden > 0 ? `${hidden} older ` : 'Older '}communications are in the Support Center.`
      : undefined;
  return {
    type: 'modal',
    title: TITLE,
    close: plainText('Close'),
    blocks: [
      { type: 'header', text: plainText(escapeAndTruncate(view.subject || '(no subject)', L.headerText)) },
      {
        type: 'context',
        elements: [
          mrkdwnText(
            [
              inlineCode(truncateText(view.displayId, 30)),
              escapeAndTruncate(view.severity, 30),
              escapeAndTruncate(view.status, 40),
              escapeAndTruncate(view.account, 80),
              `opened ${escapeAndTruncate(view.createdAt.slice(0, 16).replace('T', ' '), 20)} UTC by ${escapeAndTruncate(view.submittedBy, 80)}`,
            ].join(' · '),
          ),
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: CASE_DETAILS_CONSOLE,
            text: plainText('Open in the Support Center'),
            url: view.consoleUrl,
          },
        ],
      },
      { type: 'divider' },
      ...(shown.length === 0
        ? [{ type: 'section' as const, text: mrkdwnText('No communications on this case yet.') }]
        : shown.map((c) => ({
            type: 'section' as const,
            text: mrkdwnText(
              `*${escapeAndTruncate(c.submittedBy || 'unknown', 100)}* · ${escapeAndTruncate(c.timeCreated.slice(0, 16).replace('T', ' '), 20)} UTC` +
                (c.attachments > 0 ? ` · ${c.attachments} attachment${c.attachments === 1 ? '' : 's'}` : '') +
                `\n${escapeAndTruncate(c.body.trim() || '(empty)', BODY_CHARS)}`,
            ),
          }))),
      ...(more ? [{ type: 'context' as const, elements: [mrkdwnText(more)] }] : []),
    ],
  };
}
