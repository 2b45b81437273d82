import type { ModalView } from '@slack/types';
import type { AutotagNotice } from '../src/autotag/notice-record';
import { accountText, countWords, ownerText } from './autotag-notice';
import { mrkdwnText, plainText } from './message';
import { escapeMrkdwn } from './mrkdwn';
import { escapeAndTruncate } from './truncate';

export const RETAG_VIEW = 'autotag_retag_modal';
export const OWNER_USER_BLOCK = 'owner_user';
export const OWNER_TEXT_BLOCK = 'owner_text';
/** The action_id of the input in each owner block (a person or a text). */
export const OWNER_INPUT_ACTION = 'value';

/** What the modal carries through Slack to its submission (Slack signs it; ids are re-checked anyway). */
export type RetagModalState =
  | {
      noticeId: string;
      /** The response_url of the click, to answer the person once the worker is done. */
      responseUrl: string;
    }
  /** Opened from the Home tab (no response_url): the worker answers in the person's DM. */
  | { noticeId: string; home: true };

/** Retag: pick a Slack user, or type a team / cost centre; shows what will change. */
export function retagModal(notice: AutotagNotice, state: RetagModalState): ModalView {
  const what = countWords(notice.resources.map((r) => r.kind));
  return {
    type: 'modal',
    callback_id: RETAG_VIEW,
    private_metadata: JSON.stringify(state),
    title: plainText('Retag owner'),
    submit: plainText('Retag'),
    close: plainText('Cancel'),
    blocks: [
      {
        type: 'section',
        text: mrkdwnText(
          `Sets the ${escapeAndTruncate(notice.ownerTagKey, 128)} tag of ${what} in *${escapeMrkdwn(accountText(notice))}* (${escapeMrkdwn(notice.region)}).\n*Now:* ${ownerText(notice.owner)}`,
        ),
      },
      {
        type: 'input',
        block_id: OWNER_USER_BLOCK,
        optional: true,
        label: plainText('A person'),
        element: {
          type: 'users_select',
          action_id: OWNER_INPUT_ACTION,
          placeholder: plainText('Pick a Slack user'),
        },
      },
      {
        type: 'input',
        block_id: OWNER_TEXT_BLOCK,
        optional: true,
        label: plainText('…or a team / cost centre'),
        element: {
          type: 'plain_text_input',
          action_id: OWNER_INPUT_ACTION,
          max_length: 256,
          placeholder: plainText('e.g. team-payments or CC-1234'),
        },
        hint: plainText('Letters, digits, spaces and _ . : / = + - @; anything else becomes _.'),
      },
      {
        type: 'context',
        elements: [
          mrkdwnText('The notice is updated and its thread says who changed the owner, from what to what.'),
        ],
      },
    ],
  };
}
