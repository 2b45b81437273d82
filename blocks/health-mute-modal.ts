import type { ModalView } from '@slack/types';
import { mrkdwnText, plainText } from './message';
import { SLACK_LIMITS } from './slack-limits';
import { escapeAndTruncate, truncateText } from './truncate';

export const HEALTH_MUTE_VIEW = 'health_mute_modal';
export const MUTE_SCOPE_BLOCK = 'mute_scope';
export const MUTE_DURATION_BLOCK = 'mute_duration';
export const MUTE_UNTIL_BLOCK = 'mute_until';

/** How long a mute lasts: days, or until a date picked in the modal. */
export const MUTE_DURATIONS = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'date', label: 'Until a date' },
] as const;

export interface MuteModalInput {
  /** `EC2 Operational issue` (plain; escaped here). */
  title: string;
  /** The scopes offered, in order; the chosen one comes back as its index. */
  choices: readonly string[];
  /** From `saveViewMetadata`: only a reference to what the bot stored. */
  privateMetadata: string;
}

const option = (text: string, value: string) => ({
  text: plainText(truncateText(text, SLACK_LIMITS.optionText)),
  value,
});

/** Mute…: which alerts (scope) and for how long; muted events still reach Airtable. */
export function healthMuteModal({ title, choices, privateMetadata }: MuteModalInput): ModalView {
  const durations = MUTE_DURATIONS.map((d) => option(d.label, d.value));
  return {
    type: 'modal',
    callback_id: HEALTH_MUTE_VIEW,
    private_metadata: privateMetadata,
    title: plainText('Mute Health alerts'),
    submit: plainText('Mute'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(`Stop posting new alerts like *${escapeAndTruncate(title, 200)}*.`),
      },
      {
        type: 'input',
        block_id: MUTE_SCOPE_BLOCK,
        label: plainText('Which alerts'),
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: choices.slice(0, 10).map((choice, index) => option(choice, String(index))),
        },
      },
      {
        type: 'input',
        block_id: MUTE_DURATION_BLOCK,
        label: plainText('For how long'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: durations,
          initial_option: durations[1],
        },
      },
      {
        type: 'input',
        block_id: MUTE_UNTIL_BLOCK,
        optional: true,
        label: plainText('Until (for "Until a date")'),
        element: { type: 'datepicker', action_id: 'value' },
      },
      {
        type: 'context',
        elements: [
          mrkdwnText(
            'The mute is announced in the alert’s thread with an Unmute button and ends by itself. Muted events still go to Airtable; alerts already posted keep updating.',
          ),
        ],
      },
    ],
  };
}
