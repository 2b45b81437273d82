import type { KnownBlock } from '@slack/types';
import { failureBlocks, type ReportFailure } from './cases-report';
import { mrkdwnText, plainText, type SlackReply } from './message';
import { inlineCode, slackDate } from './mrkdwn';
import { escapeAndTruncate, truncateText } from './truncate';

export interface CasesCoverageView {
  accountsTotal: number;
  failures: readonly ReportFailure[];
  /** The role assumed in each account (`roles.cases`). */
  role: string;
  elapsedMs: number;
  at: Date;
  /** Where the coverage CSV went (plain text). */
  filesNote: string | undefined;
  responseType: SlackReply['responseType'];
}

/** `/aws-cases coverage`: how many accounts the case report can read, and every one it cannot, by cause with the fix. Pure. */
export function casesCoverage(view: CasesCoverageView): SlackReply {
  const read = view.accountsTotal - view.failures.length;
  const plural = view.accountsTotal === 1 ? '' : 's';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText('Support case coverage') },
    {
      type: 'section',
      text: mrkdwnText(
        `*${read}* of ${view.accountsTotal} account${plural} can be read with role ${inlineCode(truncateText(view.role, 64))}` +
          (view.failures.length === 0
            ? '. :white_check_mark: Every report covers every account.'
            : `; *${view.failures.length}* cannot, so no report shows their cases until fixed.`),
      ),
    },
  ];
  if (view.failures.length > 0) {
    const title = `:warning: *Accounts not read: ${view.failures.length}*, by cause with the fix (every account is in the coverage CSV)`;
    blocks.push(...failureBlocks(view.failures, title));
  }
  const context = [`${(view.elapsedMs / 1000).toFixed(1)} s`, `checked ${slackDate(view.at)}`];
  if (view.filesNote) context.unshift(escapeAndTruncate(view.filesNote, 300));
  blocks.push({ type: 'context', elements: [mrkdwnText(context.join(' · '))] });
  const text = `Support case coverage: ${read} of ${view.accountsTotal} accounts can be read${view.failures.length > 0 ? `, ${view.failures.length} cannot` : ''}.`;
  return { responseType: view.responseType, text, blocks };
}
