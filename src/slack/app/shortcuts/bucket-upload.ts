import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { noticeReply } from '../../../../blocks/notice';
import { auditBucketRefusal } from '../../../buckets/audit-bucket-refusal';
import { type MessageFile, planUploadShortcut } from '../../../buckets/plan-upload-shortcut';
import { logger } from '../../../lambda/logger';
import { replyBody } from '../../api/reply-body';
import { userGroupMembers } from '../../api/user-group-members';
import { bucketAuditDeps } from '../bucket-audit-deps';
import type { SlackAppDeps } from '../deps';
import { saveViewMetadata } from '../view-metadata';

/** Message shortcut "Upload to S3": acked at once, planned by the feature, then the upload modal opens. */
export function bucketUploadShortcut(
  deps: SlackAppDeps,
): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut, client, respond }) => {
    await ack();
    const userId = shortcut.user.id;
    const tell = async (message: string): Promise<void> => {
      await respond(replyBody(noticeReply('problem', message), { replaceOriginal: false }));
    };
    const plan = await planUploadShortcut(
      {
        reply: {
          responseUrl: shortcut.response_url,
          userId,
          channelId: shortcut.channel.id,
          teamId: shortcut.team?.id,
        },
        userName: shortcut.user.name,
        files: (shortcut.message as { files?: MessageFile[] }).files ?? [],
      },
      { config: deps.config, accounts: deps.accounts, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'refused') {
      if (plan.refusal) await auditBucketRefusal(plan.refusal, userId, bucketAuditDeps(deps, client));
      return tell(plan.message);
    }
    try {
      const privateMetadata = await saveViewMetadata(deps.store, plan.metadata);
      await client.views.open({ trigger_id: shortcut.trigger_id, view: plan.view(privateMetadata) });
    } catch (error) {
      logger.error('could not open the upload dialog', { error });
      await tell('Could not open the upload dialog. Please try the shortcut again.');
    }
  };
}
