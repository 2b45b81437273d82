import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { startJob } from '../../../jobs/start-job';
import { WHOAMI_DOC } from '../../../whoami/command-doc';
import { planWhoamiCommand } from '../../../whoami/plan-whoami-command';
import { replyBody } from '../../api/reply-body';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';

/** `/aws-whoami [account]`: planned by the feature, the identity look-up runs in the worker. */
export function awsWhoamiCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack }) => {
    const plan = planWhoamiCommand(commandInput(command), deps.accounts);
    if (plan.type === 'reply') return ack(replyBody(plan.reply));
    const reply = commandStartReply(await startJob(plan.job, deps), plan.working, WHOAMI_DOC);
    await (reply ? ack(replyBody(reply)) : ack());
  };
}
