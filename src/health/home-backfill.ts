import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';
import { isDirectMessageChannel } from './direct-messages';
import type { HealthEventView } from './event-view';
import { activeMutes } from './health-mutes';
import { eventKey, type MessageState, messageKey } from './health-state';
import { recordHealthHome, recordMuteHome } from './home-records';
import type { RenderOutcome } from './message-renderer';
import { listOpenEvents } from './open-events';

/** Claimed once per state table: the Home's first fill is a one-off, later deliveries keep it current. */
const BACKFILL_CLAIM = 'home-backfill#health-v1';
const CLAIM_SECONDS = 400 * 24 * 60 * 60;

export interface HomeBackfillOutcome {
  events: number;
  accounts: number;
  mutes: number;
  /** Open events left for their next delivery: the run's time ran out. */
  left: number;
}

/** Every channel's alert message of an event (not the DMs), read in one query, as render outcomes name them. */
async function alertsOf(store: StateStore, eventArn: string): Promise<Map<string, RenderOutcome>> {
  const { pk, sk: prefix } = messageKey(eventArn, '');
  const alerts = new Map<string, RenderOutcome>();
  for (const { sk, data } of await store.query<MessageState>(pk, { prefix })) {
    const channel = sk.slice(prefix.length);
    if (isDirectMessageChannel(channel) || !data.ts || !data.channelId) continue;
    alerts.set(channel, {
      channel,
      channelId: data.channelId,
      ts: data.ts,
      posted: 0,
      updated: 0,
      replies: 0,
    });
  }
  return alerts;
}

/**
 * Fills the Home tab's Health and mute items from what the bot already knows — the open-events index, each
 * event's state and alert messages, the active Slack mutes — once, so a Home opened right after the deploy that
 * added it does not say nothing is open. Bounded by `deadline` (epoch ms): events not reached show up at their
 * next delivery. A Home item is never overwritten by an older one, so this cannot undo a newer delivery.
 */
export async function backfillHealthHome(
  store: StateStore,
  now: Date,
  deadline: number,
): Promise<HomeBackfillOutcome | undefined> {
  if (!(await store.claim(BACKFILL_CLAIM, CLAIM_SECONDS))) return undefined;
  try {
    return await fill(store, now, deadline);
  } catch (error) {
    // Tried again by the next run: every write it made is kept, and none can overwrite a newer one.
    await store.release(BACKFILL_CLAIM).catch(() => undefined);
    throw error;
  }
}

async function fill(store: StateStore, now: Date, deadline: number): Promise<HomeBackfillOutcome> {
  const outcome: HomeBackfillOutcome = { events: 0, accounts: 0, mutes: 0, left: 0 };
  for (const mute of await activeMutes(store, now)) {
    await recordMuteHome(store, mute);
    outcome.mutes += 1;
  }
  const open = await listOpenEvents(store);
  for (const [index, event] of open.entries()) {
    if (Date.now() > deadline) {
      outcome.left = open.length - index;
      break;
    }
    const { pk, sk } = eventKey(event.eventArn);
    const view = (await store.get<HealthEventView>(pk, sk))?.data;
    if (!view) continue;
    // One read of the event's messages for all its accounts: an organisation-wide event has hundreds.
    const alerts = await alertsOf(store, view.eventArn);
    for (const [accountId, account] of Object.entries(view.accounts)) {
      const shown = account.channels.flatMap((channel) => alerts.get(channel) ?? []);
      await recordHealthHome(store, view, accountId, shown);
      outcome.accounts += 1;
    }
    outcome.events += 1;
  }
  logger.info('Home items filled from the Health state', { ...outcome });
  return outcome;
}
