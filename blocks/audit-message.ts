import type { SlackMessage } from './message';
import { mrkdwnText } from './message';
import { mentionUser, slackDate } from './mrkdwn';
import { cutMrkdwn, escapeAndTruncate, inlineCodeWithin } from './truncate';

export interface AuditView {
  action: string;
  actor: string;
  target: string;
  result: 'ok' | 'refused' | 'failed';
  at: Date;
  /** Account name or id, region, reason… shown as `key: value`. */
  detail?: Record<string, unknown>;
}

const ICON = { ok: ':white_check_mark:', refused: ':no_entry:', failed: ':x:' } as const;

/** One line in the audit channel per mutating action (buckets, Health mutes, …): who, what, on what, when, and how it ended. */
export function auditMessage(entry: AuditView): SlackMessage {
  const details = Object.entries(entry.detail ?? {})
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${escapeAndTruncate(String(value), 500)}`)
    .join(' · ');
  const line = `${ICON[entry.result]} ${mentionUser(entry.actor)} ${inlineCodeWithin(entry.action, 100)} on ${inlineCodeWithin(entry.target, 2000)} — *${entry.result}*`;
  return {
    text: escapeAndTruncate(`${entry.action} on ${entry.target} by ${entry.actor}: ${entry.result}`, 3000),
    blocks: [
      { type: 'section', text: mrkdwnText(line) },
      {
        type: 'context',
        elements: [mrkdwnText(cutMrkdwn(`${slackDate(entry.at)}${details ? ` · ${details}` : ''}`, 2000))],
      },
    ],
  };
}
