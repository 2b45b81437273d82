import { healthReminder } from '../../blocks/health-reminder';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { offsetMs } from './config-schema';
import { isDirectMessageChannel } from './direct-messages';
import { activeMutes, muteFor, type StoredMute } from './health-mutes';
import type { HealthRouter } from './health-router';
import { HEALTH_STATE_TTL_SECONDS, type MessageState } from './health-state';
import { listOpenEvents, type OpenEvent } from './open-events';

export interface RemindersDeps {
  store: StateStore;
  sink: SlackSink;
  router: Pick<HealthRouter, 'mentionsFor'>;
  /** `health.reminders`: offsets before the start (`7d`, `1d`, `1h`). */
  offsets: readonly string[];
  now: Date;
}

export interface RemindersOutcome {
  sent: number;
  /** Reminders another run (or an earlier one) already sent. */
  alreadySent: number;
}

/**
 * The offset whose reminder is due now: of those whose time has come before the start, the nearest to the start
 * (an event announced late gets one reminder, not three). Undefined when none is due or the change has started.
 */
export function dueOffset(startTime: string, offsets: readonly string[], now: Date): string | undefined {
  const start = Date.parse(startTime);
  if (!(start > now.getTime())) return undefined;
  const due = offsets.filter((offset) => start - offsetMs(offset) <= now.getTime());
  return due.sort((a, b) => offsetMs(a) - offsetMs(b))[0];
}

/** Every account of the event is muted from Slack: its reminders stay quiet too. */
function muted(event: OpenEvent, mutes: readonly StoredMute[]): boolean {
  return (
    event.accounts.length > 0 &&
    event.accounts.every((account) => muteFor(mutes, { ...event, accountId: account.id }))
  );
}

/**
 * healthReminders: for each upcoming scheduled change, a thread reply under each channel's alert when an offset
 * before its start is reached. Each (event, channel, offset) is claimed once in the state table, so a repeated
 * or overlapping run sends nothing twice; closed events are not listed, muted ones and started ones are skipped.
 */
export async function sendReminders(deps: RemindersDeps): Promise<RemindersOutcome> {
  const outcome: RemindersOutcome = { sent: 0, alreadySent: 0 };
  if (deps.offsets.length === 0) return outcome;
  const events = (await listOpenEvents(deps.store)).filter((e) => e.category === 'scheduledChange');
  const mutes = await activeMutes(deps.store, deps.now);
  for (const event of events) {
    const offset = dueOffset(event.startTime, deps.offsets, deps.now);
    if (!offset || muted(event, mutes)) continue;
    const messages = await deps.store.query<MessageState>(`health#${event.eventArn}`, { prefix: 'msg#' });
    for (const { sk, data } of messages) {
      if (!data.ts || !data.channelId) continue;
      const channel = sk.slice('msg#'.length);
      const claim = `health-reminder#${event.eventArn}#${channel}#${offset}`;
      if (!(await deps.store.claim(claim, HEALTH_STATE_TTL_SECONDS))) {
        outcome.alreadySent += 1;
        continue;
      }
      // Accounts may be routed by different routes to this channel: each one's mention is asked for.
      const mentions = [
        ...new Set(
          event.accounts.flatMap((account) =>
            deps.router.mentionsFor({ ...event, accountId: account.id }, channel),
          ),
        ),
      ];
      try {
        await deps.sink.post(
          data.channelId,
          healthReminder({ ...event, offset, mentions, watchers: data.watchers ?? [] }),
          { threadTs: data.ts },
        );
      } catch (error) {
        if (isDirectMessageChannel(channel)) {
          // A subscriber's DM (the person left, Slack rate-limits) is tried once and never holds up the channels.
          logger.warn('health reminder not sent to a subscriber', {
            eventArn: event.eventArn,
            channel,
            error,
          });
          continue;
        }
        // Not sent: the next run (or Lambda's retry) sends it.
        await deps.store.release(claim).catch(() => undefined);
        throw error;
      }
      outcome.sent += 1;
      logger.info('health reminder sent', { eventArn: event.eventArn, channel, offset });
    }
  }
  return outcome;
}
