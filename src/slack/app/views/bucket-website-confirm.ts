import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { bucketNoticeModal } from '../../../../blocks/bucket-website-modal';
import { auditBucketRefusal } from '../../../buckets/audit-bucket-refusal';
import { websiteConfirmMetadata } from '../../../buckets/modal-metadata';
import { planWebsiteConfirm } from '../../../buckets/plan-website-confirm';
import { startJob } from '../../../jobs/start-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { bucketAuditDeps } from '../bucket-audit-deps';
import type { SlackAppDeps } from '../deps';
import { loadViewMetadata, STALE_VIEW_MESSAGE } from '../view-metadata';
import { notStartedModal, postWorkingLine } from './bucket-modal-start';

/**
 * "Make it public" in the website confirmation: checked again by the feature, then the worker gets the job (keyed
 * by the view id, so a Slack retry of the submission starts nothing twice) and the modal closes.
 */
export function bucketWebsiteConfirm(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const plan = await planWebsiteConfirm(
      {
        viewId: view.id,
        userId: body.user.id,
        metadata: await loadViewMetadata(deps.store, websiteConfirmMetadata, view.private_metadata),
      },
      { config: deps.config, accounts: deps.accounts, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'stale') {
      logger.warn('website confirmation with expired or unknown metadata', { viewId: view.id });
      return ack({
        response_action: 'update',
        view: bucketNoticeModal('Nothing changed', STALE_VIEW_MESSAGE),
      });
    }
    if (plan.type === 'refused') {
      await auditBucketRefusal(plan.refusal, body.user.id, bucketAuditDeps(deps, client));
      return ack({ response_action: 'update', view: bucketNoticeModal('Nothing changed', plan.message) });
    }
    const start = await startJob(plan.job, deps);
    const notStarted = notStartedModal(start, {
      refusedTitle: 'Nothing changed',
      failed: 'Could not start that just now; nothing changed. Please try again.',
    });
    if (notStarted) return ack({ response_action: 'update', view: notStarted });
    await ack();
    // A Slack retry of a started submission: the first delivery posted the working line.
    if (start.status === 'started') await postWorkingLine(plan.job.reply.responseUrl, plan.working, deps);
  };
}
