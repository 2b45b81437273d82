import type { AccountDirectory } from '../aws/account-directory';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { BucketRefusal } from './audit-bucket-refusal';
import { bucketPatternProblem, mayRunBucketCommand } from './bucket-access';
import type { BucketJobOfKind } from './bucket-jobs';
import { bucketNameProblems } from './bucket-name-rules';
import { bucketTarget } from './bucket-target';
import type { WebsiteConfirmMetadata } from './modal-metadata';

export interface WebsiteConfirmSubmission {
  /** The modal's view id: the job's idempotency key, so a Slack retry of the submission starts nothing twice. */
  viewId: string;
  userId: string;
  /** What the bot stored when it opened the modal; undefined when it could not be loaded (expired, forged). */
  metadata: WebsiteConfirmMetadata | undefined;
}

/** What the website confirmation's listener does with a "Make it public": nothing (stale), refuse, or start. */
export type WebsiteConfirmPlan =
  | { type: 'stale' }
  | { type: 'refused'; message: string; refusal: BucketRefusal }
  | { type: 'job'; job: BucketJobOfKind<'bucket.website'>; working: string };

/**
 * The person pressing "Make it public" is checked again (the same person who asked, still allowed, the bucket still
 * within the account's patterns) before the worker gets the job.
 */
export async function planWebsiteConfirm(
  s: WebsiteConfirmSubmission,
  deps: {
    config: Pick<AppConfig, 'slack' | 'buckets'>;
    accounts: Pick<AccountDirectory, 'resolve'>;
    groupMembers: GroupMembers;
  },
): Promise<WebsiteConfirmPlan> {
  const meta = s.metadata;
  if (!meta || bucketNameProblems(meta.bucket).length > 0) return { type: 'stale' };
  // The name comes from the directory, never from the metadata: name patterns may be keyed by account name.
  const account = deps.accounts.resolve(meta.account.id);
  const refusal =
    s.userId !== meta.reply.userId
      ? 'Only the person who ran the command can confirm it.'
      : !(await mayRunBucketCommand('website', s.userId, deps.config, deps.groupMembers))
        ? 'You are not on the allow-list for /aws-bucket website.'
        : bucketPatternProblem(meta.bucket, account, deps.config);
  if (refusal) {
    return {
      type: 'refused',
      message: `${refusal} Nothing was made public.`,
      refusal: { action: 'bucket.website', target: bucketTarget(meta.bucket, account), reason: refusal },
    };
  }
  return {
    type: 'job',
    job: {
      kind: 'bucket.website',
      id: s.viewId,
      reply: meta.reply,
      account: account.name ? { id: account.id, name: account.name } : { id: account.id },
      ...(meta.userName ? { userName: meta.userName } : {}),
      bucket: meta.bucket,
      indexDocument: meta.indexDocument,
      errorDocument: meta.errorDocument,
    },
    working: `Turning ${meta.bucket} into a public website…`,
  };
}
