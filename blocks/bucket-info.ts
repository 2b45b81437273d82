import type { AccountLabel } from './bucket-replies';
import { accountLabel } from './bucket-replies';
import type { SlackReply } from './message';
import { mrkdwnText, plainText } from './message';
import { escapeMrkdwn, inlineCode } from './mrkdwn';
import { escapeAndTruncate, joinLinesWithin, truncateText } from './truncate';

/** `unknown` when the bot's role may not read that setting. */
export type Known<T> = T | 'unknown';

export interface BucketInfoView {
  bucket: string;
  account: AccountLabel;
  region?: string;
  publicAccessBlocked: Known<boolean>;
  policyIsPublic: Known<boolean>;
  encryption: Known<string>;
  website: Known<{ indexDocument?: string; errorDocument?: string } | undefined>;
  tags: Known<Record<string, string>>;
}

const UNKNOWN = '_not readable by the bot_';

/** `info <bucket>`: where it is and whether it is public, encrypted, a website; its tags. */
export function bucketInfoReply(v: BucketInfoView): SlackReply {
  const publicLine =
    v.policyIsPublic === 'unknown'
      ? UNKNOWN
      : v.policyIsPublic
        ? ':warning: *public* (bucket policy)'
        : 'not public';
  const blockLine =
    v.publicAccessBlocked === 'unknown'
      ? UNKNOWN
      : v.publicAccessBlocked
        ? 'on (all four)'
        : ':warning: off or partial';
  const websiteLine =
    v.website === 'unknown'
      ? UNKNOWN
      : v.website
        ? `on (index ${inlineCode(truncateText(v.website.indexDocument ?? '—', 300))}, error ${inlineCode(truncateText(v.website.errorDocument ?? '—', 300))})`
        : 'off';
  const tagLines =
    v.tags === 'unknown'
      ? [UNKNOWN]
      : Object.entries(v.tags).map(([k, value]) => `${inlineCode(k)} = ${escapeAndTruncate(value, 256)}`);
  return {
    responseType: 'ephemeral',
    text: escapeAndTruncate(
      `Bucket ${v.bucket} in ${accountLabel(v.account)}${v.region ? `, ${v.region}` : ''}`,
      3000,
    ),
    blocks: [
      { type: 'header', text: plainText(truncateText(`Bucket ${v.bucket}`, 150)) },
      {
        type: 'section',
        fields: [
          mrkdwnText(`*Account*\n${escapeMrkdwn(accountLabel(v.account))}`),
          mrkdwnText(`*Region*\n${v.region ? escapeMrkdwn(v.region) : '—'}`),
          mrkdwnText(`*Public read*\n${publicLine}`),
          mrkdwnText(`*Block Public Access*\n${blockLine}`),
          mrkdwnText(
            `*Default encryption*\n${v.encryption === 'unknown' ? UNKNOWN : escapeMrkdwn(v.encryption)}`,
          ),
          mrkdwnText(`*Website hosting*\n${websiteLine}`),
        ],
      },
      {
        type: 'section',
        text: mrkdwnText(
          `*Tags*\n${tagLines.length > 0 ? joinLinesWithin(tagLines, 2900, 'tags') : '_none_'}`,
        ),
      },
    ],
  };
}
