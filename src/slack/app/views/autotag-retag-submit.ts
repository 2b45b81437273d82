import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  OWNER_INPUT_ACTION,
  OWNER_TEXT_BLOCK,
  OWNER_USER_BLOCK,
} from '../../../../blocks/autotag-retag-modal';
import { planRetagSubmit, retagNotStartedErrors } from '../../../autotag/plan-retag-submit';
import { startJob } from '../../../jobs/start-job';
import { userGroupMembers } from '../../api/user-group-members';
import type { SlackAppDeps } from '../deps';

/** The Retag modal's submit: planned by the feature, then the worker does the rest and the modal closes. */
export function autotagRetagSubmit(
  deps: SlackAppDeps,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const plan = await planRetagSubmit(
      {
        viewId: view.id,
        userId: body.user.id,
        ownerUserId: values[OWNER_USER_BLOCK]?.[OWNER_INPUT_ACTION]?.selected_user ?? undefined,
        ownerText: values[OWNER_TEXT_BLOCK]?.[OWNER_INPUT_ACTION]?.value ?? undefined,
        privateMetadata: view.private_metadata,
      },
      { ...deps, groupMembers: userGroupMembers(client) },
    );
    if (plan.type === 'errors') return ack({ response_action: 'errors', errors: plan.errors });
    const start = await startJob(plan.job, deps);
    if (start.status === 'refused' || start.status === 'failed')
      return ack({ response_action: 'errors', errors: retagNotStartedErrors(start) });
    await ack();
  };
}
