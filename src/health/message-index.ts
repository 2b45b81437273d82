import type { StateStore } from '../store/state-store';
import { HEALTH_STATE_TTL_SECONDS } from './health-state';

/** Which event and configured channel a posted Health alert shows. */
export interface PostedAlert {
  eventArn: string;
  /** The channel as configured in the routes (the key of the message state). */
  channel: string;
}

const indexKey = (channelId: string, ts: string) => ({ pk: `health-msg#${channelId}`, sk: ts });

/**
 * Recorded when an alert is posted, so a click is bound to the message it came from: the channel and ts Slack puts
 * in the payload lead to the event, never a value the click carries.
 */
export async function recordPostedAlert(
  store: StateStore,
  channelId: string,
  ts: string,
  alert: PostedAlert,
): Promise<void> {
  const { pk, sk } = indexKey(channelId, ts);
  await store.create(pk, sk, alert, { ttlSeconds: HEALTH_STATE_TTL_SECONDS });
}

/** The alert posted at (channelId, ts), or undefined when the bot posted no Health alert there. */
export async function findPostedAlert(
  store: StateStore,
  channelId: string | undefined,
  ts: string | undefined,
): Promise<PostedAlert | undefined> {
  if (!channelId || !ts) return undefined;
  const { pk, sk } = indexKey(channelId, ts);
  return (await store.get<PostedAlert>(pk, sk))?.data;
}
