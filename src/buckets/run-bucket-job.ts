import type { S3Client } from '@aws-sdk/client-s3';
import { accountLabel } from '../../blocks/bucket-replies';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { AccountDirectory } from '../aws/account-directory';
import { AssumeRoleError } from '../aws/assume-role';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import { auditAction } from '../slack/api/audit-action';
import type { SlackFiles } from '../slack/api/slack-files';
import { SlackFileError } from '../slack/api/slack-files';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { bucketPatternProblem } from './bucket-access';
import type { BucketJob } from './bucket-jobs';
import { bucketTarget } from './bucket-target';
import { CsvConversionError } from './csv-to-json';
import { BucketJobError, isAccessDenied, s3ErrorName } from './s3-errors';

export interface BucketJobDeps {
  config: Pick<AppConfig, 'buckets' | 'organization' | 'slack'>;
  accounts: AccountDirectory;
  /** S3 acting through the account's `buckets` role, in a region. */
  clients: Pick<MemberClients, 's3'>;
  /** The worker's own region: the default for bucket tasks that name none. */
  botRegion: string;
  /** Files shared in Slack, read with the bot token (upload to S3). */
  slackFiles: SlackFiles;
  store: StateStore;
  sink: SlackSink;
}

export interface BucketJobResult {
  reply: SlackReply;
  /** Audit result; `ok` unless the task says otherwise (a name held by someone else is `refused`). */
  result?: 'ok' | 'refused';
  detail?: Record<string, unknown>;
}

/** An S3 client per region, acting through the account's `buckets` role (`roles.buckets` in config). */
export function s3InAccount(job: BucketJob, deps: BucketJobDeps): (region?: string) => S3Client {
  const role = deps.accounts.roleFor(job.account.id, 'buckets');
  return (region = deps.botRegion) => deps.clients.s3({ accountId: job.account.id, roleName: role, region });
}

/**
 * Runs one bucket task with what every task shares: the account's name patterns checked again for mutating
 * tasks (the worker never relies on the Slack side alone), errors people can act on turned into replies, and
 * an audit entry (state table + audit channel) for every mutating task whatever its outcome.
 */
export async function runBucketJob(
  job: BucketJob,
  deps: BucketJobDeps,
  options: { mutating: boolean; bucket?: string },
  task: (s3In: (region?: string) => S3Client) => Promise<BucketJobResult>,
): Promise<SlackReply> {
  const target = options.bucket ? bucketTarget(options.bucket, job.account) : accountLabel(job.account);
  // By the time this runs the action is done (or refused): a record that cannot be written is logged in full,
  // and the person is still told what really happened.
  const audit = async (result: 'ok' | 'refused' | 'failed', detail: Record<string, unknown>) => {
    if (!options.mutating) return;
    const entry = {
      action: job.kind,
      actor: job.reply.userId,
      target,
      result,
      detail: { ...detail, jobId: job.id },
    };
    await auditAction(entry, {
      store: deps.store,
      auditChannel: deps.config.slack.auditChannel,
      post: (c, m) => deps.sink.post(c, m),
    }).catch((error: unknown) => logger.error('bucket action NOT audited', { ...entry, error }));
  };

  // Patterns may be keyed by account name: the name comes from the directory, not from the job.
  const patternProblem =
    options.mutating &&
    options.bucket &&
    bucketPatternProblem(options.bucket, deps.accounts.resolve(job.account.id), deps.config);
  if (patternProblem) {
    await audit('refused', { reason: patternProblem });
    return noticeReply('problem', patternProblem);
  }
  try {
    const outcome = await task(s3InAccount(job, deps));
    await audit(outcome.result ?? 'ok', outcome.detail ?? {});
    return outcome.reply;
  } catch (error) {
    const known = explain(error, job, deps);
    if (!known) {
      await audit('failed', { error: `${s3ErrorName(error)}: ${(error as Error).message}` });
      throw error;
    }
    await audit('failed', { error: known.text });
    return known;
  }
}

/** The reply for an error a person can act on; undefined for the unexpected (runJob reports those). */
function explain(error: unknown, job: BucketJob, deps: BucketJobDeps): SlackReply | undefined {
  if (error instanceof BucketJobError) return noticeReply('problem', error.message, error.hint);
  if (error instanceof CsvConversionError) {
    return noticeReply(
      'problem',
      `Nothing was written: ${error.message}`,
      'Fix the CSV and run convert again.',
    );
  }
  if (error instanceof SlackFileError)
    return noticeReply('problem', `Could not read the file from Slack: ${error.message}`);
  const role = deps.accounts.roleFor(job.account.id, 'buckets');
  if (error instanceof AssumeRoleError) {
    return noticeReply(
      'problem',
      `Could not reach account ${accountLabel(job.account)}: ${error.reason}`,
      `Check that role ${role} exists there and trusts the bot (infra/bucket-role.yaml).`,
    );
  }
  if (isAccessDenied(error)) {
    return noticeReply(
      'problem',
      `S3 refused the bot's role ${role} in ${accountLabel(job.account)} (${s3ErrorName(error)}).`,
      'The role only covers buckets matching its BucketNamePattern; a bucket policy may deny it too.',
    );
  }
  return undefined;
}
