import type { SlackReply } from '../../blocks/message';
import { withinSlackLimits } from './slack-sink';

export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
}

/**
 * Answers a command through its `response_url` (valid 30 minutes, 5 uses). `replaceOriginal` swaps the earlier
 * ephemeral answer (e.g. "working on it…") for this one.
 */
export async function respondToUrl(
  responseUrl: string,
  reply: SlackReply,
  options: { replaceOriginal?: boolean; fetchImpl?: typeof fetch } = {},
): Promise<void> {
  const response = await (options.fetchImpl ?? fetch)(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: reply.responseType,
      replace_original: options.replaceOriginal ?? false,
      // Shortened like every sink message: a reply over a Slack limit would be refused and the person left waiting.
      ...withinSlackLimits({ text: reply.text, blocks: reply.blocks }, 'response_url'),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new ResponseUrlError(`response_url answered ${response.status}: ${body.slice(0, 200)}`);
  }
}
