import type { ModalView } from '@slack/types';
import { accountLabel } from '../../blocks/bucket-replies';
import { websiteConfirmModal } from '../../blocks/bucket-website-modal';
import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { AccountDirectory } from '../aws/account-directory';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { ReplyTarget } from '../slack/api/reply-target';
import { bucketPatternProblem, MUTATING, mayRunBucketCommand } from './bucket-access';
import { bucketAccount } from './bucket-account';
import { parseBucketCommand } from './bucket-command-args';
import type { BucketJob } from './bucket-jobs';
import { bucketTarget } from './bucket-target';
import { BUCKET_DOC } from './command-doc';
import type { WebsiteConfirmMetadata } from './modal-metadata';

/** What the `/aws-bucket` listener does with a request; decided without any network call but group lookups. */
export type BucketCommandPlan =
  | { type: 'reply'; reply: SlackReply; refusal?: { action: string; target: string; reason: string } }
  | { type: 'job'; job: BucketJob; working: string }
  | { type: 'confirm'; metadata: WebsiteConfirmMetadata; view: (privateMetadata: string) => ModalView };

export interface BucketCommandInput {
  text: string;
  triggerId: string;
  userName?: string;
  reply: ReplyTarget;
}

export interface BucketPlanDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  groupMembers: GroupMembers;
}

const WORKING: Record<string, string> = {
  ls: 'Listing buckets',
  info: 'Reading the settings of',
  create: 'Checking the name and creating',
  convert: 'Converting',
};

export async function planBucketCommand(
  input: BucketCommandInput,
  deps: BucketPlanDeps,
): Promise<BucketCommandPlan> {
  const parsed = parseBucketCommand(input.text);
  if (!parsed.ok) {
    const [first = '', ...rest] = parsed.problems;
    return { type: 'reply', reply: usageReply([first, ...rest.map((p) => `• ${p}`)].join('\n'), BUCKET_DOC) };
  }
  const command = parsed.command;
  if (command.sub === 'help')
    return { type: 'reply', reply: usageReply('How /aws-bucket works:', BUCKET_DOC) };

  const choice = bucketAccount(command.account, deps.accounts, deps.config);
  if (!choice.ok) return { type: 'reply', reply: usageReply(choice.problem, BUCKET_DOC) };
  const account = choice.account.name
    ? { id: choice.account.id, name: choice.account.name }
    : { id: choice.account.id };
  const bucket = 'bucket' in command ? command.bucket : undefined;
  const target = bucket ? bucketTarget(bucket, account) : accountLabel(account);
  const action = `bucket.${command.sub}`;

  if (!(await mayRunBucketCommand(command.sub, input.reply.userId, deps.config, deps.groupMembers))) {
    const reason = `not on the allow-list for /aws-bucket ${command.sub}`;
    return {
      type: 'reply',
      reply: noticeReply(
        'problem',
        `You are not on the allow-list for /aws-bucket ${command.sub}, so nothing was done.`,
        'Ask a bot admin to add you (buckets.allow in the bot config).',
      ),
      ...(MUTATING.has(command.sub) ? { refusal: { action, target, reason } } : {}),
    };
  }
  if (bucket && MUTATING.has(command.sub)) {
    const problem = bucketPatternProblem(bucket, account, deps.config);
    if (problem)
      return {
        type: 'reply',
        reply: noticeReply('problem', problem),
        refusal: { action, target, reason: problem },
      };
  }

  const common = {
    id: input.triggerId,
    reply: input.reply,
    account,
    ...(input.userName ? { userName: input.userName.slice(0, 80) } : {}),
  };
  switch (command.sub) {
    case 'ls':
      return {
        type: 'job',
        job: { kind: 'bucket.ls', ...common, ...(command.prefix ? { prefix: command.prefix } : {}) },
        working: `${WORKING.ls} in ${target}…`,
      };
    case 'info':
      return {
        type: 'job',
        job: { kind: 'bucket.info', ...common, bucket: command.bucket },
        working: `${WORKING.info} ${command.bucket}…`,
      };
    case 'create':
      return {
        type: 'job',
        job: {
          kind: 'bucket.create',
          ...common,
          bucket: command.bucket,
          ...(command.region ? { region: command.region } : {}),
        },
        working: `${WORKING.create} ${command.bucket} in ${accountLabel(account)}…`,
      };
    case 'convert':
      return {
        type: 'job',
        job: { kind: 'bucket.convert', ...common, bucket: command.bucket, key: command.key, to: command.to },
        working: `${WORKING.convert} s3://${command.bucket}/${command.key} to JSON…`,
      };
    case 'website': {
      const metadata: WebsiteConfirmMetadata = {
        bucket: command.bucket,
        account,
        indexDocument: command.indexDocument,
        errorDocument: command.errorDocument,
        reply: input.reply,
        ...(common.userName ? { userName: common.userName } : {}),
      };
      return {
        type: 'confirm',
        metadata,
        view: (privateMetadata) =>
          websiteConfirmModal({
            bucket: command.bucket,
            account,
            indexDocument: command.indexDocument,
            errorDocument: command.errorDocument,
            privateMetadata,
          }),
      };
    }
  }
}
