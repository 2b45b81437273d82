import type { KnownBlock } from '@slack/types';
import type { AccountLabel } from './bucket-replies';
import { accountLabel } from './bucket-replies';
import type { SlackReply } from './message';
import { mrkdwnText, plainText } from './message';
import { escapeMrkdwn, inlineCode } from './mrkdwn';
import { escapeAndTruncate, joinLinesWithin, truncateText } from './truncate';

export interface BucketListView {
  account: AccountLabel;
  prefix?: string;
  buckets: { name: string; region?: string; createdAt?: Date }[];
  /** More buckets exist than are shown. */
  more: boolean;
}

/** `ls [prefix]`: bucket names with region and creation date, as many as fit. */
export function bucketListReply(v: BucketListView): SlackReply {
  const where = accountLabel(v.account);
  const matching = v.prefix ? ` starting with ${inlineCode(v.prefix)}` : '';
  if (v.buckets.length === 0) {
    return {
      responseType: 'ephemeral',
      text: escapeAndTruncate(`No buckets in ${where}${v.prefix ? ` starting with ${v.prefix}` : ''}.`, 3000),
      blocks: [{ type: 'section', text: mrkdwnText(`No buckets in *${escapeMrkdwn(where)}*${matching}.`) }],
    };
  }
  const lines = v.buckets.map(
    (b) =>
      `• ${inlineCode(b.name)}${b.region ? ` · ${escapeMrkdwn(b.region)}` : ''}${b.createdAt ? ` · since ${b.createdAt.toISOString().slice(0, 10)}` : ''}`,
  );
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(truncateText(`Buckets in ${where}`, 150)) },
    { type: 'section', text: mrkdwnText(joinLinesWithin(lines, 3000, 'buckets')) },
  ];
  if (v.more) {
    blocks.push({
      type: 'context',
      elements: [
        mrkdwnText(
          'More buckets exist than are shown: narrow the list with a prefix, `/aws-bucket ls <prefix>`.',
        ),
      ],
    });
  }
  return {
    responseType: 'ephemeral',
    text: escapeAndTruncate(
      `${v.buckets.length}${v.more ? '+' : ''} buckets in ${where}${v.prefix ? ` starting with ${v.prefix}` : ''}`,
      3000,
    ),
    blocks,
  };
}
