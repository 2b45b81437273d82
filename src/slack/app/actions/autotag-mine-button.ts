import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import { checkClick } from '../../../autotag/check-click';
import type { AutotagRetagJob } from '../../../autotag/retag-job';
import { acceptJob, JobRefusedError } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { toRespondArguments } from '../bolt-reply';
import type { SlackAppDeps } from '../deps';
import { clickOf } from './autotag-click';

/** "It's mine": the launcher (or an allow-listed person) becomes the owner; the worker tags and edits. */
export function autotagMineButton(
  deps: SlackAppDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = clickOf(body, action);
    const check = await checkClick(click, { ...deps, groupMembers: userGroupMembers(client) });
    const answer = async (kind: 'working' | 'problem', text: string) => {
      await respond(toRespondArguments(noticeReply(kind, text), { replaceOriginal: false }));
    };
    if (!check.ok) return answer('problem', check.reason);
    const job: AutotagRetagJob = {
      kind: 'autotag-retag',
      id: body.trigger_id,
      reply: {
        responseUrl: body.response_url,
        userId: click.userId,
        channelId: click.channelId ?? 'unknown',
        replaceOriginal: false,
      },
      noticeId: click.noticeId,
      actor: click.userId,
      owner: { slackUserId: click.userId },
      confirm: true,
    };
    try {
      if ((await acceptJob(job, deps)) === 'duplicate') return;
      await answer('working', 'Marking these resources as yours…');
    } catch (error) {
      if (error instanceof JobRefusedError) {
        logger.warn('retag refused before it started', {
          noticeId: click.noticeId,
          problems: error.problems,
        });
        return answer('problem', `Nothing was changed. ${error.sentence}`);
      }
      logger.error('could not start the retag job', { error, noticeId: click.noticeId });
      await answer('problem', 'Could not start that just now. Please try again in a minute.');
    }
  };
}
