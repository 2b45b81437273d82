import type { KnownBlock } from '@slack/types';
import type { DigestLine } from '../src/health/digest-queue';
import { HEALTH_DIGEST_EXPAND } from './health-actions';
import { accountLabel, statusBadge } from './health-format';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mrkdwnLink, slackDate } from './mrkdwn';
import { inlineCodeWithin } from './truncate';

/** Lines shown, each a section with its button: 50 blocks less the header and the tail. */
export const DIGEST_LINES_SHOWN = 45;

export interface DigestInput {
  lines: readonly DigestLine[];
  /** When the period ended. */
  end: Date;
  digest: string;
  /** Lines beyond what one message shows: left queued for the next digest. */
  held?: number;
  linkOf: (line: DigestLine) => string;
}

/** One message for a digest route's period: one line per event (status, account, type, link) and "Post as alert". */
export function healthDigestMessage({ lines, end, digest, held = 0, linkOf }: DigestInput): SlackMessage {
  const shown = lines.slice(0, DIGEST_LINES_SHOWN);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        `*AWS Health ${digest.startsWith('daily') ? 'daily' : 'hourly'} digest* to ${slackDate(end)}: ${lines.length} event${lines.length === 1 ? '' : 's'}`,
      ),
    },
    ...shown.map(
      (line, index): KnownBlock => ({
        type: 'section',
        text: mrkdwnText(
          `${statusBadge(line.status, line.category).emoji} ${statusBadge(line.status, line.category).word} · ${accountLabel(line.accountId, line.accountName)} · ${inlineCodeWithin(line.eventTypeCode, 200)} · ${mrkdwnLink(linkOf(line), 'AWS Health')}`,
        ),
        accessory: {
          type: 'button',
          action_id: HEALTH_DIGEST_EXPAND,
          text: plainText('Post as alert'),
          value: String(index),
        },
      }),
    ),
  ];
  const more = held + lines.length - shown.length;
  if (more > 0)
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`…and ${more} more in the next digest; /aws-health lists every open event`)],
    });
  return { text: `AWS Health digest: ${lines.length} events`, blocks };
}
