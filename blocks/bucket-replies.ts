import type { SlackReply } from './message';
import { mrkdwnText } from './message';
import { escapeMrkdwn, inlineCode, mrkdwnLink } from './mrkdwn';
import { noticeReply } from './notice';
import { escapeAndTruncate } from './truncate';

export interface AccountLabel {
  id: string;
  name?: string | undefined;
}

export function accountLabel(account: AccountLabel): string {
  return account.name ? `${account.name} (${account.id})` : account.id;
}

function reply(text: string, mrkdwn: string, context?: string): SlackReply {
  return {
    responseType: 'ephemeral',
    text: escapeAndTruncate(text, 3000),
    blocks: [
      { type: 'section', text: mrkdwnText(mrkdwn.slice(0, 3000)) },
      ...(context ? [{ type: 'context' as const, elements: [mrkdwnText(context.slice(0, 2000))] }] : []),
    ],
  };
}

/** `create` made the bucket. */
export function bucketCreatedReply(v: {
  bucket: string;
  account: AccountLabel;
  region: string;
  tags: Record<string, string>;
}): SlackReply {
  const tags = Object.entries(v.tags)
    .map(([key, value]) => `${inlineCode(key)}=${inlineCode(value)}`)
    .join(' ');
  return reply(
    `Created bucket ${v.bucket} in ${accountLabel(v.account)}, ${v.region}: private, encrypted, tagged.`,
    `:white_check_mark: Created bucket ${inlineCode(v.bucket)} in *${escapeMrkdwn(accountLabel(v.account))}*, ${inlineCode(v.region)}.\n` +
      '• Block Public Access: *on* (all four settings)\n• Default encryption: *SSE-S3*, bucket key on\n' +
      `• Tags: ${tags}`,
    `Check it with ${inlineCode(`/aws-bucket info ${v.bucket}`)}`,
  );
}

export type OwnershipView =
  | { state: 'yours'; region?: string }
  | { state: 'taken' }
  | { state: 'elsewhere'; region: string };

/** `create` found the name held: by this account already, by someone else, or in another region. */
export function bucketNameHeldReply(v: {
  bucket: string;
  account: AccountLabel;
  ownership: OwnershipView;
}): SlackReply {
  const name = v.bucket;
  const where = accountLabel(v.account);
  switch (v.ownership.state) {
    case 'yours':
      return noticeReply(
        'ok',
        `Bucket ${name} already exists and belongs to ${where}${v.ownership.region ? ` (${v.ownership.region})` : ''}. Nothing was created or changed.`,
        `See its settings with /aws-bucket info ${name}.`,
      );
    case 'taken':
      return noticeReply(
        'problem',
        `The name ${name} is taken by another AWS account. Bucket names are shared by every AWS account in the world, so it cannot be created here.`,
        'Pick another name, e.g. with your team or account name in front.',
      );
    case 'elsewhere':
      return noticeReply(
        'problem',
        `A bucket named ${name} already exists in ${v.ownership.region}, and the bot cannot tell from ${where} whose it is.`,
        'Pick another name, or look for it in that region.',
      );
  }
}

export function bucketConvertedReply(v: {
  bucket: string;
  key: string;
  to: string;
  rows: number;
  columns: string[];
  jsonBytes: number;
}): SlackReply {
  const columns =
    v.columns.length > 0
      ? v.columns
          .slice(0, 20)
          .map((c) => inlineCode(c))
          .join(' ')
      : '_none_';
  const more = v.columns.length > 20 ? ` …and ${v.columns.length - 20} more` : '';
  return reply(
    `Converted s3://${v.bucket}/${v.key} to s3://${v.bucket}/${v.to}: ${v.rows} rows.`,
    `:white_check_mark: Converted ${inlineCode(`s3://${v.bucket}/${v.key}`)} → ${inlineCode(`s3://${v.bucket}/${v.to}`)} ` +
      `(application/json, ${v.jsonBytes} bytes)\n*${v.rows}* rows · columns: ${columns}${more}`,
  );
}

export function bucketWebsiteReply(v: {
  bucket: string;
  account: AccountLabel;
  endpoint: string;
}): SlackReply {
  return reply(
    `Bucket ${v.bucket} in ${accountLabel(v.account)} is now a public website: ${v.endpoint}`,
    `:globe_with_meridians: ${inlineCode(v.bucket)} in *${escapeMrkdwn(accountLabel(v.account))}* is now a public website: ${mrkdwnLink(v.endpoint, v.endpoint)}\n` +
      'Anyone can read every object in it. Block Public Access is relaxed for this bucket only (ACLs stay blocked).',
    'To undo: delete the bucket policy statement AwsChatopsPublicReadForWebsite and turn Block Public Access back on.',
  );
}

export function bucketUploadedReply(v: {
  bucket: string;
  key: string;
  bytes: number;
  account: AccountLabel;
}): SlackReply {
  return reply(
    `Uploaded to s3://${v.bucket}/${v.key} (${v.bytes} bytes) in ${accountLabel(v.account)}.`,
    `:white_check_mark: Uploaded to ${inlineCode(`s3://${v.bucket}/${v.key}`)} in *${escapeMrkdwn(accountLabel(v.account))}* (${v.bytes} bytes, private).`,
  );
}
