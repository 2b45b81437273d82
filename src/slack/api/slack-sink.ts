import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { fitSlackLimits } from '../../../blocks/check-limits';
import type { SlackMessage } from '../../../blocks/message';
import { logger } from '../../lambda/logger';

export interface PostedMessage {
  channel: string;
  ts: string;
}

/** A file to share in Slack (CSV, PNG, …). */
export interface SlackFile {
  filename: string;
  title: string;
  content: Buffer | string;
}

export interface UploadOptions {
  threadTs?: string;
  /** mrkdwn shown with the files. */
  comment?: string;
}

/** Where the bot's messages go: Slack's Web API, or the console when no bot token is set. */
export interface SlackSink {
  post(channel: string, message: SlackMessage, options?: { threadTs?: string }): Promise<PostedMessage>;
  update(ref: PostedMessage, message: SlackMessage): Promise<void>;
  /**
   * Shares files in a channel (or, given a user id, in the bot's DM with that person) with `files.uploadV2`.
   * Returns the channel the files went to.
   */
  uploadFiles(channelOrUser: string, files: readonly SlackFile[], options?: UploadOptions): Promise<string>;
  /** The id of the bot's DM with a person (conversations.open, im:write): the same channel every time. */
  openDirectMessage(userId: string): Promise<string>;
  /** The Slack user with this e-mail address (users:read.email), or undefined when there is none. */
  findUserByEmail(email: string): Promise<string | undefined>;
  /** A person's e-mail and names (users:read), for tags that name a Slack user. */
  userProfile(userId: string): Promise<SlackUserProfile | undefined>;
}

export interface SlackUserProfile {
  id: string;
  email?: string;
  realName?: string;
  displayName?: string;
}

const SLACK_NOT_FOUND = new Set(['users_not_found', 'user_not_found', 'account_inactive']);

function isNotFound(error: unknown): boolean {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code !== undefined && SLACK_NOT_FOUND.has(code);
}

const isUserId = (id: string): boolean => /^[UW][A-Z0-9]+$/.test(id);

/**
 * The message as Slack will take it: one that breaks a limit (a huge AWS string that slipped through a builder) is
 * shortened with `…` rather than refused with `invalid_blocks`, which would fail the event on every retry and lose
 * it to the failure queue. Every shortening is logged, so the builder can be fixed.
 */
export function withinSlackLimits(message: SlackMessage, channel: string): SlackMessage {
  const fitted = fitSlackLimits(message);
  if (fitted.shortened.length > 0)
    logger.warn('message shortened to fit Slack limits', {
      channel,
      problems: fitted.shortened.slice(0, 20),
    });
  return fitted.message;
}

/** Slack's Web API at `apiUrl` (Slack's, GovSlack's, or a local stand-in in tests). */
export class WebApiSink implements SlackSink {
  private readonly client: WebClient;

  constructor(token: string, apiUrl: string, client?: WebClient) {
    this.client =
      client ??
      new WebClient(token, {
        slackApiUrl: apiUrl,
        retryConfig: { retries: 3, factor: 2 },
        rejectRateLimitedCalls: false,
      });
  }

  get web(): WebClient {
    return this.client;
  }

