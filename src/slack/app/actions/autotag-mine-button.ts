import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import { planMineClick } from '../../../autotag/plan-mine-click';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { clickOf } from './autotag-click';

/** "It's mine": acked at once, planned by the feature, then the worker tags and edits the notice. */
export function autotagMineButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = async (kind: 'working' | 'problem', text: string) => {
      await respond(replyBody(noticeReply(kind, text), { replaceOriginal: false }));
    };
    const plan = await planMineClick(
      { click: clickOf(body, action), triggerId: body.trigger_id, responseUrl: body.response_url },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'refused') return answer('problem', plan.reason);
    const start = await startJob(plan.job, deps);
    switch (start.status) {
      case 'started':
        return answer('working', plan.working);
      case 'duplicate':
        return; // a Slack retry of the click: the first delivery answered
      case 'refused':
        return answer('problem', `Nothing was changed. ${start.sentence}`);
      case 'failed':
        return answer('problem', 'Could not start that just now. Please try again in a minute.');
    }
  };
}
