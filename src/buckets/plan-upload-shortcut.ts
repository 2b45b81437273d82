import type { ModalView } from '@slack/types';
import { uploadModal } from '../../blocks/bucket-upload-modal';
import type { AccountDirectory } from '../aws/account-directory';
import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { ReplyTarget } from '../slack/api/reply-target';
import type { BucketRefusal } from './audit-bucket-refusal';
import { mayRunBucketCommand } from './bucket-access';
import { bucketAccount } from './bucket-account';
import type { UploadMetadata } from './modal-metadata';

/** A file of the message the shortcut was used on, as Slack sends it (only the fields read here). */
export interface MessageFile {
  id?: string;
  name?: string;
  title?: string;
  mode?: string;
}

export interface UploadShortcutInput {
  reply: ReplyTarget;
  userName: string | undefined;
  files: readonly MessageFile[];
}

/** What the "Upload to S3" listener does: tell the person why not (audited when refused), or open the modal. */
export type UploadShortcutPlan =
  | { type: 'refused'; message: string; refusal?: BucketRefusal }
  | { type: 'open'; metadata: UploadMetadata; view: (privateMetadata: string) => ModalView };

/** As many as the modal's stored metadata keeps (uploadMetadata). */
const MAX_FILES = 20;

/**
 * Message shortcut "Upload to S3": allowed people get a modal to pick one of the message's files, the account and
 * the bucket. Nothing is downloaded here; the worker fetches the file by id after the submission.
 */
export async function planUploadShortcut(
  input: UploadShortcutInput,
  deps: {
    config: Pick<AppConfig, 'slack' | 'buckets'>;
    accounts: AccountDirectory;
    groupMembers: GroupMembers;
  },
): Promise<UploadShortcutPlan> {
  const { userId } = input.reply;
  if (!(await mayRunBucketCommand('upload', userId, deps.config, deps.groupMembers))) {
    return {
      type: 'refused',
      message: 'You are not on the allow-list for uploads to S3, so nothing was done.',
      refusal: { action: 'bucket.upload', target: '(shortcut)', reason: 'not on the allow-list for upload' },
    };
  }
  const files = uploadableFiles(input.files);
  if (files.length === 0) {
    return {
      type: 'refused',
      message:
        'That message has no file the bot can upload. Use the shortcut on a message with an attached file.',
    };
  }
  const metadata: UploadMetadata = {
    reply: input.reply,
    files,
    ...(input.userName ? { userName: input.userName.slice(0, 80) } : {}),
  };
  const choice = bucketAccount(undefined, deps.accounts, deps.config);
  const accounts = deps.accounts.configured.map((a) => ({ id: a.id, label: `${a.name} (${a.id})` }));
  return {
    type: 'open',
    metadata,
    view: (privateMetadata) =>
      uploadModal({
        files,
        accounts,
        ...(choice.ok ? { defaultAccountId: choice.account.id } : {}),
        privateMetadata,
      }),
  };
}

/** Files Slack hosts (not deleted, not external links), with a name to show and to use as the object key. */
function uploadableFiles(files: readonly MessageFile[]): UploadMetadata['files'] {
  return files
    .filter(
      (f): f is MessageFile & { id: string } =>
        typeof f.id === 'string' && f.mode !== 'tombstone' && f.mode !== 'external',
    )
    .slice(0, MAX_FILES)
    .map((f) => ({ id: f.id, name: (f.name ?? f.title ?? f.id).slice(0, 255) }));
}
