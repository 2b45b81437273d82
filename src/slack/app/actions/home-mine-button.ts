import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { planHomeMineClick } from '../../../autotag/plan-mine-click';
import { startJob } from '../../../jobs/start-job';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { answerHomeClick, homeClickOf, homeStartAnswer } from './home-click';

/** "It's mine" under "Your launches" on the Home tab: the Home binding check, then the same retag job. */
export function homeMineButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const click = homeClickOf(body, action);
    const plan = await planHomeMineClick(
      { noticeId: click.value, userId: click.userId, triggerId: click.triggerId },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'refused') return answerHomeClick(client, click.triggerId, 'problem', plan.reason);
    const answer = homeStartAnswer(await startJob(plan.job, deps), plan.working);
    if (answer) await answerHomeClick(client, click.triggerId, answer.kind, answer.text);
  };
}
