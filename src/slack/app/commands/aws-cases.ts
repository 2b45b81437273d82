import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { CASES_DOC } from '../../../cases/command-doc';
import { planCasesCommand } from '../../../cases/plan-cases-command';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';

/** `/aws-cases`: planned by the feature, then the fan-out goes to the worker; the ack says what it covers. */
export function awsCasesCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack }) => {
    const plan = planCasesCommand(commandInput(command), deps);
    if (plan.type === 'reply') return ack(replyBody(plan.reply));
    const reply = commandStartReply(await startJob(plan.job, deps), plan.working, CASES_DOC);
    await (reply ? ack(replyBody(reply)) : ack());
  };
}
