import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { TAG_DOC } from '../../../autotag/backfill-job';
import { planTagCommand } from '../../../autotag/plan-tag-command';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';

/** `/aws-tag backfill …`: planned (and allow-listed) by the feature; the CloudTrail scan runs in the worker. */
export function awsTagCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    const plan = await planTagCommand(commandInput(command), {
      ...deps,
      groupMembers: userGroupMembers(client),
    });
    if (plan.type === 'reply') return ack(replyBody(plan.reply));
    const reply = commandStartReply(await startJob(plan.job, deps), plan.working, TAG_DOC);
    await (reply ? ack(replyBody(reply)) : ack());
  };
}
