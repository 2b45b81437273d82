import type { ActionsBlock, Button, HomeView, KnownBlock, SectionBlock } from '@slack/types';
import type { AccountState, HomeModel } from '../src/home/home-model';
import type { HealthHomeItem, LaunchHomeItem, MessageRef, MuteHomeItem } from '../src/store/home-items';
import { accountLabel, readableEventType, statusBadge } from './health-format';
import { homeSubscriptionsSection } from './home-subscriptions';
import { mrkdwnText, plainText } from './message';
import { mentionUser, mrkdwnLink, slackDate, slackMessageLink } from './mrkdwn';
import { SLACK_LIMITS } from './slack-limits';
import { cutForEscaping, escapeAndTruncate, joinLinesWithin, moreText } from './truncate';

export const HOME_REFRESH = 'home_refresh';
export const HOME_RETAG = 'home_retag';
export const HOME_MINE = 'home_mine';
export const HOME_UNMUTE = 'home_unmute';

/** Home parts past which the rest is only counted (the accounts get what the other parts leave of 100 blocks). */
const MAX_ACCOUNTS = 40;
const MAX_LAUNCHES = 8;
const MAX_MUTES = 10;
const LINES_PER_ACCOUNT = 12;
const SECTION_BUDGET = SLACK_LIMITS.sectionText - 100;
const HOUR_MS = 60 * 60 * 1000;
/** Health lines not updated for this long say how old they are. */
const STALE_HEALTH_MS = 24 * HOUR_MS;

/** `3 h`, `2 d`: how old something is, for parts older than their refresh. */
export function ageText(at: string, now: string): string {
  const ms = Math.max(0, Date.parse(now) - Date.parse(at));
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 48 * HOUR_MS) return `${Math.round(ms / HOUR_MS)} h`;
  return `${Math.round(ms / (24 * HOUR_MS))} d`;
}

/** A label (from AWS or a person) linked to its Slack message, at most 200 characters once mrkdwnLink escapes it. */
const linked = (label: string, ref: MessageRef | undefined) =>
  ref
    ? mrkdwnLink(slackMessageLink(ref.channelId, ref.ts), cutForEscaping(label, 200))
    : escapeAndTruncate(label, 200);
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function headerLine(model: HomeModel): string {
  const { health, catalogFailures, cases, launches } = model.header;
  const parts = [
    `:red_circle: *${health.openIssues}* open ${health.openIssues === 1 ? 'issue' : 'issues'}`,
    `:large_orange_circle: *${health.open}* other open`,
    `:calendar: *${health.upcoming}* upcoming`,
  ];
  const notRead = cases?.accountsNotRead ? ` · ${plural(cases.accountsNotRead, 'account')} not read` : '';
  const caseText = cases
    ? `:briefcase: *${cases.open}* open support ${cases.open === 1 ? 'case' : 'cases'} (of cases opened in the last ${escapeAndTruncate(cases.window, 20)}) · report ${ageText(cases.reportedAt, model.now)} old${notRead}`
    : ':briefcase: no case report yet';
  return [
    `*AWS Health:* ${parts.join(' · ')}`,
    `:package: *${catalogFailures}* catalog ${catalogFailures === 1 ? 'failure' : 'failures'} in the last 7 days`,
    caseText,
    `:rocket: *${launches}* ${launches === 1 ? 'launch' : 'launches'} in the last 24 h`,
  ].join('\n');
}

function healthLine(item: HealthHomeItem, now: string): string {
  const { fields } = item;
  const badge = statusBadge(fields.status, fields.category);
  const title = escapeAndTruncate(readableEventType(fields.eventTypeCode, fields.service), 100);
  const label = `${fields.service} · ${readableEventType(fields.eventTypeCode, fields.service)}`;
  const link = fields.alert ? linked(label, fields.alert) : title;
  const age =
    Date.parse(now) - Date.parse(item.at) > STALE_HEALTH_MS ? ` · updated ${ageText(item.at, now)} ago` : '';
  return `${badge.emoji} ${link} · ${escapeAndTruncate(fields.region, 40)}${age}`;
}

function accountSection(state: AccountState, now: string): SectionBlock {
  const lines = [
    ...state.health.map((item) => healthLine(item, now)),
    ...state.catalog.map(
      (item) =>
        `:package: ${linked(item.fields.product ?? item.fields.stackName, item.fields.alert)} ${escapeAndTruncate(item.fields.status, 60)} · ${ageText(item.at, now)} ago`,
    ),
  ];
  if (state.cases)
    lines.push(
      `:briefcase: ${plural(state.cases.fields.open, 'open support case')} (of cases opened in the last ${escapeAndTruncate(state.cases.fields.window, 20)}; report ${ageText(state.cases.at, now)} old)`,
    );
  const title = `*${accountLabel(state.account.id, state.account.name)}*\n`;
  return {
    type: 'section',
    text: mrkdwnText(
      title + joinLinesWithin(lines, SECTION_BUDGET - title.length, 'items', LINES_PER_ACCOUNT),
    ),
  };
}

