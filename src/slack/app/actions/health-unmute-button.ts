import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import type { HealthUnmuteJob } from '../../../health/health-jobs';
import { MUTE_REFUSAL, mayMute } from '../../../health/mute-permission';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { answerClick, clickReplyTarget, healthClickOf, startClickJob } from './health-click';

/** Unmute on a mute's thread reply or in `/aws-health mutes`: allowed people only; the worker lifts it. */
export function healthUnmuteButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = healthClickOf(body);
    if (!(await mayMute(click.userId, deps.config, userGroupMembers(client)))) {
      await auditRefusal({ action: 'health.unmute', target: action.value ?? '' }, click.userId, deps, client);
      return void (await answerClick(respond, noticeReply('problem', MUTE_REFUSAL)));
    }
    const job: HealthUnmuteJob = {
      kind: 'health.unmute',
      id: body.trigger_id,
      reply: clickReplyTarget(body, click),
      actor: click.userId,
      muteId: action.value ?? '',
      ...(click.channelId && click.ts && !click.ephemeral
        ? { message: { channelId: click.channelId, ts: click.ts } }
        : {}),
    };
    await startClickJob(job, deps, respond);
  };
}
