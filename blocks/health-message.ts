import type { KnownBlock } from '@slack/types';
import type { HealthEventView, MissingPages } from '../src/health/event-view';
import { HEALTH_MUTE, HEALTH_ON_IT, HEALTH_OPEN_DASHBOARD } from './health-actions';
import {
  accountLabel,
  accountPlain,
  categoryName,
  readableEventType,
  statusBadge,
  when,
} from './health-format';
import { subscribeElements } from './health-subscribe-buttons';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mrkdwnLink } from './mrkdwn';
import { SLACK_LIMITS } from './slack-limits';
import { cutMrkdwn, escapeAndTruncate, inlineCodeWithin, joinLinesWithin, truncateText } from './truncate';

export interface HealthMessageInput {
  /** The event as this channel shows it (only the accounts routed here). */
  view: HealthEventView;
  /** The event in the AWS Health dashboard (account or organisation view). */
  dashboardUrl: string;
  /** Pages of a paged event that have not arrived yet. */
  missingPages: MissingPages;
  /** Slack user ids of the people on it ("I'm on it"). */
  watchers?: readonly string[];
  /** Mute and "I'm on it" buttons: only on the channel alert itself (a click is bound to that message). */
  buttons?: boolean;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;
const WATCHERS_SHOWN = 20;

/** `👀 <@U1>, <@U2> are on it`; user ids only (anything else is dropped), the rest counted. */
function watchersBlock(watchers: readonly string[]): KnownBlock[] {
  const people = watchers.filter((id) => SLACK_USER.test(id));
  if (people.length === 0) return [];
  const shown = people.slice(0, WATCHERS_SHOWN).map((id) => `<@${id}>`);
  const more = people.length > WATCHERS_SHOWN ? ` and ${people.length - WATCHERS_SHOWN} more` : '';
  const verb = people.length === 1 ? 'is' : 'are';
  return [{ type: 'context', elements: [mrkdwnText(`:eyes: ${shown.join(', ')}${more} ${verb} on it`)] }];
}

const DESCRIPTION_CHARS = 2600;
/** AWS strings in fields (region, event type) are a few dozen characters; anything longer is cut, escaped. */
const FIELD_CHARS = 200;
const ENTITY_CHARS = 300;
const NAME_CHARS = 100;
const ENTITY_LINES = 15;
const ACCOUNT_LINES = 20;

function headerText(view: HealthEventView): string {
  const { emoji, word } = statusBadge(view.status, view.category);
  // plain_text is never parsed for mentions; the strip only keeps odd service names readable.
  const title = `${view.service} ${readableEventType(view.eventTypeCode, view.service)}`.replace(
    /[<>&]/g,
    '',
  );
  return truncateText(`${emoji} ${word}: ${title}`, SLACK_LIMITS.headerText);
}

function accountsField(view: HealthEventView): string {
  const accounts = Object.entries(view.accounts);
  const [only] = accounts;
  if (accounts.length === 1 && only) return `*Account*\n${accountLabel(only[0], only[1].name)}`;
  return `*Accounts*\n${accounts.length} affected (listed below)`;
}

function descriptionBlock(view: HealthEventView, dashboardUrl: string): KnownBlock {
  const more = `…\n${mrkdwnLink(dashboardUrl, 'Read the full description in AWS Health')}`;
  const text = view.description.trim() === '' ? '_No description from AWS Health._' : view.description;
  return { type: 'section', text: mrkdwnText(escapeAndTruncate(text, DESCRIPTION_CHARS, more)) };
}

function accountsBlock(view: HealthEventView): KnownBlock[] {
  const accounts = Object.entries(view.accounts);
  if (accounts.length < 2) return [];
  const lines = accounts
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, account]) => `• ${accountLabel(id, account.name)} — ${account.entities.length} resources`);
  const title = `*Affected accounts (${accounts.length})*\n`;
  return [
    {
      type: 'section',
      text: mrkdwnText(title + joinLinesWithin(lines, 2900 - title.length, 'accounts', ACCOUNT_LINES)),
    },
  ];
}

/** Unresolved first, in the order people must act on them; resolved ones are only counted. */
const STATUS_ORDER: Record<string, number> = { impaired: 0, pending: 1, unknown: 2, none: 3, unimpaired: 4 };

