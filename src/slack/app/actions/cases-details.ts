import type { BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { caseDetailsLoading, caseDetailsProblem } from '../../../../blocks/case-details';
import { type CaseDetailsJob, parseCaseRef } from '../../../cases/case-details-job';
import { acceptJob } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import type { SlackAppDeps } from '../deps';

/** The value a Details click carries: a button's `value`, or the option picked in the report's Details menu. */
function clickedValue(action: BlockAction['actions'][number]): string | undefined {
  if (action.type === 'button') return action.value;
  if (action.type === 'static_select') return action.selected_option?.value;
  return undefined;
}

/**
 * Details on a case (a live case message's button, a report's menu): opens a "reading…" modal at once (Slack
 * allows 3 s for the trigger), then hands the reading to the worker, which fills the modal with views.update.
 * The case comes from the message the click came from (`account:caseId`, shape checked); the worker reads it with
 * the cases role, which only reads.
 */
export function casesDetails(deps: SlackAppDeps): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ ack, body, action, client }) => {
    await ack();
    const ref = parseCaseRef(clickedValue(action));
    if (!ref || !body.response_url) {
      logger.info('case details click without a case or a response URL', { user: body.user.id });
      return;
    }
    let viewId: string | undefined;
    try {
      viewId = (await client.views.open({ trigger_id: body.trigger_id, view: caseDetailsLoading() })).view
        ?.id;
    } catch (error) {
      logger.warn('views.open failed for case details', { error });
      return;
    }
    if (!viewId) return;
    const job: CaseDetailsJob = {
      kind: 'cases.details',
      id: body.trigger_id,
      reply: {
        responseUrl: body.response_url,
        userId: body.user.id,
        channelId: body.channel?.id ?? body.container?.channel_id ?? 'unknown',
        teamId: body.team?.id,
        replaceOriginal: false,
      },
      viewId,
      ...ref,
    };
    try {
      await acceptJob(job, deps);
    } catch (error) {
      logger.error('case details not started', { error });
      const problem = caseDetailsProblem(
        'Could not start reading the case just now. Close this and try again.',
      );
      await client.views.update({ view_id: viewId, view: problem }).catch(() => undefined);
    }
  };
}
