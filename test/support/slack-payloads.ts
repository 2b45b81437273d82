/**
 * Slack payloads as Slack sends them, shaped after the examples in Slack's docs (*Slash commands*, *block_actions
 * payloads*, *view_submission payloads*, *Shortcuts: message_action payloads*): as objects, for calling a listener
 * directly, and as the form body Slack posts (field `payload`), for the Retag / It's mine flows.
 */

import {
  OWNER_INPUT_ACTION,
  OWNER_TEXT_BLOCK,
  OWNER_USER_BLOCK,
  RETAG_VIEW,
} from '../../blocks/autotag-retag-modal';

/** The fields every interactivity payload of the local workspace carries. */
function envelope(type: string, userId: string) {
  return {
    type,
    api_app_id: 'A0LOCAL01',
    token: 'deprecated',
    team: { id: 'T0LOCAL01', domain: 'local' },
    user: { id: userId, username: 'someone', team_id: 'T0LOCAL01' },
  };
}

export interface BlockActionOptions {
  actionId: string;
  value: string;
  userId: string;
  channel: string;
  ts: string;
  triggerId: string;
  responseUrl: string;
}

/** A button click on a bot message (`block_actions`). */
export function blockActionPayload(options: BlockActionOptions) {
  return {
    ...envelope('block_actions', options.userId),
    container: { type: 'message', message_ts: options.ts, channel_id: options.channel, is_ephemeral: false },
    channel: { id: options.channel, name: 'aws-alerts' },
    message: { type: 'message', ts: options.ts, text: 'notice' },
    trigger_id: options.triggerId,
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'autotag_actions',
        value: options.value,
        text: { type: 'plain_text', text: 'Retag' },
        action_ts: '1700000000.000001',
      },
    ],
  };
}

export function blockActionBody(options: BlockActionOptions): string {
  return formPayload(blockActionPayload(options));
}

/** A modal submitted (`view_submission`); `values` is `view.state.values` (block id → action id → value). */
export function viewSubmissionPayload(options: {
  viewId: string;
  userId: string;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}) {
  return {
    ...envelope('view_submission', options.userId),
    trigger_id: `${options.viewId}.trigger`,
    response_urls: [],
    view: {
      id: options.viewId,
      team_id: 'T0LOCAL01',
      type: 'modal',
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata,
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Modal' },
      blocks: [],
      state: { values: options.values },
      app_id: 'A0LOCAL01',
      bot_id: 'B0LOCAL01',
    },
  };
}

/** The Retag modal submitted with a person and/or a text as the new owner. */
export function retagSubmissionPayload(options: {
  viewId: string;
  userId: string;
  privateMetadata: string;
  ownerUser?: string;
  ownerText?: string;
}) {
  return viewSubmissionPayload({
    ...options,
    callbackId: RETAG_VIEW,
    values: {
      [OWNER_USER_BLOCK]: {
        [OWNER_INPUT_ACTION]: { type: 'users_select', selected_user: options.ownerUser ?? null },
      },
      [OWNER_TEXT_BLOCK]: {
        [OWNER_INPUT_ACTION]: { type: 'plain_text_input', value: options.ownerText ?? null },
      },
    },
  });
}

export function viewSubmissionBody(options: Parameters<typeof retagSubmissionPayload>[0]): string {
  return formPayload(retagSubmissionPayload(options));
}

/** A slash command as Bolt hands it to a listener (the form fields Slack posts). */
export function slashCommandPayload(options: {
  command: string;
  text?: string;
  userId?: string;
  triggerId: string;
  responseUrl?: string;
}) {
  return {
    token: 'deprecated',
    team_id: 'T0LOCAL01',
    team_domain: 'local',
    channel_id: 'C0LOCAL01',
    channel_name: 'aws-chatops',
    user_id: options.userId ?? 'U0LOCAL01',
    user_name: 'someone',
    command: options.command,
    text: options.text ?? '',
    api_app_id: 'A0LOCAL01',
    response_url: options.responseUrl ?? `https://hooks.slack.com/commands/T0LOCAL01/1/${options.triggerId}`,
    trigger_id: options.triggerId,
  };
}

/** A message shortcut (`message_action`) used on a message with `files`. */
export function messageShortcutPayload(options: {
  callbackId: string;
  userId: string;
  triggerId: string;
  files?: { id?: string; name?: string; title?: string; mode?: string }[];
}) {
  return {
    type: 'message_action',
    token: 'deprecated',
    action_ts: '1700000000.000002',
    team: { id: 'T0LOCAL01', domain: 'local' },
    user: { id: options.userId, name: 'someone', username: 'someone', team_id: 'T0LOCAL01' },
    channel: { id: 'C0LOCAL01', name: 'aws-chatops' },
    callback_id: options.callbackId,
    trigger_id: options.triggerId,
    message_ts: '1700000000.000100',
    message: {
      type: 'message',
      user: 'U0POSTER01',
      ts: '1700000000.000100',
      text: 'the data',
      ...(options.files ? { files: options.files } : {}),
    },
    response_url: `https://hooks.slack.com/app/T0LOCAL01/1/${options.triggerId}`,
  };
}

function formPayload(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * A button click on the Home tab (`block_actions` from a view, as *block_actions payloads* shows for surfaces that
 * are views): `container: { type: 'view', view_id }` and the `view`; no channel, message or response_url.
 */
export function homeActionBody(options: {
  actionId: string;
  value: string;
  userId: string;
  triggerId: string;
}) {
  return formPayload({
    ...envelope('block_actions', options.userId),
    container: { type: 'view', view_id: 'V0HOME0001' },
    view: {
      id: 'V0HOME0001',
      type: 'home',
      team_id: 'T0LOCAL01',
      blocks: [],
      private_metadata: '',
      hash: 'h',
    },
    trigger_id: options.triggerId,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'home',
        value: options.value,
        text: { type: 'plain_text', text: 'Unmute' },
        action_ts: '1700000000.000001',
      },
    ],
  });
}
