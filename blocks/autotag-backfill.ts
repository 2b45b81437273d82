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

/** Places listed one a line, at most 10; each line says what to do (src/autotag/backfill-unreadable.ts). */
const MAX_UNREADABLE_SHOWN = 10;

function unreadableLines(unreadable: readonly string[]): string {
  const more = unreadable.length - MAX_UNREADABLE_SHOWN;
  const lines = unreadable.slice(0, MAX_UNREADABLE_SHOWN).map((line) => `• ${escapeAndTruncate(line, 250)}`);
  return [...lines, ...(more > 0 ? [`…and ${more} more (see the logs)`] : [])].join('\n');
}

function extras(summary: Pick<BackfillSummary, 'leftOut' | 'unreadable'>): string[] {
  return [
    summary.leftOut > 0
      ? `${summary.leftOut} more are left for another backfill (one plan holds about 600 to 1,000).`
      : '',
    summary.unreadable.length > 0 ? `Not read:\n${unreadableLines(summary.unreadable)}` : '',
  ].filter(Boolean);
}

/**
 * Why the count is "no creator tag found", not "untagged and still there": the Tagging API lists neither
 * resources never tagged nor deleted ones, so the two cannot be told apart before tagging.
 */
const MAY_BE_GONE =
  'May include resources deleted since; the tagging reports those as gone. Existing owner tags are kept.';

const created = (summary: Pick<BackfillSummary, 'itemCount' | 'windowDays'>) =>
  `${summary.itemCount} resources created in the last ${summary.windowDays} days`;

/** The scan's answer: per type how many resources have no creator tag, and a button to review and tag. */
export function backfillSummary(summary: BackfillSummary): SlackReply {
  if (summary.itemCount === 0 && summary.unreadable.length > 0) {
    const places = summary.unreadable.length;
    return {
      responseType: 'ephemeral',
      text: `Backfill incomplete: ${places} accounts and regions could not be read`,
      blocks: [
        {
          type: 'section',
          text: mrkdwnText(
            `:warning: No resource without a creator tag was found in what could be read, but *${places} accounts and regions could not be read*:\n${unreadableLines(summary.unreadable)}`,
          ),
        },
      ],
    };
  }
  if (summary.itemCount === 0) {
    return noticeReply(
      'ok',
      `Nothing to backfill: every resource created in the last ${summary.windowDays} days that still exists carries its creator tag.`,
      extras(summary).join(' ') || undefined,
    );
  }
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(`*No creator tag found* on ${created(summary)}:\n${countLines(summary.counts)}`),
    },
    { type: 'context', elements: [mrkdwnText(MAY_BE_GONE)] },
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
    text: `No creator tag found on ${created(summary)}`,
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
          `Tags the *${summary.itemCount}* resources with no creator tag found with the person who created them (from CloudTrail, last ${summary.windowDays} days):\n${countLines(summary.counts)}`,
        ),
      },
      {
        type: 'context',
        elements: [mrkdwnText(`${MAY_BE_GONE} Each backfill is recorded in the audit log.`)],
      },
    ],
  };
}

/** What became of the resources a backfill tagged (`src/autotag/backfill-tally.ts`). */
export interface BackfillOutcome {
  tagged: number;
  ownerKept: number;
  kept: number;
  gone: readonly string[];
  failed: readonly string[];
}

/** The worker's answer after tagging: tagged, left alone, gone since and failed, each counted. */
export function backfillResult(result: BackfillOutcome): SlackReply {
  const lines = [
    result.ownerKept > 0 ? `${result.ownerKept} of them kept the Owner they already had.` : '',
    result.kept > 0 ? `${result.kept} already had other values for every tag key and were left alone.` : '',
    result.gone.length > 0 ? `${result.gone.length} no longer exist (deleted since they were created).` : '',
  ].filter(Boolean);
  const tagged = `${result.tagged} resources tagged`;
  if (result.failed.length === 0) {
    return noticeReply('ok', `Backfill done: ${tagged}.`, lines.join(' ') || undefined);
  }
  const failures = result.failed.slice(0, 10).join('; ');
  return noticeReply(
    'problem',
    `Backfill: ${tagged}, ${result.failed.length} could not be tagged: ${failures}`,
    [...lines, 'The tagging role may lack the permission for them (see the logs).'].join(' '),
  );
}