function entitiesBlock(view: HealthEventView): KnownBlock[] {
  const accounts = Object.entries(view.accounts);
  const several = accounts.length > 1;
  let resolved = 0;
  const listed = accounts.flatMap(([, account]) =>
    account.entities.flatMap((entity) => {
      const status = account.statuses?.[entity];
      if (status === 'resolved') {
        resolved += 1;
        return [];
      }
      const label = status ? ` _${status}_` : '';
      const line =
        several && account.name
          ? `• ${inlineCodeWithin(entity, ENTITY_CHARS)}${label} — ${escapeAndTruncate(account.name, NAME_CHARS)}`
          : `• ${inlineCodeWithin(entity, ENTITY_CHARS)}${label}`;
      return [{ line, order: STATUS_ORDER[status ?? 'none'] ?? 3 }];
    }),
  );
  const all = listed.length + resolved;
  if (all === 0) return [];
  // A stable sort keeps the order entities were first seen within each status.
  const lines = listed.sort((a, b) => a.order - b.order).map(({ line }) => line);
  const total = view.entitiesTruncated ? `${all}+` : String(all);
  const title = `*Affected resources (${total})*\n`;
  const tail = resolved > 0 ? `\n…and ${number(resolved)} resolved` : '';
  const body =
    lines.length > 0
      ? joinLinesWithin(lines, 2900 - title.length - tail.length, 'resources', ENTITY_LINES)
      : '';
  return [{ type: 'section', text: mrkdwnText(title + body + (body ? tail : tail.slice(1))) }];
}

const number = (n: number) => n.toLocaleString('en-US');

/** `waiting for page(s) 2, 3`, or for many: `waiting for page(s) 2–5,000,000 (4,999,999 pages missing)`. */
function missingPagesText({ count, ranges }: MissingPages): string {
  const listed = ranges.map(([from, to]) =>
    from === to
      ? number(from)
      : to === from + 1
        ? `${number(from)}, ${number(to)}`
        : `${number(from)}–${number(to)}`,
  );
  const shown = ranges.reduce((sum, [from, to]) => sum + to - from + 1, 0);
  const many = count > 10 || shown < count;
  return `:hourglass_flowing_sand: waiting for page(s) ${listed.join(', ')}${shown < count ? ', …' : ''}${many ? ` (${number(count)} pages missing)` : ''}`;
}

function contextBlock(view: HealthEventView, missingPages: MissingPages): KnownBlock {
  const parts = [
    `Updated ${when(view.lastUpdatedTime)}`,
    inlineCodeWithin(view.eventArn, 400),
    ...(missingPages.count > 0 ? [missingPagesText(missingPages)] : []),
  ];
  return { type: 'context', elements: [mrkdwnText(cutMrkdwn(parts.join(' · '), 1900))] };
}

export function healthFallbackText(view: HealthEventView): string {
  const { word } = statusBadge(view.status, view.category);
  const accounts = Object.entries(view.accounts);
  const [only] = accounts;
  const who =
    accounts.length === 1 && only
      ? `account ${accountPlain(only[0], only[1].name)}`
      : `${accounts.length} accounts`;
  const summary = `[${word}] AWS Health: ${view.service} ${readableEventType(view.eventTypeCode, view.service)} in ${view.region}, ${who}`;
  const description = view.description.replace(/\s+/g, ' ').trim();
  return escapeAndTruncate(description ? `${summary}: ${description}` : summary, 600);
}

/** The one message of a Health event in a channel; rebuilt and `chat.update`d on every change. */
export function healthEventMessage({
  view,
  dashboardUrl,
  missingPages,
  watchers = [],
  buttons = true,
}: HealthMessageInput): SlackMessage {
  const fields = [
    `*Status*\n${statusBadge(view.status, view.category).word}`,
    `*Category*\n${escapeAndTruncate(categoryName(view.category), FIELD_CHARS)}`,
    `*Region*\n${escapeAndTruncate(view.region, FIELD_CHARS)}`,
    accountsField(view),
    `*Start*\n${when(view.startTime)}`,
    `*End*\n${when(view.endTime, view.status === 'closed' ? '—' : 'not announced')}`,
    `*Event type*\n${inlineCodeWithin(view.eventTypeCode, FIELD_CHARS)}`,
  ].map(mrkdwnText);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(headerText(view)) },
    { type: 'section', fields },
    descriptionBlock(view, dashboardUrl),
    ...accountsBlock(view),
    ...entitiesBlock(view),
    ...watchersBlock(watchers),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: HEALTH_OPEN_DASHBOARD,
          text: plainText('Open in AWS Health'),
          url: dashboardUrl,
        },
        ...(buttons
          ? [
              { type: 'button' as const, action_id: HEALTH_ON_IT, text: plainText(":eyes: I'm on it") },
              { type: 'button' as const, action_id: HEALTH_MUTE, text: plainText('Mute…') },
              ...subscribeElements(view),
            ]
          : []),
      ],
    },
    contextBlock(view, missingPages),
  ];
  return { text: healthFallbackText(view), blocks };
}
