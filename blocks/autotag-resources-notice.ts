import type { KnownBlock } from '@slack/types';
import { arnConsoleUrl } from './console-links';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mentionUser, mrkdwnLink, slackDate } from './mrkdwn';
import { escapeAndTruncate, inlineCodeWithin, joinLinesWithin, truncateText } from './truncate';

/** What the notice of a non-EC2 create call shows (every string as AWS or the config gave it: escaped here). */
export interface ResourcesNotice {
  /** The table's words for the type: `RDS DB instance`. */
  label: string;
  eventName: string;
  arns: readonly string[];
  account: { id: string; name?: string };
  region: string;
  partition: string;
  createdAt: string;
  creator: string;
  creatorArn: string;
  creatorSlackUserId?: string;
  owner: string;
  ownerTagKey: string;
  dryRun: boolean;
  /** "could not tag …" lines, shown with a warning. */
  problems: readonly string[];
}

/** The last part of an ARN, which is what people call the resource (`db:orders` → `orders`). */
function shortName(arn: string): string {
  return arn.split(/[:/]/).filter(Boolean).at(-1) ?? arn;
}

function status(notice: ResourcesNotice): string {
  const keys = inlineCodeWithin(notice.ownerTagKey, 130);
  if (notice.dryRun)
    return `:test_tube: Dry run: would tag with ${keys} and the creator tags. Nothing was written.`;
  if (notice.problems.length > 0) return ':warning: Could not tag everything (below).';
  return `:label: Tagged with ${keys} and the creator tags.`;
}

/**
 * The notice for any type of the table other than EC2's (no Retag buttons: retagging from Slack writes EC2
 * tags only): what was created, by whom, where, with console links, its owner, and what could not be tagged.
 */
export function autotagResourcesNotice(notice: ResourcesNotice): SlackMessage {
  const account = notice.account.name ? `${notice.account.name} (${notice.account.id})` : notice.account.id;
  const where = `${account} · ${notice.region}`;
  const mention = notice.creatorSlackUserId ? ` ${mentionUser(notice.creatorSlackUserId)}` : '';
  const lines = notice.arns.map(
    (arn) =>
      `• ${mrkdwnLink(arnConsoleUrl(notice.partition, notice.region, arn), truncateText(shortName(arn), 200))} ${inlineCodeWithin(arn, 600)}`,
  );
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(truncateText(`New ${notice.label} in ${where}`, 150)) },
    {
      type: 'section',
      text: mrkdwnText(
        `*Created by* ${escapeAndTruncate(notice.creator, 400)}${mention}\n*Account* ${escapeAndTruncate(account, 120)} · *Region* ${escapeAndTruncate(notice.region, 60)} · ${slackDate(new Date(notice.createdAt))} · ${escapeAndTruncate(notice.eventName, 80)}`,
      ),
    },
    { type: 'section', text: mrkdwnText(joinLinesWithin(lines, 2900, 'resources')) },
    { type: 'section', text: mrkdwnText(`*Owner* ${escapeAndTruncate(notice.owner, 300)}`) },
  ];
  if (notice.problems.length > 0) {
    const problems = notice.problems.map((p) => `• ${escapeAndTruncate(p, 600)}`);
    blocks.push({ type: 'section', text: mrkdwnText(joinLinesWithin(problems, 2900, 'problems')) });
  }
  blocks.push({
    type: 'context',
    elements: [mrkdwnText(`${status(notice)} Creator ARN: ${inlineCodeWithin(notice.creatorArn, 1500)}`)],
  });
  const text = `${escapeAndTruncate(notice.creator, 300)} created ${escapeAndTruncate(notice.label, 80)} in ${escapeAndTruncate(where, 200)}: ${escapeAndTruncate(notice.arns.join(', '), 1500)}`;
  return { text, blocks };
}
