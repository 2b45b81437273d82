import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import {
  MUTE_DURATION_BLOCK,
  MUTE_SCOPE_BLOCK,
  MUTE_UNTIL_BLOCK,
} from '../../../../blocks/health-mute-modal';
import type { HealthMuteJob } from '../../../health/health-jobs';
import { muteModalStateSchema, muteUntil } from '../../../health/mute-modal-state';
import { MUTE_REFUSAL, mayMute } from '../../../health/mute-permission';
import { acceptJob, JobRefusedError } from '../../../jobs/accept-job';
import { logger } from '../../../lambda/logger';
import { userGroupMembers } from '../../api/user-group-members';
import { auditRefusal } from '../audit-refusal';
import type { SlackAppDeps } from '../deps';
import { loadViewMetadata, STALE_VIEW_MESSAGE } from '../view-metadata';

/** The Mute modal's submit: the person checked again, the choice checked, then the worker mutes and announces. */
export function healthMuteSubmit(deps: SlackAppDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const errors = (block: string, message: string) =>
      ack({ response_action: 'errors', errors: { [block]: message.slice(0, 2000) } });
    const values = view.state.values;
    if (!(await mayMute(body.user.id, deps.config, userGroupMembers(client)))) {
      await auditRefusal({ action: 'health.mute', target: view.id }, body.user.id, deps, client);
      return errors(MUTE_SCOPE_BLOCK, MUTE_REFUSAL);
    }
    const state = await loadViewMetadata(deps.store, muteModalStateSchema, view.private_metadata);
    if (!state) return errors(MUTE_SCOPE_BLOCK, STALE_VIEW_MESSAGE);
    const scope = state.scopes[Number(values[MUTE_SCOPE_BLOCK]?.value?.selected_option?.value ?? -1)];
    if (!scope) return errors(MUTE_SCOPE_BLOCK, 'Choose which alerts to mute.');
    const until = muteUntil(
      values[MUTE_DURATION_BLOCK]?.value?.selected_option?.value,
      values[MUTE_UNTIL_BLOCK]?.value?.selected_date ?? undefined,
      new Date(),
    );
    if (!until.ok) return errors(MUTE_UNTIL_BLOCK, until.problem);
    const job: HealthMuteJob = {
      kind: 'health.mute',
      id: view.id,
      reply: {
        responseUrl: state.responseUrl,
        userId: body.user.id,
        channelId: state.channelId,
        replaceOriginal: false,
      },
      actor: body.user.id,
      channelId: state.channelId,
      ts: state.ts,
      scope,
      until: until.until,
    };
    try {
      await acceptJob(job, deps);
      await ack();
    } catch (error) {
      if (error instanceof JobRefusedError)
        return errors(MUTE_SCOPE_BLOCK, `Nothing was muted. ${error.sentence}`);
      logger.error('could not start the mute job', { error });
      await errors(MUTE_SCOPE_BLOCK, 'Could not mute just now. Please try again in a minute.');
    }
  };
}