  async post(
    channel: string,
    message: SlackMessage,
    options: { threadTs?: string } = {},
  ): Promise<PostedMessage> {
    const fitted = withinSlackLimits(message, channel);
    const out = await this.client.chat.postMessage({
      channel,
      text: fitted.text,
      blocks: fitted.blocks,
      thread_ts: options.threadTs,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!out.channel || !out.ts) throw new Error('chat.postMessage returned no channel/ts');
    return { channel: out.channel, ts: out.ts };
  }

  async update(ref: PostedMessage, message: SlackMessage): Promise<void> {
    const fitted = withinSlackLimits(message, ref.channel);
    await this.client.chat.update({
      channel: ref.channel,
      ts: ref.ts,
      text: fitted.text,
      blocks: fitted.blocks,
    });
  }

  async openDirectMessage(userId: string): Promise<string> {
    const dm = await this.client.conversations.open({ users: userId });
    if (!dm.channel?.id) throw new Error('conversations.open returned no channel');
    return dm.channel.id;
  }

  async findUserByEmail(email: string): Promise<string | undefined> {
    try {
      const out = await this.client.users.lookupByEmail({ email });
      return out.user?.id;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async userProfile(userId: string): Promise<SlackUserProfile | undefined> {
    try {
      const out = await this.client.users.info({ user: userId });
      const profile = out.user?.profile;
      if (!out.user?.id) return undefined;
      return {
        id: out.user.id,
        ...(profile?.email ? { email: profile.email } : {}),
        ...(profile?.real_name ? { realName: profile.real_name } : {}),
        ...(profile?.display_name ? { displayName: profile.display_name } : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async uploadFiles(
    channelOrUser: string,
    files: readonly SlackFile[],
    options: UploadOptions = {},
  ): Promise<string> {
    const channel = isUserId(channelOrUser) ? await this.openDirectMessage(channelOrUser) : channelOrUser;
    await this.client.filesUploadV2({
      channel_id: channel,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      ...(options.comment ? { initial_comment: options.comment } : {}),
      file_uploads: files.map((file) => ({
        file: toBuffer(file.content),
        filename: file.filename,
        title: file.title,
      })),
    });
    return channel;
  }
}

function toBuffer(content: Buffer | string): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
}

/** The Block Kit Builder preview of a message, for people reading the console sink's output. */
export function blockKitBuilderUrl(message: SlackMessage): string {
  return `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify({ blocks: message.blocks }))}`;
}

/**
 * Used when no SLACK_BOT_TOKEN is set (`npm run dev`): prints each message as JSON with a Block Kit Builder
 * link instead of posting it, and hands back made-up but stable references so threads and edits still work.
 */
export class ConsoleSink implements SlackSink {
  private counter = 0;

  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  async post(
    channel: string,
    message: SlackMessage,
    options: { threadTs?: string } = {},
  ): Promise<PostedMessage> {
    this.counter += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.counter).padStart(6, '0')}`;
    this.print(
      options.threadTs ? `reply in ${channel} thread ${options.threadTs}` : `post to ${channel}`,
      message,
    );
    return { channel, ts };
  }

  async update(ref: PostedMessage, message: SlackMessage): Promise<void> {
    this.print(`update ${ref.channel} ${ref.ts}`, message);
  }

  /** A made-up DM id, so the printed posts say whose DM they went to. */
  async openDirectMessage(userId: string): Promise<string> {
    return `D-${userId}`;
  }

  async findUserByEmail(): Promise<string | undefined> {
    return undefined;
  }

  async userProfile(userId: string): Promise<SlackUserProfile | undefined> {
    return { id: userId };
  }

  /** Writes the files under the system temp directory and prints where they are. */
  async uploadFiles(
    channelOrUser: string,
    files: readonly SlackFile[],
    options: UploadOptions = {},
  ): Promise<string> {
    const folder = join(tmpdir(), 'aws-chatops-files');
    await mkdir(folder, { recursive: true });
    for (const file of files) {
      const path = join(folder, `${Date.now()}-${file.filename.replace(/[^\w.-]/g, '_')}`);
      await writeFile(path, toBuffer(file.content));
      this.write(`── Slack (console sink): file for ${channelOrUser} "${file.title}" written to ${path}`);
    }
    if (options.comment) this.write(`   comment: ${options.comment}`);
    return channelOrUser;
  }

  private print(what: string, original: SlackMessage): void {
    const message = withinSlackLimits(original, what);
    this.write(`── Slack (console sink, no SLACK_BOT_TOKEN): ${what}`);
    this.write(JSON.stringify(message, null, 2));
    this.write(`   preview: ${blockKitBuilderUrl(message)}`);
  }
}

export function createSlackSink(token: string | undefined, apiUrl: string): SlackSink {
  if (token) return new WebApiSink(token, apiUrl);
  logger.warn('SLACK_BOT_TOKEN is not set: Slack messages are printed to the console instead of posted');
  return new ConsoleSink();
}
