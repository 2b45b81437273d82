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
