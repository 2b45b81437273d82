import type { KnownBlock, ModalView } from '@slack/types';
import { mrkdwnText, plainText, type SlackReply } from './message';
import { noticeReply } from './notice';
import { escapeAndTruncate, joinLinesWithin } from './truncate';

export const BACKFILL_REVIEW_ACTION = 'autotag_backfill_review';
export const BACKFILL_VIEW = 'autotag_backfill_modal';

/** What a backfill scan found (strings from AWS or the config: escaped here). */
export interface BackfillSummary {
  planId: string;
  windowDays: number;
  itemCount: number;
  counts: Record<string, number>;
  leftOut: number;
  unreadable: readonly string[];
}

/** The modal's private_metadata: the plan and where to answer once the worker is done. */
export interface BackfillModalState {
  planId: string;
  responseUrl: string;
}

function countLines(counts: Record<string, number>): string {
  const lines = Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([label, n]) => `• ${n} ${escapeAndTruncate(label, 80)}`);
  return joinLinesWithin(lines, 2800, 'types');
}

function extras(summary: Pick<BackfillSummary, 'leftOut' | 'unreadable'>): string[] {
  return [
    summary.leftOut > 0
      ? `${summary.leftOut} more are left for another backfill (one takes at most 800).`
      : '',
    summary.unreadable.length > 0
      ? `Not read: ${escapeAndTruncate(summary.unreadable.slice(0, 10).join(', '), 600)}`
      : '',
  ].filter(Boolean);
}

/** The scan's answer: per type how many untagged resources still exist, and a button to review and tag. */
export function backfillSummary(summary: BackfillSummary): SlackReply {
  if (summary.itemCount === 0) {
    return noticeReply(
      'ok',
      `Nothing to backfill: every resource created in the last ${summary.windowDays} days carries its creator tag.`,
      extras(summary).join(' ') || undefined,
    );
  }
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        `*${summary.itemCount} untagged resources* created in the last ${summary.windowDays} days:\n${countLines(summary.counts)}`,
      ),
    },
    ...extras(summary).map((line): KnownBlock => ({ type: 'context', elements: [mrkdwnText(line)] })),
    {
      type: 'actions',
      block_id: 'autotag_backfill',
      elements: [
        {
          type: 'button',
          action_id: BACKFILL_REVIEW_ACTION,
          text: plainText('Review and tag…'),
          style: 'primary',
          value: summary.planId.slice(0, 2000),
        },
      ],
    },
  ];
  return {
    responseType: 'ephemeral',
    text: `${summary.itemCount} untagged resources created in the last ${summary.windowDays} days`,
    blocks,
  };
}

/** The confirmation: what will be tagged, per type, before anything is written. */
export function backfillModal(summary: BackfillSummary, state: BackfillModalState): ModalView {
  return {
    type: 'modal',
    callback_id: BACKFILL_VIEW,
    private_metadata: JSON.stringify(state),
    title: plainText('Backfill creator tags'),
    submit: plainText(`Tag ${summary.itemCount}`),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          `Tags *${summary.itemCount}* resources with the person who created them (from CloudTrail, last ${summary.windowDays} days):\n${countLines(summary.counts)}`,
        ),
      },
      {
        type: 'context',
        elements: [mrkdwnText('Existing owner tags are kept. Each backfill is recorded in the audit log.')],
      },
    ],
  };
}

/** The worker's answer after tagging. */
export function backfillResult(result: { tagged: number; failed: readonly string[] }): SlackReply {
  if (result.failed.length === 0)
    return noticeReply('ok', `Backfill done: ${result.tagged} resources tagged.`);
  return noticeReply(
    'problem',
    `Backfill: ${result.tagged} tagged, ${result.failed.length} could not be tagged: ${result.failed.slice(0, 10).join('; ')}`,
    'They may have been deleted since, or the tagging role may lack the permission (see the logs).',
  );
}
