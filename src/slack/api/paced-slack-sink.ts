import { ErrorCode } from '@slack/web-api';
import type { SlackMessage } from '../../../blocks/message';
import { logger } from '../../lambda/logger';
import type { SlotPacer } from '../../store/slot-pacer';
import type { StateStore } from '../../store/state-store';
import type { PostedMessage, SlackFile, SlackSink, SlackUserProfile, UploadOptions } from './slack-sink';

/** Slack kept answering 429 for one call. */
export class SlackRateLimitedError extends Error {
  override readonly name = 'SlackRateLimitedError';
}

export interface PacedSlackOptions {
  /** Minimum time between two messages (posts, edits, replies) in one channel, across the whole bot. */
  intervalMs: number;
  /** Give up (throw) rather than wait for a slot past this epoch-ms, e.g. the Lambda's own deadline. */
  deadline?: () => number;
  attempts?: number;
  now?: () => number;
  /** Channel id → the `#name` it was first posted to, shared by every container (see `stateChannelNames`). */
  channelNames?: ChannelNames;
}

/** Which `#name` a channel id was posted to as, so calls by id and by name share one pace. */
export interface ChannelNames {
  nameOf(channelId: string): Promise<string | undefined>;
  remember(channelId: string, name: string): Promise<void>;
}

/** ChannelNames kept in the state table: the first container to post to `#name` tells the others its id. */
export function stateChannelNames(store: StateStore): ChannelNames {
  return {
    nameOf: async (channelId) =>
      (await store.get<{ name: string }>('slack-channel-name', channelId))?.data.name,
    remember: async (channelId, name) => {
      await store.create('slack-channel-name', channelId, { name });
    },
  };
}

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: unknown; retryAfter?: unknown };
  return e.code === ErrorCode.RateLimitedError && typeof e.retryAfter === 'number' ? e.retryAfter : undefined;
}

/**
 * A SlackSink that keeps every channel at or under its rate for the whole bot (Slack allows about one message
 * a second per channel): each call waits for a slot from the shared SlotPacer, and a 429 blocks the channel
 * for Retry-After before the call is tried again. The inner client must reject rate-limited calls instead of
 * retrying them itself (`rejectRateLimitedCalls: true`), so that every request goes through a slot.
 */
export class PacedSlackSink implements SlackSink {
  /**
   * Channel id → the `#name` posts went to (or the id itself when none did), so a channel has one pace key whichever
   * way it is called: posts to a configured `#name`, then edits and thread replies by the id Slack answered.
   */
  private readonly paceNames = new Map<string, string>();

  constructor(
    private readonly inner: SlackSink,
    private readonly pacer: SlotPacer,
    private readonly options: PacedSlackOptions,
  ) {}

  async post(
    channel: string,
    message: SlackMessage,
    options?: { threadTs?: string },
  ): Promise<PostedMessage> {
    const posted = await this.paced(channel, () => this.inner.post(channel, message, options));
    if (channel.startsWith('#') && posted.channel !== channel && !this.paceNames.has(posted.channel)) {
      this.paceNames.set(posted.channel, channel);
      await this.options.channelNames?.remember(posted.channel, channel);
    }
    return posted;
  }

  update(ref: PostedMessage, message: SlackMessage): Promise<void> {
    return this.paced(ref.channel, () => this.inner.update(ref, message));
  }

  uploadFiles(channelOrUser: string, files: readonly SlackFile[], options?: UploadOptions): Promise<string> {
    return this.paced(channelOrUser, () => this.inner.uploadFiles(channelOrUser, files, options));
  }

  /** Opening a DM posts nothing in it: not paced (the posts that follow are, by the DM's id). */
  openDirectMessage(userId: string): Promise<string> {
    return this.inner.openDirectMessage(userId);
  }

  /** Look-ups post nothing in a channel: not paced. */
  findUserByEmail(email: string): Promise<string | undefined> {
    return this.inner.findUserByEmail(email);
  }

  userProfile(userId: string): Promise<SlackUserProfile | undefined> {
    return this.inner.userProfile(userId);
  }

  private async paceKey(channel: string): Promise<string> {
    if (channel.startsWith('#')) return `slack#${channel}`;
    let name = this.paceNames.get(channel);
    if (name === undefined) {
      // A `#name` is remembered before the post that learnt the id returns, so before anyone can edit or reply.
      name = (await this.options.channelNames?.nameOf(channel)) ?? channel;
      this.paceNames.set(channel, name);
    }
    return `slack#${name}`;
  }

  private async paced<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const key = await this.paceKey(channel);
    const attempts = this.options.attempts ?? 5;
    const now = this.options.now ?? Date.now;
    for (let attempt = 1; ; attempt += 1) {
      await this.pacer.acquire(key, this.options.intervalMs, this.options.deadline?.());
      try {
        return await call();
      } catch (error) {
        const retryAfter = retryAfterSeconds(error);
        if (retryAfter === undefined) throw error;
        logger.warn('Slack answered 429: channel paused', { channel, retryAfter, attempt });
        await this.pacer.block(key, now() + retryAfter * 1000);
        if (attempt >= attempts)
          throw new SlackRateLimitedError(`Slack rate-limited ${channel} ${attempts} times`, {
            cause: error,
          });
      }
    }
  }
}
