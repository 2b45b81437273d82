import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import type { HealthExpandJob } from '../../../health/health-jobs';
import type { SlackAppDeps } from '../deps';
import { answerClick, clickReplyTarget, healthClickOf, startClickJob } from './health-click';

/** "Post as alert" on a digest line: anyone may; the worker posts the alert (bound to this digest message). */
export function healthDigestExpandButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond }) => {
    await ack();
    const click = healthClickOf(body);
    const index = Number(action.value);
    if (!click.channelId || !click.ts || click.ephemeral || !Number.isInteger(index))
      return void (await answerClick(
        respond,
        noticeReply('problem', 'That button only works on a Health digest.'),
      ));
    const job: HealthExpandJob = {
      kind: 'health.expand',
      id: body.trigger_id,
      reply: clickReplyTarget(body, click),
      actor: click.userId,
      channelId: click.channelId,
      ts: click.ts,
      index,
    };
    await startClickJob(job, deps, respond);
  };
}
