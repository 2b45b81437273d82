import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { usageReply } from '../../../../blocks/help';
import { noticeReply } from '../../../../blocks/notice';
import { parseBackfillArgs, TAG_DOC } from '../../../autotag/backfill-job';
import { BACKFILL_REFUSED, mayBackfill } from '../../../autotag/backfill-permission';
import type { JobOfKind } from '../../../jobs/job';
import { logger } from '../../../lambda/logger';
import { commandWords } from '../../api/command-words';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';
import { ackBody, replyTargetOf, startJobAndAck } from '../slash-command';

/** `/aws-tag backfill …`: allow-listed; the CloudTrail scan runs in the worker, nothing is tagged before a confirmation. */
export function awsTagCommand(deps: SlackAppDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, client }) => {
    const args = parseBackfillArgs(commandWords(command.text), deps.accounts);
    if (!args.ok) {
      await ack(ackBody(usageReply(args.problem, TAG_DOC)));
      return;
    }
    if (!(await mayBackfill(command.user_id, deps.config, userGroupMembers(client)))) {
      logger.info('backfill refused', { user: command.user_id });
      await deps.store.audit({
        action: 'autotag.backfill',
        actor: command.user_id,
        target: 'scan',
        result: 'refused',
      });
      await ack(ackBody(noticeReply('problem', BACKFILL_REFUSED)));
      return;
    }
    const job: JobOfKind<'autotag-backfill-scan'> = {
      kind: 'autotag-backfill-scan',
      id: command.trigger_id,
      reply: replyTargetOf(command),
      actor: command.user_id,
      windowDays: args.windowDays,
      ...(args.account ? { account: args.account } : {}),
      ...(args.region ? { region: args.region } : {}),
    };
    const where = `${args.account ? ` in ${args.account.name ?? args.account.id}` : ''}${args.region ? ` ${args.region}` : ''}`;
    await startJobAndAck(
      job,
      ack,
      deps,
      `Reading CloudTrail for the last ${args.windowDays} days${where} (2 requests a second per account and region)…`,
      TAG_DOC,
    );
  };
}
