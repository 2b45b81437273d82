/** Interactivity payloads as Slack posts them (form field `payload`), for the Retag / It's mine flows. */
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
    type: 'block_actions',
    api_app_id: 'A0LOCAL01',
    token: 'deprecated',
    team: { id: 'T0LOCAL01', domain: 'local' },
    user: { id: options.userId, username: 'someone', team_id: 'T0LOCAL01' },
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
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function viewSubmissionBody(options: {
  viewId: string;
  userId: string;
  privateMetadata: string;
  ownerUser?: string;
  ownerText?: string;
}): string {
  const payload = {
    type: 'view_submission',
    api_app_id: 'A0LOCAL01',
    token: 'deprecated',
    team: { id: 'T0LOCAL01', domain: 'local' },
    user: { id: options.userId, username: 'someone', team_id: 'T0LOCAL01' },
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
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
