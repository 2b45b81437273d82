import { logger } from '../lambda/logger';
import type { SlackSink } from '../slack/api/slack-sink';
import type { AutotagConfig } from './config-schema';
import type { Creator } from './creator';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The launcher's Slack user: first `autotag.people` (matched on the person, then the ARN, case-insensitive),
 * then Slack's e-mail lookup when the person is an e-mail address (SSO session names usually are). A lookup
 * failure is logged and treated as unknown: the notice must not wait on it.
 */
export async function creatorSlackUser(
  creator: Creator,
  config: Pick<AutotagConfig, 'people' | 'lookUpSlackUsersByEmail'>,
  sink: Pick<SlackSink, 'findUserByEmail'>,
): Promise<string | undefined> {
  const people = new Map(Object.entries(config.people).map(([key, user]) => [key.toLowerCase(), user]));
  for (const key of [creator.person, creator.arn]) {
    const user = key ? people.get(key.toLowerCase()) : undefined;
    if (user) return user;
  }
  if (!config.lookUpSlackUsersByEmail || !creator.person || !EMAIL.test(creator.person)) return undefined;
  try {
    return await sink.findUserByEmail(creator.person);
  } catch (error) {
    logger.warn('Slack e-mail lookup failed; the notice names the creator without a mention', { error });
    return undefined;
  }
}
