import type { SlackSink } from '../slack/api/slack-sink';
import type { AutotagRetagJob } from './retag-job';
import { cleanTagValue } from './tag-values';

/** The owner tag value for a retag: a Slack user's e-mail (else name, else id), or the cleaned free text. */
export async function ownerValue(
  owner: AutotagRetagJob['owner'],
  sink: Pick<SlackSink, 'userProfile'>,
): Promise<{ value: string; slackUserId?: string }> {
  if ('text' in owner) return { value: cleanTagValue(owner.text) };
  const profile = await sink.userProfile(owner.slackUserId);
  const name = profile?.email ?? profile?.realName ?? profile?.displayName ?? owner.slackUserId;
  return { value: cleanTagValue(name), slackUserId: owner.slackUserId };
}
