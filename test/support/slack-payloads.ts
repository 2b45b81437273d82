/** Interactivity payloads as Slack posts them (form field `payload`), for the Retag / It's mine flows. */

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

export function blockActionBody(options: {
  actionId: string;
  value: string;
  userId: string;
  channel: string;
  ts: string;
  triggerId: string;
  responseUrl: string;
}): string {
  const payload = {
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
  return formPayload(payload);
}

export function viewSubmissionBody(options: {
  viewId: string;
  userId: string;
  privateMetadata: string;
  ownerUser?: string;
  ownerText?: string;
}): string {
  const payload = {
    ...envelope('view_submission', options.userId),
    trigger_id: `${options.viewId}.trigger`,
    view: {
      id: options.viewId,
      team_id: 'T0LOCAL01',
      type: 'modal',
      callback_id: 'autotag_retag_modal',
      private_metadata: options.privateMetadata,
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Retag owner' },
      blocks: [],
      state: {
        values: {
          owner_user: { value: { type: 'users_select', selected_user: options.ownerUser ?? null } },
          owner_text: { value: { type: 'plain_text_input', value: options.ownerText ?? null } },
        },
      },
    },
  };
  return formPayload(payload);
}

function formPayload(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
