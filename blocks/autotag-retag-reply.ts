import type { SlackMessage } from './message';
import { mrkdwnText } from './message';
import { mentionUser } from './mrkdwn';
import { escapeAndTruncate } from './truncate';

export interface RetagChange {
  by: string;
  from: string;
  to: string;
  resources: number;
  confirmed: boolean;
  /** For the audit channel: which launch, e.g. `RunInstances in prod-payments (222222222222) · eu-west-1`. */
  where?: string;
}

/** The thread reply under the notice: "retagged by @x: old → new" (or the launcher confirming it is theirs). */
export function retagThreadReply(change: RetagChange): SlackMessage {
  const from = escapeAndTruncate(change.from, 400);
  const to = escapeAndTruncate(change.to, 400);
  const unchanged = change.from === change.to;
  const line = change.confirmed
    ? `:white_check_mark: ${mentionUser(change.by)} confirmed these resources are theirs: ${unchanged ? `owner stays ${to}` : `${from} → ${to}`}`
    : `:label: retagged by ${mentionUser(change.by)}: ${from} → ${to}`;
  const count = `${change.resources} resource${change.resources === 1 ? '' : 's'}`;
  return {
    text: `${change.confirmed ? 'confirmed' : 'retagged'} by ${mentionUser(change.by)}: ${from} → ${to}`,
    blocks: [
      { type: 'section', text: mrkdwnText(line) },
      {
        type: 'context',
        elements: [
          mrkdwnText(
            `Owner tag written on ${count}${change.where ? ` · ${escapeAndTruncate(change.where, 300)}` : ''}.`,
          ),
        ],
      },
    ],
  };
}
