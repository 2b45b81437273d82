import type { KnownBlock } from '@slack/types';
import type { OpenEvent } from '../src/health/open-events';
import { accountLabel, readableEventType, statusBadge, when } from './health-format';
import { type MuteLine, unmuteButton } from './health-mute-replies';
import { mrkdwnText, type SlackReply } from './message';
import { mentionUser, mrkdwnLink, slackDate } from './mrkdwn';
import { escapeAndTruncate, joinLinesWithin } from './truncate';

const ACCOUNT_SECTIONS = 40;
const MUTES_SHOWN = 20;

function eventLine(event: OpenEvent, link: string): string {
  const badge = statusBadge(event.status, event.category);
  const title = escapeAndTruncate(readableEventType(event.eventTypeCode, event.service), 120);
  const since =
    event.status === 'upcoming' ? `starts ${when(event.startTime)}` : `since ${when(event.startTime)}`;
  return `${badge.emoji} ${mrkdwnLink(link, title)} · ${escapeAndTruncate(event.region, 40)} · ${since}`;
}

/**
 * `/aws-health`: the open and upcoming events the bot knows, by account, then service. An event of several
 * accounts shows under each (up to the first 20 of its accounts).
 */
export function openEventsReply(
  events: readonly OpenEvent[],
  linkOf: (event: OpenEvent) => string,
): SlackReply {
  if (events.length === 0)
    return {
      responseType: 'ephemeral',
      text: 'No open AWS Health events.',
      blocks: [
        { type: 'section', text: mrkdwnText(':white_check_mark: No open or upcoming AWS Health events.') },
      ],
    };
  const byAccount = new Map<string, { name?: string; lines: Map<string, string[]> }>();
  for (const event of events) {
    for (const account of event.accounts) {
      const entry = byAccount.get(account.id) ?? { name: account.name, lines: new Map<string, string[]>() };
      const lines = entry.lines.get(event.service) ?? [];
      lines.push(eventLine(event, linkOf(event)));
      entry.lines.set(event.service, lines);
      byAccount.set(account.id, entry);
    }
  }
  const accounts = [...byAccount.entries()].sort(([a], [b]) => a.localeCompare(b));
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(`*Open AWS Health events: ${events.length}*`) },
    ...accounts.slice(0, ACCOUNT_SECTIONS).map(([id, account]): KnownBlock => {
      const lines = [...account.lines.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([service, list]) => [`*${escapeAndTruncate(service, 60)}*`, ...list]);
      const title = `${accountLabel(id, account.name)}\n`;
      return {
        type: 'section',
        text: mrkdwnText(title + joinLinesWithin(lines, 2800 - title.length, 'events', 30)),
      };
    }),
  ];
  if (accounts.length > ACCOUNT_SECTIONS)
    blocks.push({
      type: 'context',
      elements: [mrkdwnText(`…and ${accounts.length - ACCOUNT_SECTIONS} more accounts`)],
    });
  return { responseType: 'ephemeral', text: `${events.length} open AWS Health events`, blocks };
}

/** `/aws-health mutes`: the mutes set from Slack, with Unmute for people who may. */
export function mutesReply(mutes: readonly MuteLine[], canUnmute: boolean, configMutes: number): SlackReply {
  const config = configMutes > 0 ? ` (plus ${configMutes} in the config file, health.mute)` : '';
  if (mutes.length === 0)
    return {
      responseType: 'ephemeral',
      text: 'No active mutes.',
      blocks: [{ type: 'section', text: mrkdwnText(`No mutes set from Slack${config}.`) }],
    };
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwnText(`*Active mutes: ${mutes.length}*${config}`) },
  ];
  for (const mute of mutes.slice(0, MUTES_SHOWN)) {
    blocks.push({
      type: 'section',
      text: mrkdwnText(
        `:no_bell: *${escapeAndTruncate(mute.what, 300)}* until ${slackDate(new Date(mute.until))}, muted by ${mentionUser(mute.by)}`,
      ),
      ...(canUnmute ? { accessory: unmuteButton(mute.id) } : {}),
    });
  }
  if (mutes.length > MUTES_SHOWN)
    blocks.push({ type: 'context', elements: [mrkdwnText(`…and ${mutes.length - MUTES_SHOWN} more`)] });
  return { responseType: 'ephemeral', text: `${mutes.length} active mutes`, blocks };
}
