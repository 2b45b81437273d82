import { healthDashboardUrl } from '../../blocks/console-links';
import { healthEventMessage } from '../../blocks/health-message';
import { mutesReply, openEventsReply } from '../../blocks/health-overview';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { type HealthEventView, missingPages } from './event-view';
import type { HealthJobDeps } from './health-job-deps';
import type { HealthShowJob } from './health-jobs';
import { activeMutes } from './health-mutes';
import { eventKey } from './health-state';
import { listOpenEvents } from './open-events';
import { muteLine } from './run-mute-jobs';

/** The event's ARN: as given, or the open event whose ARN ends with the id given. */
async function eventArnOf(query: { eventArn?: string; eventId?: string }, deps: HealthJobDeps) {
  if (query.eventArn) return query.eventArn;
  const id = query.eventId ?? '';
  return (await listOpenEvents(deps.store)).find((e) => e.eventArn === id || e.eventArn.endsWith(`/${id}`))
    ?.eventArn;
}

/** `/aws-health`: open events, active mutes, or one event's full alert, from the state table; ephemeral. */
export async function runHealthShow(job: HealthShowJob, deps: HealthJobDeps): Promise<SlackReply> {
  const partition = deps.config.organization.partition;
  const { query } = job;
  if (query.what === 'open') {
    const events = await listOpenEvents(deps.store);
    return openEventsReply(events, (event) => healthDashboardUrl(event, partition));
  }
  if (query.what === 'mutes') {
    const mutes = await activeMutes(deps.store, deps.now());
    return mutesReply(mutes.map(muteLine), job.canUnmute, deps.config.health.mute.length);
  }
  const arn = await eventArnOf(query, deps);
  const record = arn ? await deps.store.get<HealthEventView>(eventKey(arn).pk, eventKey(arn).sk) : undefined;
  if (!record)
    return noticeReply(
      'problem',
      'The bot has no AWS Health event with that ARN or id.',
      'An id is looked up among open events; for a closed one give the full event ARN.',
    );
  const view = record.data;
  const message = healthEventMessage({
    view,
    dashboardUrl: healthDashboardUrl(view, partition),
    missingPages: missingPages(view),
    buttons: false,
  });
  return { ...message, responseType: 'ephemeral' };
}
