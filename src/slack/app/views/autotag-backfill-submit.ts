import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { planBackfillSubmit } from '../../../autotag/plan-backfill-submit';
import { startJob } from '../../../jobs/start-job';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

/** The modal, replaced by one sentence: why the backfill did not start. */
const refusedView = (text: string) => ({
  type: 'modal' as const,
  title: { type: 'plain_text' as const, text: 'Backfill' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: text.slice(0, 2900) } }],
});

/** The backfill confirmation: planned by the feature, then the worker tags and the modal closes. */
export function autotagBackfillSubmit(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const plan = await planBackfillSubmit(
      { viewId: view.id, userId: body.user.id, privateMetadata: view.private_metadata },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'refused') return ack({ response_action: 'update', view: refusedView(plan.text) });
    const start = await startJob(plan.job, deps);
    if (start.status === 'refused' || start.status === 'failed') {
      return ack({
        response_action: 'update',
        view: refusedView('Could not start the backfill just now. Try again in a minute.'),
      });
    }
    await ack();
  };
}
