import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { HealthUnmuteJob } from '../../../health/health-jobs';
import { MUTE_REFUSAL, mayMute } from '../../../health/mute-permission';
import { startJob } from '../../../jobs/start-job';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { answerHomeClick, homeClickOf, homeStartAnswer } from './home-click';

/** Unmute under "Active Health mutes" on the Home tab: the Health allow-list again, then the same unmute job. */
export function homeUnmuteButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const click = homeClickOf(body, action);
    if (!(await mayMute(click.userId, deps.config, userGroupMembers(client)))) {
      await auditRefusal({ action: 'health.unmute', target: click.value }, click.userId, deps, client);
      return answerHomeClick(client, click.triggerId, 'problem', MUTE_REFUSAL);
    }
    const job: HealthUnmuteJob = {
      kind: 'health.unmute',
      id: click.triggerId,
      reply: { home: true, userId: click.userId },
      actor: click.userId,
      muteId: click.value,
    };
    const answer = homeStartAnswer(await startJob(job, deps), 'Lifting the mute…');
    if (answer) await answerHomeClick(client, click.triggerId, answer.kind, answer.text);
  };
}
