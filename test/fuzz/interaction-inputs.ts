import { hostileText } from './hostile-text';
import type { Prng } from './prng';

/**
 * Interactivity payloads in the shapes Slack documents (api.slack.com/reference/interaction-payloads:
 * block_actions, view_submission, message_action), with hostile values where a person or a forger controls them.
 */
export interface InteractionContext {
  userId: string;
  /** A response_url on the Slack stand-in for this input. */
  responseUrl: string;
  /** A URL off Slack's hosts: anything posted there is a leak. */
  foreignUrl: string;
  /** Notice ids the bot posted (Retag buttons), so some clicks reach a real notice. */
  noticeIds: readonly string[];
  /** Unique per input (trigger ids, view ids). */
  tag: string;
}

export const INTERACTIONS = ['block_actions', 'view_submission', 'message_action'] as const;
export type InteractionKind = (typeof INTERACTIONS)[number];

function envelope(type: string, ctx: InteractionContext) {
  return {
    type,
    token: 'deprecated',
    api_app_id: 'A0LOCAL01',
    team: { id: 'T0LOCAL01', domain: 'local' },
    user: { id: ctx.userId, username: 'someone', name: 'someone', team_id: 'T0LOCAL01' },
    trigger_id: `${ctx.tag}.trigger`,
  };
}

const noticeId = (rng: Prng, ctx: InteractionContext) =>
  ctx.noticeIds.length > 0 && rng.chance(0.6) ? rng.pick(ctx.noticeIds) : hostileText(rng);

const someUrl = (rng: Prng, ctx: InteractionContext) =>
  rng.chance(0.75)
    ? ctx.responseUrl
    : rng.pick([ctx.foreignUrl, 'not a url', 'https://hooks.slack.com.evil.example/x']);

export function blockAction(rng: Prng, ctx: InteractionContext): Record<string, unknown> {
  const actionId = rng.pick(['autotag_retag', 'autotag_mine', 'health_open_dashboard']);
  return {
    ...envelope('block_actions', ctx),
    container: {
      type: 'message',
      message_ts: '1700000000.000001',
      channel_id: 'C0STAGING1',
      is_ephemeral: false,
    },
    channel: { id: rng.chance(0.8) ? 'C0STAGING1' : hostileText(rng), name: 'aws-alerts' },
    message: {
      type: 'message',
      ts: rng.chance(0.8) ? '1700000000.000001' : hostileText(rng),
      text: 'notice',
    },
    response_url: ctx.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'autotag_actions',
        value: rng.chance(0.9) ? noticeId(rng, ctx) : 'x'.repeat(rng.int(1000, 2100)),
        text: { type: 'plain_text', text: 'Retag' },
        action_ts: '1700000000.000002',
      },
    ],
  };
}

function privateMetadata(callbackId: string, rng: Prng, ctx: InteractionContext): string {
  if (rng.chance(0.15)) return rng.pick(['', '{', 'null', '[]', hostileText(rng)]);
  const reply = {
    responseUrl: someUrl(rng, ctx),
    userId: ctx.userId,
    channelId: 'C0LOCAL01',
    teamId: 'T0LOCAL01',
  };
  const doc = () =>
    rng.chance(0.7) ? rng.pick(['index.html', 'error.html', '', '../../x']) : hostileText(rng);
  switch (callbackId) {
    case 'autotag_retag_modal':
      return JSON.stringify({ noticeId: noticeId(rng, ctx), responseUrl: someUrl(rng, ctx) });
    case 'bucket_website_confirm':
      return JSON.stringify({
        bucket: rng.chance(0.8) ? rng.pick(['stg-site', 'payments-x', 'prod-data']) : hostileText(rng),
        account: { id: rng.pick(['333333333333', '222222222222', '123456789012']), name: 'staging' },
        indexDocument: doc(),
        errorDocument: doc(),
        reply,
      });
    default:
      return JSON.stringify({
        reply,
        files: [
          {
            id: rng.pick(['F0FILE001', hostileText(rng)]),
            name: rng.pick(['a.csv', '../../x', hostileText(rng)]),
          },
        ],
      });
  }
}

export function viewSubmission(rng: Prng, ctx: InteractionContext): Record<string, unknown> {
  const callbackId = rng.pick(['autotag_retag_modal', 'bucket_website_confirm', 'bucket_upload_submit']);
  const text = () => (rng.chance(0.3) ? null : hostileText(rng));
  return {
    ...envelope('view_submission', ctx),
    view: {
      id: `V${ctx.tag}`,
      team_id: 'T0LOCAL01',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata(callbackId, rng, ctx),
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Form' },
      blocks: [],
      state: {
        values: {
          owner_user: {
            value: { type: 'users_select', selected_user: rng.chance(0.3) ? 'U0ALICE001' : null },
          },
          owner_text: { value: { type: 'plain_text_input', value: text() } },
          upload_file: {
            file: {
              type: 'static_select',
              selected_option: { value: rng.pick(['F0FILE001', hostileText(rng)]) },
            },
          },
          upload_account: {
            account: {
              type: 'static_select',
              selected_option: { value: rng.pick(['333333333333', '123456789012']) },
            },
          },
          upload_bucket: {
            bucket: { type: 'plain_text_input', value: rng.chance(0.7) ? 'stg-data' : text() },
          },
          upload_prefix: { prefix: { type: 'plain_text_input', value: rng.chance(0.5) ? null : text() } },
        },
      },
    },
  };
}

export function messageShortcut(rng: Prng, ctx: InteractionContext): Record<string, unknown> {
  const files = Array.from({ length: rng.int(0, 25) }, (_, i) => ({
    id: rng.chance(0.9) ? `F0FILE${String(i).padStart(3, '0')}` : hostileText(rng),
    name: rng.chance(0.5) ? `report-${i}.csv` : hostileText(rng),
    mode: rng.pick(['hosted', 'hosted', 'tombstone', 'external']),
  }));
  return {
    ...envelope('message_action', ctx),
    callback_id: 'bucket_upload',
    action_ts: '1700000000.000003',
    message_ts: '1700000000.000001',
    response_url: ctx.responseUrl,
    channel: { id: 'C0LOCAL01', name: 'general' },
    message: { type: 'message', user: 'U0ALICE001', ts: '1700000000.000001', text: hostileText(rng), files },
  };
}

export function interactionPayload(kind: InteractionKind, rng: Prng, ctx: InteractionContext) {
  if (kind === 'block_actions') return blockAction(rng, ctx);
  if (kind === 'view_submission') return viewSubmission(rng, ctx);
  return messageShortcut(rng, ctx);
}
