import type { KnownBlock } from '@slack/types';
import type { TagKeys } from '../src/autotag/config-schema';
import { arnConsoleUrl } from './console-links';
import { mrkdwnText, type SlackReply } from './message';
import { mrkdwnLink } from './mrkdwn';
import { noticeReply } from './notice';
import { escapeAndTruncate, inlineCodeWithin } from './truncate';

export type OwnerAnswer =
  | {
      arn: string;
      account: { id: string; name?: string };
      region: string;
      partition: string;
      tags: Record<string, string>;
      keys: TagKeys;
    }
  | { notFound: { searched: number; failures: readonly string[] } };

/** `/aws-owner`'s answer: the creator, when, the owner and the creator's ARN from the resource's tags. */
export function ownerReply(answer: OwnerAnswer): SlackReply {
  if ('notFound' in answer) {
    const { searched, failures } = answer.notFound;
    const failed =
      failures.length > 0
        ? ` (${failures.length} could not be read: ${failures.slice(0, 5).join(', ')})`
        : '';
    return noticeReply(
      'problem',
      `No tags found for it in ${searched} account and region pair${searched === 1 ? '' : 's'}${failed}.`,
      'Give the full ARN, or check that the account is configured with its regions (autotag.lookupRegions).',
    );
  }
  const { tags, keys } = answer;
  const value = (key: string) => (tags[key] ? escapeAndTruncate(tags[key], 300) : '_not tagged_');
  const account = answer.account.name ? `${answer.account.name} (${answer.account.id})` : answer.account.id;
  const creatorArn = tags[keys.creatorArn];
  const name = answer.arn.split(/[:/]/).filter(Boolean).at(-1) ?? answer.arn;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        `*${mrkdwnLink(arnConsoleUrl(answer.partition, answer.region, answer.arn), name.slice(0, 200))}* · ${escapeAndTruncate(account, 120)} · ${escapeAndTruncate(answer.region, 60)}\n${inlineCodeWithin(answer.arn, 1000)}`,
      ),
    },
    {
      type: 'section',
      fields: [
        mrkdwnText(`*Created by*\n${value(keys.creator)}`),
        mrkdwnText(`*Created at*\n${value(keys.createdAt)}`),
        mrkdwnText(`*Owner*\n${value(keys.owner)}`),
        mrkdwnText(`*Creator ARN*\n${creatorArn ? inlineCodeWithin(creatorArn, 1000) : '_not tagged_'}`),
      ],
    },
  ];
  const text = `${name}: created by ${escapeAndTruncate(tags[keys.creator] ?? 'unknown', 300)}, owner ${escapeAndTruncate(tags[keys.owner] ?? 'unknown', 300)}`;
  return { responseType: 'ephemeral', text, blocks };
}
