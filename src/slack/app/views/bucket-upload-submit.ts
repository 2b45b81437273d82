import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { UPLOAD_FIELDS } from '../../../../blocks/bucket-upload-modal';
import { bucketNoticeModal } from '../../../../blocks/bucket-website-modal';
import { noticeReply } from '../../../../blocks/notice';
import { uploadMetadata } from '../../../buckets/modal-metadata';
import { planUpload } from '../../../buckets/plan-upload';
import { acceptJob, JobRefusedError } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import { respondToUrl } from '../../api/response-url';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { loadViewMetadata, STALE_VIEW_MESSAGE } from '../view-metadata';

const BLOCKS = {
  file: UPLOAD_FIELDS.file.block,
  account: UPLOAD_FIELDS.account.block,
  bucket: UPLOAD_FIELDS.bucket.block,
  prefix: UPLOAD_FIELDS.prefix.block,
};

/** "Upload" in the upload modal: fields checked (errors shown next to them), then the worker does the copy. */
export function bucketUploadSubmit(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const metadata = await loadViewMetadata(deps.store, uploadMetadata, view.private_metadata);
    if (!metadata) {
      return ack({
        response_action: 'update',
        view: bucketNoticeModal('Nothing uploaded', STALE_VIEW_MESSAGE),
      });
    }
    const values = view.state.values;
    const value = (field: keyof typeof UPLOAD_FIELDS) =>
      values[UPLOAD_FIELDS[field].block]?.[UPLOAD_FIELDS[field].action];
    const plan = await planUpload(
      {
        viewId: view.id,
        userId: body.user.id,
        fileId: value('file')?.selected_option?.value,
        accountId: value('account')?.selected_option?.value,
        bucket: value('bucket')?.value ?? undefined,
        prefix: value('prefix')?.value ?? undefined,
        metadata,
      },
      { config: deps.config, accounts: deps.accounts, groupMembers: userGroupMembers(client) },
      BLOCKS,
    );
    if (plan.type !== 'job' && plan.audit) await auditRefusal(plan.audit, body.user.id, deps, client);
    if (plan.type === 'errors') return ack({ response_action: 'errors', errors: plan.errors });
    if (plan.type === 'refused') {
      return ack({ response_action: 'update', view: bucketNoticeModal('Nothing uploaded', plan.message) });
    }
    let outcome: Awaited<ReturnType<typeof acceptJob>>;
    try {
      outcome = await acceptJob(plan.job, deps);
    } catch (error) {
      if (error instanceof JobRefusedError) {
        return ack({
          response_action: 'update',
          view: bucketNoticeModal('Nothing uploaded', error.sentence),
        });
      }
      logger.error('could not start the upload job', { viewId: view.id, error });
      return ack({
        response_action: 'update',
        view: bucketNoticeModal('Not started', 'Could not start the upload just now. Please try again.'),
      });
    }
    await ack();
    if (outcome === 'duplicate') return; // a Slack retry: the first delivery posted the working line
    await respondToUrl(
      metadata.reply.responseUrl,
      noticeReply('working', `Uploading to s3://${plan.job.bucket}/${plan.job.key}…`),
      { allowedHosts: deps.responseUrlHosts },
    ).catch((error: unknown) => logger.warn('could not post the working line', { error }));
  };
}
