import type { KnownBlock } from '@slack/types';
import { HEALTH_UNMUTE } from './health-actions';
import { mrkdwnText, plainText, type SlackMessage } from './message';
import { mentionUser, slackDate } from './mrkdwn';
import { escapeAndTruncate } from './truncate';

/** A mute as people read it: what, who, until when (plain strings; escaped here). */
export interface MuteLine {
  id: string;
  /** `AWS_VPN_REDUNDANCY_LOSS in prod-payments`. */
  what: string;
  by: string;
  at: string;
  until: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days when the mute lasts that long (give or take the minute between submit and worker), else undefined. */
function wholeDays(mute: MuteLine): number | undefined {
  const days = (Date.parse(mute.until) - Date.parse(mute.at)) / DAY_MS;
  const rounded = Math.round(days);
  return rounded >= 1 && Math.abs(days - rounded) < 1 / (24 * 60) ? rounded : undefined;
}

/** `for 7 days`, or `until <date>` for a mute until a picked date. */
function howLong(mute: MuteLine, date: (iso: string) => string): string {
  const days = wholeDays(mute);
  return days ? `for ${days} day${days === 1 ? '' : 's'}` : `until ${date(mute.until)}`;
}

export function unmuteButton(muteId: string) {
  return { type: 'button' as const, action_id: HEALTH_UNMUTE, text: plainText('Unmute'), value: muteId };
}

/** The thread reply under the alert a mute was set from: "muted by @x for 7 days: …" and Unmute. */
export function muteAnnouncement(mute: MuteLine): SlackMessage {
  const what = escapeAndTruncate(mute.what, 400);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwnText(
        `:no_bell: muted by ${mentionUser(mute.by)} ${howLong(mute, (iso) => slackDate(new Date(iso)))}: *${what}*\nNew alerts like this are not posted until ${slackDate(new Date(mute.until))}; they still go to Airtable.`,
      ),
    },
    { type: 'actions', elements: [unmuteButton(mute.id)] },
  ];
  const text = escapeAndTruncate(`Muted ${howLong(mute, (iso) => iso)}: ${mute.what}`, 600);
  return { text, blocks };
}

/** The announcement once the mute is lifted (its Unmute button goes away). */
export function unmutedAnnouncement(mute: MuteLine, by: string): SlackMessage {
  const what = escapeAndTruncate(mute.what, 400);
  return {
    text: escapeAndTruncate(`Unmuted: ${mute.what}`, 600),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          `:bell: unmuted by ${mentionUser(by)}: *${what}* (muted by ${mentionUser(mute.by)}). New alerts are posted again.`,
        ),
      },
    ],
  };
}

/** The thread reply the first time someone clicks "I'm on it". */
export function onItReply(userId: string): SlackMessage {
  return {
    text: 'Someone is on it',
    blocks: [{ type: 'section', text: mrkdwnText(`:eyes: ${mentionUser(userId)} is on it`) }],
  };
}
