import type { KnownBlock } from '@slack/types';
import type { HealthChange } from '../src/health/event-changes';
import { accountLabel, accountPlain, statusBadge, when } from './health-format';
import { mrkdwnText, type SlackMessage } from './message';
import { cutMrkdwn, escapeAndTruncate, inlineCodeWithin, joinLinesWithin } from './truncate';

export interface HealthChangeInput {
  category: string;
  changes: readonly HealthChange[];
}

const MAX_CHANGE_BLOCKS = 20;

const resources = (count: number) => `${count} resource${count === 1 ? '' : 's'}`;

function changeLine(change: HealthChange, category: string): string {
  switch (change.kind) {
    case 'status': {
      const to = statusBadge(change.to, category);
      return `${to.emoji} *${to.word}* (was ${statusBadge(change.from, category).word.toLowerCase()})`;
    }
    case 'startTime':
      return `*Start moved* to ${when(change.to)} (was ${when(change.from)})`;
    case 'endTime':
      return change.to
        ? `*End* ${when(change.to)}${change.from ? ` (was ${when(change.from)})` : ''}`
        : `*End time removed* (was ${when(change.from)})`;
    case 'description':
      return `*Description updated:*\n${escapeAndTruncate(change.description.trim(), 1500)}`;
    case 'entities': {
      const lines = change.added.map((entity) => `• ${inlineCodeWithin(entity, 300)}`);
      return `*${change.added.length} new affected resource${change.added.length === 1 ? '' : 's'}* in ${accountLabel(change.accountId, change.accountName)}\n${joinLinesWithin(lines, 1800, 'resources', 10)}`;
    }
    case 'accounts': {
      const lines = change.added.map((a) => `• ${accountLabel(a.id, a.name)}`);
      return `*Now also affects ${change.added.length} account${change.added.length === 1 ? '' : 's'}*\n${joinLinesWithin(lines, 1800, 'accounts', 10)}`;
    }
    case 'recovered':
      return `:large_green_circle: *${resources(change.count)} recovered*`;
  }
}

function changePlain(change: HealthChange): string {
  switch (change.kind) {
    case 'status':
      return `status ${change.from} → ${change.to}`;
    case 'startTime':
      return 'start time moved';
    case 'endTime':
      return change.to ? 'end time set' : 'end time removed';
    case 'description':
      return 'description updated';
    case 'entities':
      return `${change.added.length} new resources in ${accountPlain(change.accountId, change.accountName)}`;
    case 'accounts':
      return `${change.added.length} more accounts`;
    case 'recovered':
      return `${resources(change.count)} recovered`;
  }
}

/** The thread reply under an event's message that says what changed in this update. */
export function healthChangeReply({ category, changes }: HealthChangeInput): SlackMessage {
  const blocks: KnownBlock[] = changes.slice(0, MAX_CHANGE_BLOCKS).map((change) => ({
    type: 'section',
    text: mrkdwnText(cutMrkdwn(changeLine(change, category), 2900)),
  }));
  const text = escapeAndTruncate(`AWS Health update: ${changes.map(changePlain).join('; ')}`, 1000);
  return { text, blocks };
}
