import type { PostedMessage } from '../slack/api/slack-sink';
import type { StateStore, StoredRecord } from '../store/state-store';
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
 * Without a client request token on both copies, copies whose status changes are this close are one operation:
 * the SNS text's `Timestamp` (ms) and EventBridge's `time` (whole seconds) of one change differ by about a second.
 * A minute leaves room for skew, yet a retry of the same stack that fails the same way a few minutes later (a
 * person re-running a fast-failing update) is a new operation and alerts again; five minutes would hide it.
 */
const SAME_OPERATION_MS = 60 * 1000;
/** Operations remembered per stack and status (a stack that keeps failing the same way). */
const OPERATIONS_KEPT = 20;

/** One stack operation: CloudFormation's client request token when there is one, and when its status changed. */
export interface StackOperation {
  token?: string;
  /** Epoch ms of the status change (SNS `Timestamp`, EventBridge `time`), else of receipt. */
  at: number;
}

/** What is kept per stack and status: the operations already alerted and the last message. */
interface SentAlerts {
  operations: StackOperation[];
  last: PostedMessage & { sentAt: string };
}

/** One alert per stack, status and operation, whether it came through SNS or EventBridge, with a token or not. */
export interface FailureIdentity {
  key: string;
  operation: StackOperation;
}

export function failureIdentity(notification: StackNotification, now = Date.now()): FailureIdentity {
  const { stack, status, clientRequestToken, timestamp } = notification;
  const at = timestamp ? Date.parse(timestamp) : Number.NaN;
  return {
    key: `catalog-alert#${stack.stackId}#${status}`,
    operation: {
      ...(clientRequestToken ? { token: clientRequestToken } : {}),
      at: Number.isFinite(at) ? at : now,
    },
  };
}

/** One alerted operation of one stack and status (its DMs are claimed under it): a new operation DMs again. */
export function operationKey({ key, operation }: FailureIdentity): string {
  return `${key}#${operation.token ?? operation.at}`;
}

/** Two copies are one operation: the same token when both carry one, else status changes close in time. */
export function sameOperation(a: StackOperation, b: StackOperation): boolean {
  if (a.token !== undefined && b.token !== undefined) return a.token === b.token;
  return Math.abs(a.at - b.at) <= SAME_OPERATION_MS;
}

/**
 * Sends at most once per stack, status and operation, however many copies arrive: the operations alerted are kept
 * under the stack and status with conditional writes; while one invocation sends, a lease (also a conditional
 * write) keeps the others out. If sending fails the lease is released and the error thrown, so Lambda's retry
 * sends it.
 */
export async function alertOnce(
  store: StateStore,
  { key, operation }: FailureIdentity,
  send: () => Promise<PostedMessage>,
): Promise<'alerted' | 'duplicate'> {
  const alerted = (record: StoredRecord<SentAlerts> | undefined) =>
    record?.data.operations.some((known) => sameOperation(known, operation)) ?? false;
  if (alerted(await store.get<SentAlerts>(key))) return 'duplicate';
  const lease = `${key}#sending`;
  if (!(await store.claim(lease, SENDING_LEASE_SECONDS))) {
    if (alerted(await store.get<SentAlerts>(key))) return 'duplicate';
    throw new AlertInProgressError(key);
  }
  try {
    const before = await store.get<SentAlerts>(key);
    if (alerted(before)) return 'duplicate';
    const posted = await send();
    const sent: SentAlerts = {
      operations: [...(before?.data.operations ?? []), operation].slice(-OPERATIONS_KEPT),
      last: { ...posted, sentAt: new Date().toISOString() },
    };
    if (before) await store.replace(key, '#', sent, before.version, { ttlSeconds: SENT_TTL_SECONDS });
    else await store.create(key, '#', sent, { ttlSeconds: SENT_TTL_SECONDS });
    return 'alerted';
  } finally {
    await store.release(lease).catch(() => undefined);
  }
}
