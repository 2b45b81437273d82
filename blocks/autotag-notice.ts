import type { KnownBlock } from '@slack/types';
import type { ResourceKind } from '../src/autotag/created-resources';
import type { AutotagNotice } from '../src/autotag/notice-record';
import { ec2ConsoleUrl } from './console-links';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mentionUser, mrkdwnLink, slackDate } from './mrkdwn';
import { escapeAndTruncate, inlineCodeWithin, joinLinesWithin, truncateText } from './truncate';

export const RETAG_ACTION = 'autotag_retag';
export const MINE_ACTION = 'autotag_mine';

const KIND_WORDS: Record<ResourceKind, [string, string]> = {
  instance: ['instance', 'instances'],
  volume: ['volume', 'volumes'],
  'network-interface': ['network interface', 'network interfaces'],
  snapshot: ['snapshot', 'snapshots'],
  image: ['image', 'images'],
  'security-group': ['security group', 'security groups'],
  'elastic-ip': ['Elastic IP', 'Elastic IPs'],
};

export function countWords(kinds: readonly ResourceKind[]): string {
  const counts = new Map<ResourceKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`).join(', ');
}

/** Plain (unescaped) account name and id, bounded. */
export function accountText(notice: Pick<AutotagNotice, 'account'>): string {
  return notice.account.name
    ? `${truncateText(notice.account.name, 80)} (${notice.account.id})`
    : notice.account.id;
}

/** The owner as a person reads it: a mention when we know the Slack user, plus the tag value. */
export function ownerText(owner: AutotagNotice['owner']): string {
  const value = escapeAndTruncate(owner.value, 300);
  return owner.slackUserId ? `${mentionUser(owner.slackUserId)} (${value})` : value;
}

function resourceLine(notice: AutotagNotice, index: number): string {
  const resource = notice.resources[index];
  if (!resource) return '';
  const link = mrkdwnLink(
    ec2ConsoleUrl(notice.partition, notice.region, resource.kind, resource.id),
    resource.id,
  );
  const instance = notice.instances.find((i) => i.id === resource.id);
  if (!instance) return `• ${link} ${KIND_WORDS[resource.kind][0]}`;
  const parts = [
    link,
    instance.type ? inlineCodeWithin(instance.type, 60) : undefined,
    instance.name ? `*${escapeAndTruncate(instance.name, 120)}*` : undefined,
    instance.imageId ? escapeAndTruncate(instance.imageId, 100) : undefined,
  ].filter(Boolean);
  return `• ${parts.join(' · ')}`;
}

function statusLine(notice: AutotagNotice, keys: string): string {
  const what = countWords(notice.resources.map((r) => r.kind));
  if (notice.dryRun) return `:test_tube: Dry run: would tag ${what} with ${keys}. Nothing was written.`;
  if (notice.problems.length > 0) return `:warning: Not tagged (${what}).`;
  return `:label: Tagged ${what} with ${keys}.`;
}

function ownerLine(notice: AutotagNotice): string {
  const kept = notice.ownerKept ? ' _(existing tag kept)_' : '';
  const confirmed = notice.confirmedBy
    ? ` · :white_check_mark: confirmed by ${mentionUser(notice.confirmedBy)}`
    : '';
  const last = notice.history.at(-1);
  const changed = last ? ` · retagged by ${mentionUser(last.by)}` : '';
  return `*Owner* ${ownerText(notice.owner)}${kept}${confirmed}${changed}`;
}

/**
 * The auto-tagging notice: who launched what, where, with console links; what was tagged (or the plan in a dry
 * run, or why nothing could be tagged); the owner; and Retag / It's mine buttons carrying only the notice id.
 */
export function autotagNotice(notice: AutotagNotice): SlackMessage {
  const creator = escapeAndTruncate(notice.creator.label, 400);
  const mention = notice.creatorSlackUserId ? ` ${mentionUser(notice.creatorSlackUserId)}` : '';
  const subject =
    notice.instances.length > 0
      ? countWords(notice.instances.map((): ResourceKind => 'instance'))
      : countWords(notice.resources.map((r) => r.kind));
  const where = `${accountText(notice)} · ${notice.region}`;
  const lines = notice.resources.map((_, index) => resourceLine(notice, index));
  const keys = inlineCodeWithin(notice.ownerTagKey, 130);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(truncateText(`${notice.eventName}: ${subject} in ${where}`, 150)) },
    {
      type: 'section',
      text: mrkdwnText(
        `*Launched by* ${creator}${mention}\n*Account* ${escapeAndTruncate(accountText(notice), 120)} · *Region* ${escapeAndTruncate(notice.region, 60)} · ${slackDate(new Date(notice.createdAt))}`,
      ),
    },
    { type: 'section', text: mrkdwnText(joinLinesWithin(lines, 2900, 'resources')) },
    { type: 'section', text: mrkdwnText(ownerLine(notice)) },
  ];
  if (notice.problems.length > 0) {
    const problems = notice.problems.map((p) => `• ${escapeAndTruncate(p, 600)}`);
    blocks.push({ type: 'section', text: mrkdwnText(joinLinesWithin(problems, 2900, 'problems')) });
  }
  blocks.push({
    type: 'context',
    elements: [
      mrkdwnText(
        `${statusLine(notice, `${keys} and the creator tags`)} Creator ARN: ${inlineCodeWithin(notice.creator.arn, 1500)}`,
      ),
    ],
  });
  if (!notice.dryRun) {
    blocks.push({
      type: 'actions',
      block_id: 'autotag_actions',
      elements: [
        { type: 'button', action_id: RETAG_ACTION, text: plainText('Retag'), value: notice.noticeId },
        {
          type: 'button',
          action_id: MINE_ACTION,
          text: plainText("It's mine"),
          style: 'primary',
          value: notice.noticeId,
        },
      ],
    });
  }
  const text = `${escapeAndTruncate(notice.creator.label, 300)} launched ${subject} in ${escapeAndTruncate(where, 200)}: ${escapeAndTruncate(
    notice.resources.map((r) => r.id).join(', '),
    1500,
  )}`;
  return { text, blocks };
}
