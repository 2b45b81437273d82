import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { uploadModal } from '../../../../blocks/bucket-upload-modal';
import { noticeReply } from '../../../../blocks/notice';
import { mayRunBucketCommand } from '../../../buckets/bucket-access';
import { bucketAccount } from '../../../buckets/bucket-account';
import type { UploadMetadata } from '../../../buckets/modal-metadata';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import { toRespondArguments } from '../bolt-reply';
import type { SlackAppDeps } from '../deps';
import { saveViewMetadata } from '../view-metadata';

type MessageFile = { id?: string; name?: string; title?: string; mode?: string };

/**
 * Message shortcut "Upload to S3" on a message with files: allowed people get a modal to pick the file, the
 * account and the bucket. Nothing is downloaded here; the worker fetches the file by id after the submission.
 */
export function bucketUploadShortcut(
  deps: SlackAppDeps,
): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, respond }) => {
    await ack();
    const userId = shortcut.user.id;
    const tell = async (message: string): Promise<void> => {
      await respond(toRespondArguments(noticeReply('problem', message), { replaceOriginal: false }));
    };
    if (!(await mayRunBucketCommand('upload', userId, deps.config, userGroupMembers(client)))) {
      await auditRefusal(
        { action: 'bucket.upload', target: '(shortcut)', reason: 'not on the allow-list for upload' },
        userId,
        deps,
        client,
      );
      return tell('You are not on the allow-list for uploads to S3, so nothing was done.');
    }
    const files = ((shortcut.message as { files?: MessageFile[] }).files ?? [])
      .filter(
        (f): f is MessageFile & { id: string } =>
          typeof f.id === 'string' && f.mode !== 'tombstone' && f.mode !== 'external',
      )
      .slice(0, 20)
      .map((f) => ({ id: f.id, name: (f.name ?? f.title ?? f.id).slice(0, 255) }));
    if (files.length === 0)
      return tell(
        'That message has no file the bot can upload. Use the shortcut on a message with an attached file.',
      );
    const metadata: UploadMetadata = {
      reply: {
        responseUrl: shortcut.response_url,
        userId,
        channelId: shortcut.channel.id,
        teamId: shortcut.team?.id,
      },
      files,
      ...(shortcut.user.name ? { userName: shortcut.user.name.slice(0, 80) } : {}),
    };
    const choice = bucketAccount(undefined, deps.accounts, deps.config);
    try {
      const privateMetadata = await saveViewMetadata(deps.store, metadata);
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: uploadModal({
          files,
          accounts: deps.accounts.configured.map((a) => ({ id: a.id, label: `${a.name} (${a.id})` })),
          ...(choice.ok ? { defaultAccountId: choice.account.id } : {}),
          privateMetadata,
        }),
      });
    } catch (error) {
      logger.error('could not open the upload dialog', { error });
      await tell('Could not open the upload dialog. Please try the shortcut again.');
    }
  };
}
