import { readableEventType } from './health-format';
import { mrkdwnText, type SlackMessage } from './message';
import { mentionUser, slackDate } from './mrkdwn';
import { escapeAndTruncate } from './truncate';

export interface ReminderInput {
  service: string;
  eventTypeCode: string;
  startTime: string;
  /** `7d`, `1h`: the offset this reminder is for. */
  offset: string;
  /** Route mentions: user ids, user group ids (S…), `here` or `channel` (validated by the config schema). */
  mentions: readonly string[];
  /** The people on it. */
  watchers: readonly string[];
}

const UNIT_WORDS: Record<string, string> = { m: 'minute', h: 'hour', d: 'day' };

function offsetWords(offset: string): string {
  const count = Number(offset.slice(0, -1));
  const unit = UNIT_WORDS[offset.slice(-1)] ?? offset.slice(-1);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function mention(id: string): string {
  if (id === 'here' || id === 'channel') return `<!${id}>`;
  if (/^S[A-Z0-9]+$/.test(id)) return `<!subteam^${id}>`;
  return mentionUser(id);
}

/** The thread reply before a scheduled change starts: when, and who should know. */
export function healthReminder(input: ReminderInput): SlackMessage {
  const title = escapeAndTruncate(
    `${input.service} ${readableEventType(input.eventTypeCode, input.service)}`,
    200,
  );
  const who = [...new Set([...input.mentions.map(mention), ...input.watchers.map(mentionUser)])].slice(0, 30);
  const start = slackDate(new Date(input.startTime));
  return {
    text: escapeAndTruncate(
      `Reminder: ${input.service} ${input.eventTypeCode} starts in about ${offsetWords(input.offset)}`,
      600,
    ),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          `:alarm_clock: *Reminder:* ${title} starts in about ${offsetWords(input.offset)} (${start}).${who.length > 0 ? `\n${who.join(' ')}` : ''}`,
        ),
      },
    ],
  };
}
