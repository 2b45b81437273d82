import { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/message';
import { logger } from '../logging/logger';

export interface PostedMessage {
  channel: string;
  ts: string;
}

/** Where the bot's messages go: Slack's Web API, or the console when no bot token is set. */
export interface SlackSink {
  post(channel: string, message: SlackMessage, options?: { threadTs?: string }): Promise<PostedMessage>;
  update(ref: PostedMessage, message: SlackMessage): Promise<void>;
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
    const out = await this.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      thread_ts: options.threadTs,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!out.channel || !out.ts) throw new Error('chat.postMessage returned no channel/ts');
    return { channel: out.channel, ts: out.ts };
  }

  async update(ref: PostedMessage, message: SlackMessage): Promise<void> {
    await this.client.chat.update({
      channel: ref.channel,
      ts: ref.ts,
      text: message.text,
      blocks: message.blocks,
    });
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

  async findUserByEmail(): Promise<string | undefined> {
    return undefined;
  }

  async userProfile(userId: string): Promise<SlackUserProfile | undefined> {
    return { id: userId };
  }

  private print(what: string, message: SlackMessage): void {
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
