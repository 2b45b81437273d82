import { ErrorCode } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/message';
import { logger } from '../logging/logger';
import type { SlotPacer } from '../store/slot-pacer';
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
  /** `#name` → channel id, learnt from posts, so a channel has one pace whichever way it is named. */
  private readonly channelIds = new Map<string, string>();

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
    this.channelIds.set(channel, posted.channel);
    return posted;
  }

  update(ref: PostedMessage, message: SlackMessage): Promise<void> {
    return this.paced(ref.channel, () => this.inner.update(ref, message));
  }

  uploadFiles(channelOrUser: string, files: readonly SlackFile[], options?: UploadOptions): Promise<string> {
    return this.paced(channelOrUser, () => this.inner.uploadFiles(channelOrUser, files, options));
  }

  /** Look-ups post nothing in a channel: not paced. */
  findUserByEmail(email: string): Promise<string | undefined> {
    return this.inner.findUserByEmail(email);
  }

  userProfile(userId: string): Promise<SlackUserProfile | undefined> {
    return this.inner.userProfile(userId);
  }

  private async paced<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const key = `slack#${this.channelIds.get(channel) ?? channel}`;
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
