import type { HealthStatus } from '../src/health/health-delivery';
import { slackDate } from './mrkdwn';
import { escapeAndTruncate, inlineCodeWithin } from './truncate';

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

/** `` `222222222222` prod-payments ``: the id (12 digits from the schema) and the name, escaped and cut. */
export function accountLabel(id: string, name: string | undefined): string {
  const code = inlineCodeWithin(id, 40);
  return name ? `${code} ${escapeAndTruncate(name, 100)}` : code;
}

export function accountPlain(id: string, name: string | undefined): string {
  return name ? `${id} (${name})` : id;
}
