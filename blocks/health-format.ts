import type { HealthStatus } from '../src/health/health-delivery';
import { escapeMrkdwn, inlineCode, slackDate } from './mrkdwn';
import { moreText, truncateText } from './truncate';

/** `AWS_EC2_OPERATIONAL_ISSUE` of service `EC2` → `Operational issue`. */
export function readableEventType(eventTypeCode: string, service: string): string {
  const upper = eventTypeCode.toUpperCase();
  const prefixes = [`AWS_${service.toUpperCase()}_`, 'AWS_'];
  const prefix = prefixes.find((p) => upper.startsWith(p) && upper.length > p.length);
  const words = (prefix ? eventTypeCode.slice(prefix.length) : eventTypeCode).replace(/_+/g, ' ').trim();
  const lower = words.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const CATEGORY_NAMES: Record<string, string> = {
  issue: 'Issue',
  accountNotification: 'Account notification',
  scheduledChange: 'Scheduled change',
  investigation: 'Investigation',
};

export function categoryName(category: string): string {
  return CATEGORY_NAMES[category] ?? category;
}

/** The status people see at a glance: an emoji and a word that differ for each state. */
export function statusBadge(status: HealthStatus, category: string): { emoji: string; word: string } {
  if (status === 'closed') return { emoji: ':white_check_mark:', word: 'Resolved' };
  if (status === 'upcoming') return { emoji: ':calendar:', word: 'Upcoming' };
  const emoji =
    category === 'scheduledChange'
      ? ':large_orange_circle:'
      : category === 'accountNotification'
        ? ':large_blue_circle:'
        : ':red_circle:';
  return { emoji, word: 'Open' };
}

/** A Slack date (reader's time zone) from an ISO string; `—` when absent. */
export function when(iso: string | undefined, absent = '—'): string {
  return iso ? slackDate(new Date(iso)) : absent;
}

export function accountLabel(id: string, name: string | undefined): string {
  return name ? `${inlineCode(id)} ${escapeMrkdwn(name)}` : inlineCode(id);
}

export function accountPlain(id: string, name: string | undefined): string {
  return name ? `${id} (${name})` : id;
}

/**
 * The first `maxLines` lines that fit in `maxChars`, then `…and N more <noun>` counting every line left out,
 * so a reader knows the real total. Lines are mrkdwn already.
 */
export function firstLinesWithin(
  lines: readonly string[],
  maxLines: number,
  maxChars: number,
  noun: string,
): string {
  const reserve = moreText(lines.length, noun).length + 1;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines.slice(0, maxLines)) {
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + reserve > maxChars) break;
    kept.push(line);
    length = next;
  }
  if (kept.length === 0 && lines[0] !== undefined) kept.push(truncateText(lines[0], maxChars - reserve));
  const hidden = lines.length - kept.length;
  return hidden > 0 ? [...kept, moreText(hidden, noun)].join('\n') : kept.join('\n');
}
