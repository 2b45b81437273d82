import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usageReply } from '../../../../blocks/help';
import { HEALTH_DOC } from '../../../health/command-doc';
import type { HealthShowJob } from '../../../health/health-jobs';
import { mayMute } from '../../../health/mute-permission';
import { parseHealthArgs } from '../../../health/parse-health-args';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { ackBody, replyTargetOf, startJobAndAck } from '../slash-command';

/** `/aws-health [mutes | <event ARN or id>]`: read from the state table by the worker, answered ephemerally. */
export function awsHealthCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    const args = parseHealthArgs(command.text);
    if (!args.ok) return void (await ack(ackBody(usageReply(args.problem, HEALTH_DOC))));
    const canUnmute =
      args.query.what === 'mutes' && (await mayMute(command.user_id, deps.config, userGroupMembers(client)));
    const job: HealthShowJob = {
      kind: 'health.show',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      query: args.query,
      canUnmute,
    };
    await startJobAndAck(job, ack, deps, 'Looking at AWS Health…', HEALTH_DOC);
  };
}
