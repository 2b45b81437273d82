import { onItReply } from '../../blocks/health-mute-replies';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { logger } from '../lambda/logger';
import { auditHealthAction } from './audit-health-action';
import { alertRenderer, type HealthJobDeps } from './health-job-deps';
import type { HealthWatchJob } from './health-jobs';
import type { MessageState } from './health-state';
import { findPostedAlert } from './message-index';

export const NOT_AN_ALERT = 'That button only works on a Health alert the bot posted in this channel.';

/** Adds the person to the alert's "on it" line, or takes them off when they are on it already. */
export function toggleWatcher(state: MessageState, userId: string): MessageState {
  const watchers = state.watchers ?? [];
  const on = watchers.includes(userId);
  return {
    ...state,
    watchers: on ? watchers.filter((id) => id !== userId) : [...watchers, userId],
    everWatched: [...new Set([...(state.everWatched ?? []), userId])],
  };
}

/**
 * "I'm on it": edits the alert in place (under the alert's render lock, so a delivery never loses the line) and,
 * the first time a person clicks it, says so in the thread. A second click takes them off, without a reply.
 */
export async function runHealthWatch(
  job: HealthWatchJob,
  deps: HealthJobDeps,
): Promise<SlackReply | undefined> {
  const alert = await findPostedAlert(deps.store, job.channelId, job.ts);
  if (!alert) return noticeReply('problem', NOT_AN_ALERT);
  const result = await alertRenderer(deps).changeMessage(alert.eventArn, alert.channel, (state) =>
    toggleWatcher(state, job.actor),
  );
  if (!result) return noticeReply('problem', NOT_AN_ALERT);
  const on = result.after.watchers?.includes(job.actor) ?? false;
  logger.info('health alert watchers changed', { eventArn: alert.eventArn, user: job.actor, on });
  await auditHealthAction(
    { action: 'health.onit', actor: job.actor, target: alert.eventArn, result: 'ok', detail: { on } },
    deps,
  );
  if (on && !result.before.everWatched?.includes(job.actor)) {
    await deps.sink.post(job.channelId, onItReply(job.actor), { threadTs: job.ts });
  }
  return undefined;
}
