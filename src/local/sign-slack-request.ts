import { createHmac } from 'node:crypto';

/**
 * Headers of a request signed the way Slack signs them (v0, HMAC-SHA256 of `v0:<timestamp>:<body>`).
 * Used by `npm run slack`, the tests and the benchmark to play Slack against a local bot.
 */
export function slackSignatureHeaders(
  body: string,
  signingSecret: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${body}`)
    .digest('hex');
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

/** The form body Slack posts for a slash command. */
export function slashCommandBody(fields: {
  command: string;
  text?: string;
  responseUrl: string;
  triggerId?: string;
  userId?: string;
  channelId?: string;
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0LOCAL01',
    team_domain: 'local',
    channel_id: fields.channelId ?? 'C0LOCAL01',
    channel_name: 'aws-chatops-local',
    user_id: fields.userId ?? 'U0LOCAL01',
    user_name: 'local.user',
    command: fields.command,
    text: fields.text ?? '',
    api_app_id: 'A0LOCAL01',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `${Date.now()}.${Math.floor(Math.random() * 1e9)}.local`,
  }).toString();
}

/** Posts a form body (a slash command, an interaction) to the bot's events URL the way Slack does: signed. */
export function postAsSlack(
  eventsUrl: string,
  body: string,
  signingSecret: string,
  timestampSeconds?: number,
): Promise<Response> {
  return fetch(eventsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackSignatureHeaders(body, signingSecret, timestampSeconds),
    },
    body,
  });
}
