import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { HEALTH_DOC } from '../../../health/command-doc';
import { mayMute } from '../../../health/mute-permission';
import { planHealthCommand } from '../../../health/plan-health-command';
import { answerSubscriptionCommand, subscriptionVerbOf } from '../../../health/subscription-command';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';
import { subscriptionDeps } from '../subscription-deps';

/**
 * `/aws-health [mutes | <event ARN or id>]`: read from the state table by the worker, answered ephemerally.
 * `subscribe …` / `unsubscribe …` / `subscriptions` are answered here at once (a few DynamoDB requests).
 */
export function awsHealthCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    if (subscriptionVerbOf(command.text)) {
      const reply = await answerSubscriptionCommand(
        command.text,
        command.user_id,
        subscriptionDeps(deps, client),
      );
      return ack(replyBody(reply));
    }
    const plan = await planHealthCommand(commandInput(command), () =>
      mayMute(command.user_id, deps.config, userGroupMembers(client)),
    );
    if (plan.type === 'reply') return ack(replyBody(plan.reply));
    const reply = commandStartReply(await startJob(plan.job, deps), plan.working, HEALTH_DOC);
    await (reply ? ack(replyBody(reply)) : ack());
  };
}
