import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { OWNER_DOC } from '../../../autotag/owner-command-doc';
import { planOwnerCommand } from '../../../autotag/plan-owner-command';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';

/** `/aws-owner <ARN | instance id | bucket name>`: planned by the feature, the tag look-up runs in the worker. */
export function awsOwnerCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack }) => {
    const plan = planOwnerCommand(commandInput(command));
    if (plan.type === 'reply') return ack(replyBody(plan.reply));
    const reply = commandStartReply(await startJob(plan.job, deps), plan.working, OWNER_DOC);
    await (reply ? ack(replyBody(reply)) : ack());
  };
}
