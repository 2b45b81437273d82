import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandStartReply } from '../../../../blocks/job-start-reply';
import { noticeReply } from '../../../../blocks/notice';
import { BUCKET_DOC } from '../../../buckets/command-doc';
import { planBucketCommand } from '../../../buckets/plan-bucket-command';
import { startJob } from '../../../jobs/start-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import { toRespondArguments } from '../bolt-reply';
import type { SlackAppDeps } from '../deps';
import { commandInput } from '../slash-command';
import { saveViewMetadata } from '../view-metadata';

/** `/aws-bucket …`: checked and allow-listed here, slow work in the worker, `website` only after a modal. */
export function awsBucketCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    const plan = await planBucketCommand(
      { ...commandInput(command), userName: command.user_name },
      { config: deps.config, accounts: deps.accounts, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'job') {
      const reply = commandStartReply(await startJob(plan.job, deps), plan.working, BUCKET_DOC);
      return reply ? ack(toRespondArguments(reply)) : ack();
    }
    if (plan.type === 'reply') {
      if (plan.refusal) await auditRefusal(plan.refusal, command.user_id, deps, client);
      return ack(toRespondArguments(plan.reply));
    }
    try {
      const privateMetadata = await saveViewMetadata(deps.store, plan.metadata);
      await client.views.open({ trigger_id: command.trigger_id, view: plan.view(privateMetadata) });
      await ack();
    } catch (error) {
      logger.error('could not open the website confirmation', { error });
      await ack(
        toRespondArguments(
          noticeReply('problem', 'Could not open the confirmation dialog.', 'Please run the command again.'),
        ),
      );
    }
  };
}