const button = (actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  action_id: actionId,
  text: plainText(text),
  value,
  ...(style ? { style } : {}),
});

function launchBlocks(item: LaunchHomeItem, now: string): KnownBlock[] {
  const { fields } = item;
  const where = `${accountLabel(item.account?.id ?? '?', item.account?.name)} ${escapeAndTruncate(fields.region, 40)}`;
  const owner = fields.ownerUserId ? mentionUser(fields.ownerUserId) : escapeAndTruncate(fields.owner, 200);
  const text = `${linked(fields.resources, fields.notice)} in ${where}\nlaunched by ${escapeAndTruncate(fields.launcher, 200)} ${ageText(item.at, now)} ago · owner ${owner}`;
  const actions: ActionsBlock = {
    type: 'actions',
    elements: [
      button(HOME_RETAG, 'Retag', fields.noticeId),
      button(HOME_MINE, "It's mine", fields.noticeId, 'primary'),
    ],
  };
  const section: KnownBlock = { type: 'section', text: mrkdwnText(text) };
  return fields.actions === false ? [section] : [section, actions];
}

function muteBlock(item: MuteHomeItem, mayUnmute: boolean): SectionBlock {
  const { fields } = item;
  return {
    type: 'section',
    text: mrkdwnText(
      `:no_bell: *${escapeAndTruncate(fields.scope, 400)}* until ${slackDate(new Date(fields.until))} · by ${mentionUser(fields.by)}`,
    ),
    ...(mayUnmute ? { accessory: button(HOME_UNMUTE, 'Unmute', fields.muteId) } : {}),
  };
}

const heading = (text: string): KnownBlock => ({ type: 'header', text: plainText(text) });
const note = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwnText(text)] });

function listPart<T>(title: string, items: readonly T[], max: number, render: (item: T) => KnownBlock[]) {
  if (items.length === 0) return [];
  const blocks: KnownBlock[] = [heading(title), ...items.slice(0, max).flatMap(render)];
  if (items.length > max) blocks.push(note(moreText(items.length - max)));
  return blocks;
}

function auditPart(model: HomeModel): KnownBlock[] {
  if (!model.audits) return [];
  const lines = model.audits.map(
    (audit) =>
      `${slackDate(new Date(audit.at))} ${mentionUser(audit.actor)} *${escapeAndTruncate(audit.action, 60)}* ${escapeAndTruncate(audit.target, 120)} · ${audit.result}`,
  );
  return [
    heading('Recent audit records (admins)'),
    {
      type: 'section',
      text: mrkdwnText(joinLinesWithin(lines.length ? lines : ['None yet.'], SECTION_BUDGET)),
    },
  ];
}

/**
 * One person's Home tab: the header counts, the accounts with something open (worst first, as many as the 100
 * blocks allow, the rest counted), their launches with Retag / It's mine, their subscriptions, the active mutes
 * (Unmute for allowed people) and, for admins, the last audit records. Every AWS or user string is escaped and cut
 * after escaping; parts older than their refresh say how old they are.
 */
export function homeView(model: HomeModel): HomeView {
  const top: KnownBlock[] = [
    heading('AWS accounts at a glance'),
    { type: 'section', text: mrkdwnText(headerLine(model)) },
    {
      type: 'actions',
      elements: [button(HOME_REFRESH, 'Refresh', 'refresh')],
    },
    note(
      `Shown ${slackDate(new Date(model.now))} from what the bot has seen; no AWS call is made here.${model.notRead > 0 ? ` …${model.notRead} ${model.notRead === 1 ? 'item' : 'items'} not shown (over the read cap).` : ''}`,
    ),
  ];
  const launches = listPart('Your launches', model.yourLaunches, MAX_LAUNCHES, (item) =>
    launchBlocks(item, model.now),
  );
  const mutes = listPart('Active Health mutes', model.mutes, MAX_MUTES, (item) => [
    muteBlock(item, model.mayUnmute),
  ]);
  const subscriptions = homeSubscriptionsSection(model.subscriptions);
  const audits = auditPart(model);
  const fixed = top.length + launches.length + subscriptions.length + mutes.length + audits.length;
  const room = Math.max(0, SLACK_LIMITS.modalBlocks - fixed - 3);
  const shown = Math.min(model.accounts.length, MAX_ACCOUNTS, room);
  const accounts: KnownBlock[] = [{ type: 'divider' }];
  if (model.accounts.length === 0)
    accounts.push(note(':white_check_mark: Nothing open in any account the bot has heard from.'));
  else {
    accounts.push(heading(`Accounts with something open (${model.accounts.length})`));
    const sections = model.accounts.slice(0, shown).map((state) => accountSection(state, model.now));
    accounts.push(...sections);
    if (model.accounts.length > shown)
      accounts.push(note(moreText(model.accounts.length - shown, 'accounts with something open')));
  }
  const blocks = [...top, ...accounts, ...launches, ...subscriptions, ...mutes, ...audits];
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.modalBlocks) };
}
