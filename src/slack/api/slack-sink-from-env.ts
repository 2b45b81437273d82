import type { Env } from '../../config/env';
import { readSecret } from '../../config/secrets';
import { once } from '../../lambda/once';
import { createSlackSink, type SlackSink } from './slack-sink';

/** The Slack sink of an event function: the bot token is read (SSM, cached) on first use, not at module load. */
export function slackSinkFromEnv(env: Env): () => Promise<SlackSink> {
  return once(async () => createSlackSink(await readSecret(env, 'SLACK_BOT_TOKEN'), env.SLACK_API_URL));
}
