import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { AccountDirectory } from '../aws/account-directory';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import { commandWords } from '../slack/api/command-words';
import type { ReplyTarget } from '../slack/api/reply-target';
import type { StateStore } from '../store/state-store';
import { type BackfillScanJob, parseBackfillArgs, TAG_DOC } from './backfill-job';
import { BACKFILL_REFUSED, mayBackfill } from './backfill-permission';

export type TagCommandPlan =
  | { type: 'reply'; reply: SlackReply }
  | { type: 'job'; job: BackfillScanJob; working: string };

/**
 * `/aws-tag backfill …`: the usage; a refusal (not on the backfill allow-list; audited); or the CloudTrail scan's
 * job — nothing is tagged before the confirmation.
 */
export async function planTagCommand(
  input: { text: string; triggerId: string; reply: ReplyTarget },
  deps: { config: AppConfig; accounts: AccountDirectory; store: StateStore; groupMembers: GroupMembers },
): Promise<TagCommandPlan> {
  const args = parseBackfillArgs(commandWords(input.text), deps.accounts);
  if (!args.ok) return { type: 'reply', reply: usageReply(args.problem, TAG_DOC) };
  const actor = input.reply.userId;
  if (!(await mayBackfill(actor, deps.config, deps.groupMembers))) {
    await deps.store.audit({ action: 'autotag.backfill', actor, target: 'scan', result: 'refused' });
    return { type: 'reply', reply: noticeReply('problem', BACKFILL_REFUSED) };
  }
  const where = `${args.account ? ` in ${args.account.name ?? args.account.id}` : ''}${args.region ? ` ${args.region}` : ''}`;
  return {
    type: 'job',
    job: {
      kind: 'autotag-backfill-scan',
      id: input.triggerId,
      reply: input.reply,
      actor,
      windowDays: args.windowDays,
      ...(args.account ? { account: args.account } : {}),
      ...(args.region ? { region: args.region } : {}),
    },
    working: `Reading CloudTrail for the last ${args.windowDays} days${where} (2 requests a second per account and region)…`,
  };
}
