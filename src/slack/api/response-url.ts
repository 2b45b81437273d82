import { setTimeout as delay } from 'node:timers/promises';
import type { SlackReply } from '../../../blocks/message';
import { replyBody } from './reply-body';
import { withinSlackLimits } from './slack-sink';

export class ResponseUrlError extends Error {
  override readonly name = 'ResponseUrlError';
}

/** A response URL that is not Slack's (or an allowed local stand-in's): nothing is posted to it. */
export class ResponseUrlRefusedError extends Error {
  override readonly name = 'ResponseUrlRefusedError';
}

/** Where Slack's response_urls live: Slack's commercial and GovSlack hosts, over HTTPS only. */
export const SLACK_RESPONSE_URL_HOSTS: readonly string[] = ['hooks.slack.com', 'hooks.slack-gov.com'];

/**
 * Why `url` may not receive a bot answer, or undefined when it may: an https URL on Slack's hosts, or a URL
 * whose host (`127.0.0.1`) or host and port (`127.0.0.1:4010`) is in `allowedHosts` (local stand-ins in
 * `npm run dev` and tests, see SLACK_RESPONSE_URL_HOSTS in docs/configuration.md).
 */
export function responseUrlProblem(url: string, allowedHosts: readonly string[]): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'carries user info';
  if (allowedHosts.includes(parsed.host) || allowedHosts.includes(parsed.hostname)) {
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? undefined : 'is not http(s)';
  }
  if (!SLACK_RESPONSE_URL_HOSTS.includes(parsed.hostname)) return `is not on Slack's hosts (${parsed.host})`;
  if (parsed.protocol !== 'https:' || parsed.port !== '') return 'is not https on the default port';
  return undefined;
}

/**
 * The extra response URL hosts of this environment: `SLACK_RESPONSE_URL_HOSTS` (comma-separated), plus loopback
 * under serverless-offline (`npm run dev`, where `npm run slack` plays the response_url). Empty in AWS.
 */
export function responseUrlHostsFromEnv(env: {
  SLACK_RESPONSE_URL_HOSTS?: string | undefined;
  IS_OFFLINE?: string | undefined;
}): string[] {
  const listed = (env.SLACK_RESPONSE_URL_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  return env.IS_OFFLINE ? [...listed, '127.0.0.1', 'localhost'] : listed;
}

/** Throws ResponseUrlRefusedError unless `url` is a response URL the bot may post to. */
export function assertResponseUrl(url: string, allowedHosts: readonly string[]): void {
  const problem = responseUrlProblem(url, allowedHosts);
  if (problem) throw new ResponseUrlRefusedError(`response URL refused: it ${problem}`);
}

/** Answers one Slack request through its response_url (the worker's `respond`). */
export type Respond = (
  responseUrl: string,
  reply: SlackReply,
  options?: { replaceOriginal?: boolean },
) => Promise<void>;

export interface RespondOptions {
  replaceOriginal?: boolean;
  /** Local stand-in hosts allowed besides Slack's. */
  allowedHosts?: readonly string[];
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** 1 try + 3 retries, waiting 0.5, 1 and 2 s (or what Retry-After says, at most 30 s). */
const ATTEMPTS = 4;
const FIRST_DELAY_MS = 500;
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Answers a command through its `response_url` (valid 30 minutes, 5 uses). `replaceOriginal` swaps the earlier
 * ephemeral answer (e.g. "working on it…") for this one. A reset connection, a timeout, 5xx and 429 are tried
 * again (bounded, with back-off; 429 honours Retry-After), so a finished job is not reported as failed because
 * one post was lost. Other answers (404: the URL expired) are final.
 */
export async function respondToUrl(
  responseUrl: string,
  reply: SlackReply,
  options: RespondOptions = {},
): Promise<void> {
  assertResponseUrl(responseUrl, options.allowedHosts ?? []);
  const sleep = options.sleep ?? delay;
  // Shortened like every sink message: a reply over a Slack limit would be refused and the person left waiting.
  const fitted = {
    ...reply,
    ...withinSlackLimits({ text: reply.text, blocks: reply.blocks }, 'response_url'),
  };
  const body = JSON.stringify(replyBody(fitted, { replaceOriginal: options.replaceOriginal ?? false }));
  let lastProblem = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    let waitMs = FIRST_DELAY_MS * 2 ** (attempt - 1);
    try {
      const response = await (options.fetchImpl ?? fetch)(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
      const text = await response.text().catch(() => '');
      lastProblem = `response_url answered ${response.status}: ${text.slice(0, 200)}`;
      if (response.status !== 429 && response.status < 500) throw new ResponseUrlError(lastProblem);
      waitMs = retryAfterMs(response.headers.get('retry-after')) ?? waitMs;
    } catch (error) {
      if (error instanceof ResponseUrlError) throw error;
      lastProblem = `response_url not reached: ${(error as Error).message}`;
    }
    if (attempt < ATTEMPTS) await sleep(Math.min(waitMs, MAX_RETRY_AFTER_MS));
  }
  throw new ResponseUrlError(`${lastProblem} (after ${ATTEMPTS} attempts)`);
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
