import type { PostedMessage } from '../slack/slack-sink';
import type { StateStore } from '../store/state-store';
import type { StackNotification } from './stack-notification';

/** Another invocation is sending this alert right now; thrown so Lambda retries and then finds it sent. */
export class AlertInProgressError extends Error {
  override readonly name = 'AlertInProgressError';
  constructor(readonly key: string) {
    super(`alert ${key} is being sent by another invocation; retry will find it sent`);
  }
}

/** Sent alerts are remembered this long: far past any redelivery by SNS, EventBridge or Lambda retries. */
const SENT_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Longer than the function's timeout, shorter than Lambda's first retry of a crashed invocation. */
const SENDING_LEASE_SECONDS = 90;

/**
 * One failure of one stack: stack id + status + the operation's client request token (the same in SNS and
 * EventBridge copies), else CloudFormation's event id.
 */
export function failureKey(notification: StackNotification): string {
  const { stack, status, clientRequestToken, eventId } = notification;
  return `catalog-alert#${stack.stackId}#${status}#${clientRequestToken ?? eventId}`;
}

/**
 * Sends at most once per key, however many copies arrive: a sent alert is recorded with a conditional write;
 * while one invocation sends, a lease (also a conditional write) keeps the others out. If sending fails the lease
 * is released and the error thrown, so Lambda's retry sends it.
 */
export async function alertOnce(
  store: StateStore,
  key: string,
  send: () => Promise<PostedMessage>,
): Promise<'alerted' | 'duplicate'> {
  if (await store.get(key)) return 'duplicate';
  if (!(await store.claim(key, SENDING_LEASE_SECONDS))) {
    if (await store.get(key)) return 'duplicate';
    throw new AlertInProgressError(key);
  }
  let posted: PostedMessage;
  try {
    posted = await send();
  } catch (error) {
    await store.release(key).catch(() => undefined);
    throw error;
  }
  await store.create(
    key,
    '#',
    { ...posted, sentAt: new Date().toISOString() },
    { ttlSeconds: SENT_TTL_SECONDS },
  );
  return 'alerted';
}
