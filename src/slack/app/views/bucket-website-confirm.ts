import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { bucketNoticeModal } from '../../../../blocks/bucket-website-modal';
import { noticeReply } from '../../../../blocks/notice';
import { bucketPatternProblem, mayRunBucketCommand } from '../../../buckets/bucket-access';
import { bucketNameProblems } from '../../../buckets/bucket-name-rules';
import { bucketTarget } from '../../../buckets/bucket-target';
import { websiteConfirmMetadata } from '../../../buckets/modal-metadata';
import { acceptJob, JobRefusedError } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import { respondToUrl } from '../../api/response-url';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { loadViewMetadata, STALE_VIEW_MESSAGE } from '../view-metadata';

/**
 * "Make it public" in the website confirmation. The person pressing it is checked again (same person who asked,
 * still allowed, bucket still within the account's patterns) before the worker gets the job; the job id is the
 * view id, so a Slack retry of the submission starts nothing twice.
 */
export function bucketWebsiteConfirm(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const meta = await loadViewMetadata(deps.store, websiteConfirmMetadata, view.private_metadata);
    if (!meta || bucketNameProblems(meta.bucket).length > 0) {
      logger.warn('website confirmation with expired or unknown metadata', { viewId: view.id });
      return ack({
        response_action: 'update',
        view: bucketNoticeModal('Nothing changed', STALE_VIEW_MESSAGE),
      });
    }
    const userId = body.user.id;
    // The name comes from the directory, never from the metadata: name patterns may be keyed by account name.
    const account = deps.accounts.resolve(meta.account.id);
    const target = bucketTarget(meta.bucket, account);
    const refusal =
      userId !== meta.reply.userId
        ? 'Only the person who ran the command can confirm it.'
        : !(await mayRunBucketCommand('website', userId, deps.config, userGroupMembers(client)))
          ? 'You are not on the allow-list for /aws-bucket website.'
          : bucketPatternProblem(meta.bucket, account, deps.config);
    if (refusal) {
      await auditRefusal({ action: 'bucket.website', target, reason: refusal }, userId, deps, client);
      return ack({
        response_action: 'update',
        view: bucketNoticeModal('Nothing changed', `${refusal} Nothing was made public.`),
      });
    }
    let outcome: Awaited<ReturnType<typeof acceptJob>>;
    try {
      outcome = await acceptJob(
        {
          kind: 'bucket.website',
          id: view.id,
          reply: meta.reply,
          account: account.name ? { id: account.id, name: account.name } : { id: account.id },
          ...(meta.userName ? { userName: meta.userName } : {}),
          bucket: meta.bucket,
          indexDocument: meta.indexDocument,
          errorDocument: meta.errorDocument,
        },
        deps,
      );
    } catch (error) {
      if (error instanceof JobRefusedError) {
        return ack({
          response_action: 'update',
          view: bucketNoticeModal('Nothing changed', error.sentence),
        });
      }
      logger.error('could not start the website job', { viewId: view.id, error });
      return ack({
        response_action: 'update',
        view: bucketNoticeModal(
          'Not started',
          'Could not start that just now; nothing changed. Please try again.',
        ),
      });
    }
    await ack();
    if (outcome === 'duplicate') return; // a Slack retry: the first delivery posted the working line
    await respondToUrl(
      meta.reply.responseUrl,
      noticeReply('working', `Turning ${meta.bucket} into a public website…`),
      { allowedHosts: deps.responseUrlHosts },
    ).catch((error: unknown) => logger.warn('could not post the working line', { error }));
  };
}
