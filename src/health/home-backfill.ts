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

/** The alert messages of an event's channels (not DMs), as a delivery's render outcomes name them. */
async function alertsOf(store: StateStore, eventArn: string, channels: readonly string[]) {
  const outcomes: RenderOutcome[] = [];
  for (const channel of channels.filter((c) => !isDirectMessageChannel(c))) {
    const { pk, sk } = messageKey(eventArn, channel);
    const state = await store.get<MessageState>(pk, sk);
    if (state?.data.ts && state.data.channelId)
      outcomes.push({
        channel,
        channelId: state.data.channelId,
        ts: state.data.ts,
        posted: 0,
        updated: 0,
        replies: 0,
      });
  }
  return outcomes;
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
    for (const [accountId, account] of Object.entries(view.accounts)) {
      await recordHealthHome(store, view, accountId, await alertsOf(store, view.eventArn, account.channels));
      outcome.accounts += 1;
    }
    outcome.events += 1;
  }
  logger.info('Home items filled from the Health state', { ...outcome });
  return outcome;
}
