import { WebClient } from '@slack/web-api';

export interface SlackFileInfo {
  id: string;
  name: string;
  size: number;
  mimetype?: string;
  downloadUrl: string;
}

/** Files people shared in Slack, read with the bot token (scope `files:read`). */
export interface SlackFiles {
  info(fileId: string): Promise<SlackFileInfo>;
  /** The file's bytes; refuses (without reading on) once more than `maxBytes` arrive. */
  download(url: string, maxBytes: number): Promise<Uint8Array>;
}

export class SlackFileError extends Error {
  override readonly name = 'SlackFileError';
}

/**
 * files.info for the facts, then an authenticated GET of `url_private_download`. The bot token is only ever
 * sent to Slack's file hosts (or the host of the configured Slack API URL: GovSlack, a local stand-in).
 */
export class WebApiSlackFiles implements SlackFiles {
  private readonly client: WebClient;

  constructor(
    private readonly token: string,
    private readonly apiUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.client = new WebClient(token, { slackApiUrl: apiUrl, retryConfig: { retries: 2 } });
  }

  async info(fileId: string): Promise<SlackFileInfo> {
    const out = await this.client.files.info({ file: fileId }).catch((error: unknown) => {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'file_not_found' || code === 'access_denied' || code === 'file_deleted') {
        throw new SlackFileError(
          `Slack does not let the bot see that file (${code}). If it is still there, invite the bot to the channel where it was shared and try again.`,
          { cause: error },
        );
      }
      throw error;
    });
    const file = out.file;
    const downloadUrl = file?.url_private_download ?? file?.url_private;
    if (!file?.id || !downloadUrl) throw new SlackFileError(`Slack has no downloadable file ${fileId}`);
    return {
      id: file.id,
      name: file.name ?? file.id,
      size: file.size ?? 0,
      ...(file.mimetype ? { mimetype: file.mimetype } : {}),
      downloadUrl,
    };
  }

  async download(url: string, maxBytes: number): Promise<Uint8Array> {
    if (!this.isSlackFileHost(new URL(url)))
      throw new SlackFileError(`refusing to send the bot token to ${url}`);
    const response = await this.fetchImpl(url, {
      headers: { authorization: `Bearer ${this.token}` },
      redirect: 'error',
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok || !response.body) throw new SlackFileError(`file download answered ${response.status}`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new SlackFileError(`file is larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  private isSlackFileHost(url: URL): boolean {
    const api = new URL(this.apiUrl);
    if (url.host === api.host && url.protocol === api.protocol) return true;
    return url.protocol === 'https:' && /^files(-[a-z]+)?\.slack(-gov)?\.com$/.test(url.hostname);
  }
}

/** Without a bot token (local console mode) files cannot be read. */
export class NoSlackFiles implements SlackFiles {
  async info(): Promise<SlackFileInfo> {
    throw new SlackFileError('SLACK_BOT_TOKEN is not set: the bot cannot read Slack files');
  }
  async download(): Promise<Uint8Array> {
    throw new SlackFileError('SLACK_BOT_TOKEN is not set: the bot cannot read Slack files');
  }
}
