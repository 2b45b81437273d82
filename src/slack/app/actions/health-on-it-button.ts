import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import type { HealthWatchJob } from '../../../health/health-jobs';
import { NOT_AN_ALERT } from '../../../health/run-watch-job';
import type { SlackAppDeps } from '../deps';
import { answerClick, clickReplyTarget, healthClickOf, startClickJob } from './health-click';

/** "I'm on it" on a Health alert: anyone may click; the worker edits the alert (bound to this message). */
export function healthOnItButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, respond }) => {
    await ack();
    const click = healthClickOf(body);
    if (!click.channelId || !click.ts || click.ephemeral)
      return void (await answerClick(respond, noticeReply('problem', NOT_AN_ALERT)));
    const job: HealthWatchJob = {
      kind: 'health.watch',
      id: body.trigger_id,
      reply: clickReplyTarget(body, click),
      actor: click.userId,
      channelId: click.channelId,
      ts: click.ts,
    };
    await startClickJob(job, deps, respond);
  };
}
