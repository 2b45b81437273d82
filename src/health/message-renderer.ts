import { createHash } from 'node:crypto';
import { healthChangeReply } from '../../blocks/health-change';
import { healthEventMessage } from '../../blocks/health-message';
import type { SlackMessage } from '../../blocks/message';
import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { StateStore } from '../store/state-store';
import { changesSince, changesWorthAReply, snapshotOf } from './event-changes';
import { type HealthEventView, missingPages, viewForChannel } from './event-view';
import { eventKey, HEALTH_STATE_TTL_SECONDS, type MessageState, messageKey } from './health-state';
import { recordPostedAlert } from './message-index';

/** Longer than the function's timeout: a lock outlives its holder only if the holder is dead. */
const RENDER_LOCK_SECONDS = 330;

/** Another invocation holds the event's message and has not shown this change yet (thrown: Lambda retries). */
export class HealthRenderPendingError extends Error {
  override readonly name = 'HealthRenderPendingError';
}

export interface RendererDeps {
  store: StateStore;
  sink: SlackSink;
  dashboardUrl: (view: HealthEventView) => string;
  /** Epoch-ms after which waiting for another invocation's render gives up. */
  deadline: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RenderOutcome {
  /** The channel as configured, and its id as Slack answered. */
  channel: string;
  channelId?: string;
  ts?: string;
  posted: number;
  updated: number;
  replies: number;
}

const hashOf = (message: SlackMessage) =>
  createHash('sha256').update(JSON.stringify(message)).digest('base64url').slice(0, 22);

/**
 * Keeps one channel's message of one Health event in step with the event's state. One invocation at a time
 * renders (a claim in the state table); others that merged a change wait until it shows, so a burst of
 * deliveries for one event (an organisation-wide event, pages, retries) becomes a few edits, never two posts.
 */
export class HealthMessageRenderer {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: RendererDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * `quiet` (the delivery is muted): the message is still edited so it never shows a stale status, but no thread
   * reply is posted, so nobody following the thread is notified.
   */
  async render(
    eventArn: string,
    channel: string,
    targetVersion: number,
    { quiet = false }: { quiet?: boolean } = {},
  ): Promise<RenderOutcome> {
    const outcome: RenderOutcome = { channel, posted: 0, updated: 0, replies: 0 };
    const { pk, sk } = messageKey(eventArn, channel);
    for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
      await this.whileLocked(eventArn, channel, () =>
        this.renderUntilCurrent(eventArn, channel, outcome, quiet),
      );
      const state = await this.deps.store.get<MessageState>(pk, sk);
      outcome.ts = state?.data.ts;
      outcome.channelId = state?.data.channelId;
      if ((state?.data.renderedVersion ?? 0) >= targetVersion) return outcome;
      await this.pauseOrGiveUp(
        pause,
        `message of ${eventArn} in ${channel} not yet at version ${targetVersion}`,
      );
    }
  }

  /**
   * Changes what a channel's message shows besides the event (the people on it) and edits the message, under the
   * same lock as every render. `change` returns the new state, or undefined to change nothing. Returns the state
   * before and after, or undefined when the event has no message in that channel.
   */
  async changeMessage(
    eventArn: string,
    channel: string,
    change: (state: MessageState) => MessageState | undefined,
  ): Promise<{ before: MessageState; after: MessageState } | undefined> {
    const { store } = this.deps;
    const { pk, sk } = messageKey(eventArn, channel);
    for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
      let result: { before: MessageState; after: MessageState } | undefined;
      const done = await this.whileLocked(eventArn, channel, async () => {
        const state = await store.get<MessageState>(pk, sk);
        if (!state?.data.ts) return;
        const next = change(state.data);
        result = { before: state.data, after: next ?? state.data };
        if (!next) return;
        const saved = await store.replace(pk, sk, { ...next, refresh: true }, state.version, {
          ttlSeconds: HEALTH_STATE_TTL_SECONDS,
        });
        if (!saved) throw new HealthRenderPendingError(`message state of ${eventArn} in ${channel} changed`);
        await this.renderUntilCurrent(eventArn, channel, { channel, posted: 0, updated: 0, replies: 0 });
      });
      if (done) return result;
      await this.pauseOrGiveUp(pause, `message of ${eventArn} in ${channel} is busy`);
    }
  }

  /** Runs `work` holding the render lock of one channel's message; false when another invocation holds it. */
  private async whileLocked(eventArn: string, channel: string, work: () => Promise<void>): Promise<boolean> {
    const lock = `health-render#${eventArn}#${channel}`;
    if (!(await this.deps.store.claim(lock, RENDER_LOCK_SECONDS))) return false;
    try {
      await work();
    } finally {
      await this.deps.store.release(lock);
    }
    return true;
  }

  private async pauseOrGiveUp(pause: number, what: string): Promise<void> {
    if (Date.now() + pause > this.deps.deadline()) throw new HealthRenderPendingError(what);
    await this.sleep(pause);
  }

  private async renderUntilCurrent(
    eventArn: string,
    channel: string,
    outcome: RenderOutcome,
    quiet = false,
  ): Promise<void> {
    const { store, sink } = this.deps;
    const event = eventKey(eventArn);
    const message = messageKey(eventArn, channel);
    for (;;) {
      const [eventRecord, state] = await Promise.all([
        store.get<HealthEventView>(event.pk, event.sk),
        store.get<MessageState>(message.pk, message.sk),
      ]);
      if (!eventRecord) return;
      if ((state?.data.renderedVersion ?? 0) >= eventRecord.version && !state?.data.refresh) return;
      const view = viewForChannel(eventRecord.data, channel);
      const built = healthEventMessage({
        view,
        dashboardUrl: this.deps.dashboardUrl(view),
        missingPages: missingPages(view),
        watchers: state?.data.watchers ?? [],
      });
      const next: MessageState = {
        ...state?.data,
        refresh: undefined,
        renderedVersion: eventRecord.version,
        snapshot: snapshotOf(view),
        messageHash: hashOf(built),
      };
      const ref =
        state?.data.ts && state.data.channelId
          ? { channel: state.data.channelId, ts: state.data.ts }
          : undefined;
      if (Object.keys(view.accounts).length === 0) {
        // Nothing of this event is routed here (yet): record the version, post nothing.
      } else if (!ref) {
        const posted = await sink.post(channel, built);
        Object.assign(next, { channelId: posted.channel, ts: posted.ts });
        await recordPostedAlert(store, posted.channel, posted.ts, { eventArn, channel });
        outcome.posted += 1;
        logger.info('health event posted', { eventArn, channel, ts: posted.ts });
      } else if (next.messageHash !== state?.data.messageHash) {
        await sink.update(ref, built);
        outcome.updated += 1;
        const previous = state?.data.snapshot ?? snapshotOf(view);
        const changes = changesWorthAReply(previous, view, changesSince(previous, view));
        if (changes.length > 0 && !quiet) {
          await sink.post(ref.channel, healthChangeReply({ category: view.category, changes }), {
            threadTs: ref.ts,
          });
          outcome.replies += 1;
        }
        logger.info('health event updated', {
          eventArn,
          channel,
          ts: ref.ts,
          changes: changes.map((c) => c.kind),
        });
      }
      const saved = state
        ? await store.replace(message.pk, message.sk, next, state.version, {
            ttlSeconds: HEALTH_STATE_TTL_SECONDS,
          })
        : await store.create(message.pk, message.sk, next, { ttlSeconds: HEALTH_STATE_TTL_SECONDS });
      if (!saved)
        throw new HealthRenderPendingError(
          `message state of ${eventArn} in ${channel} changed under the lock`,
        );
    }
  }
}
