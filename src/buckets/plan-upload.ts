import type { AccountDirectory } from '../aws/account-directory';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import { bucketPatternProblem, mayRunBucketCommand } from './bucket-access';
import type { BucketJobOfKind } from './bucket-jobs';
import { bucketNameProblems } from './bucket-name-rules';
import { bucketTarget } from './bucket-target';
import type { UploadMetadata } from './modal-metadata';
import { objectKeyProblems } from './object-key';

export interface UploadSubmission {
  viewId: string;
  userId: string;
  fileId: string | undefined;
  accountId: string | undefined;
  bucket: string | undefined;
  prefix: string | undefined;
  metadata: UploadMetadata;
}

/** The job, or the problems to show next to the modal's fields (block id → message), or a refusal. */
export type UploadPlan =
  | { type: 'job'; job: BucketJobOfKind<'bucket.upload'> }
  | { type: 'errors'; errors: Record<string, string>; audit?: UploadRefusal }
  | { type: 'refused'; message: string; audit?: UploadRefusal };

type UploadRefusal = { action: string; target: string; reason: string };

/** `reports/2024` → `reports/2024/`; leading slashes dropped; empty stays empty. */
export function keyPrefix(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/**
 * Checks an upload modal submission again on the server side: the submitter is still allowed, the file is one
 * of the message's files, the account is known, the bucket name is valid and allowed in that account.
 */
export async function planUpload(
  s: UploadSubmission,
  deps: { config: AppConfig; accounts: AccountDirectory; groupMembers: GroupMembers },
  blocks: { file: string; account: string; bucket: string; prefix: string },
): Promise<UploadPlan> {
  if (s.userId !== s.metadata.reply.userId) {
    const message = 'Only the person who used the shortcut can submit this upload.';
    return {
      type: 'refused',
      message,
      audit: { action: 'bucket.upload', target: s.bucket?.trim() || '(no bucket chosen)', reason: message },
    };
  }
  if (!(await mayRunBucketCommand('upload', s.userId, deps.config, deps.groupMembers))) {
    const reason = 'not on the allow-list for upload';
    return {
      type: 'refused',
      message: 'You are not on the allow-list for uploads to S3, so nothing was done.',
      audit: { action: 'bucket.upload', target: s.bucket?.trim() || '(no bucket chosen)', reason },
    };
  }
  const errors: Record<string, string> = {};
  const file = s.metadata.files.find((f) => f.id === s.fileId);
  if (!file) errors[blocks.file] = 'Pick one of the files of the message.';
  const known = deps.accounts.configured.find((a) => a.id === s.accountId);
  if (!known) errors[blocks.account] = 'Pick one of the configured accounts.';
  const bucket = (s.bucket ?? '').trim();
  const nameProblems = bucketNameProblems(bucket);
  if (nameProblems.length > 0) errors[blocks.bucket] = nameProblems.join(' ').slice(0, 2000);
  const prefix = keyPrefix(s.prefix);
  const key = `${prefix}${file?.name ?? ''}`;
  if (file) {
    const [nameProblem] = objectKeyProblems(file.name);
    const [keyProblem] = objectKeyProblems(key);
    if (nameProblem) errors[blocks.file] = `${nameProblem} Rename the file in Slack, or pick another.`;
    else if (keyProblem) errors[blocks.prefix] = keyProblem.slice(0, 2000);
  }
  if (!file || !known || Object.keys(errors).length > 0) return { type: 'errors', errors };

  const account = { id: known.id, name: known.name };
  const patternProblem = bucketPatternProblem(bucket, account, deps.config);
  if (patternProblem) {
    return {
      type: 'errors',
      errors: { [blocks.bucket]: patternProblem.slice(0, 2000) },
      audit: { action: 'bucket.upload', target: bucketTarget(bucket, account), reason: patternProblem },
    };
  }
  return {
    type: 'job',
    job: {
      kind: 'bucket.upload',
      id: s.viewId,
      reply: s.metadata.reply,
      account,
      ...(s.metadata.userName ? { userName: s.metadata.userName } : {}),
      bucket,
      fileId: file.id,
      key,
    },
  };
}
