import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { UPLOAD_FIELDS } from '../../../../blocks/bucket-upload-modal';
import { bucketNoticeModal } from '../../../../blocks/bucket-website-modal';
import { auditBucketRefusal } from '../../../buckets/audit-bucket-refusal';
import { uploadMetadata } from '../../../buckets/modal-metadata';
import { planUpload } from '../../../buckets/plan-upload';
import { startJob } from '../../../jobs/start-job';
import { userGroupMembers } from '../../api/user-group-members';
import { bucketAuditDeps } from '../bucket-audit-deps';
import type { SlackAppDeps } from '../deps';
import { loadViewMetadata, STALE_VIEW_MESSAGE } from '../view-metadata';
import { notStartedModal, postWorkingLine } from './bucket-modal-start';

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
    if (plan.type !== 'job' && plan.audit)
      await auditBucketRefusal(plan.audit, body.user.id, bucketAuditDeps(deps, client));
    if (plan.type === 'errors') return ack({ response_action: 'errors', errors: plan.errors });
    if (plan.type === 'refused') {
      return ack({ response_action: 'update', view: bucketNoticeModal('Nothing uploaded', plan.message) });
    }
    const start = await startJob(plan.job, deps);
    const notStarted = notStartedModal(start, {
      refusedTitle: 'Nothing uploaded',
      failed: 'Could not start the upload just now. Please try again.',
    });
    if (notStarted) return ack({ response_action: 'update', view: notStarted });
    await ack();
    // A Slack retry of a started submission: the first delivery posted the working line.
    if (start.status === 'started') {
      const working = `Uploading to s3://${plan.job.bucket}/${plan.job.key}…`;
      await postWorkingLine(metadata.reply.responseUrl, working, deps);
    }
  };
}
