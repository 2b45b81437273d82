import type { SQSClient } from '@aws-sdk/client-sqs';
import type * as z from 'zod';
import type { Env } from '../config/env';
import { describeZodProblems } from '../config/zod-problems';
import type { StateStore } from '../store/state-store';
import { type FailureQueue, sendToFailureQueue } from './failure-queue';
import { quarantine } from './quarantine';

/** Where one function puts what it cannot read: its quarantine (by serverless.yml name) and its failure queue. */
export interface BadInputPolicy {
  store: StateStore;
  /** The serverless.yml function name, e.g. `healthEvent`: `npm run replay -- <name> --quarantined`. */
  source: string;
  /** The function's on-failure destination; absent (or without a URL) where it has none, and locally. */
  failureQueue?: FailureQueue;
}

/** The failure queue of a function from FAILED_EVENTS_QUEUE_URL; none under serverless-offline. */
export function failureQueueFromEnv(
  env: Pick<Env, 'IS_OFFLINE' | 'FAILED_EVENTS_QUEUE_URL'>,
  sqs: SQSClient,
) {
  return { sqs, queueUrl: env.IS_OFFLINE ? undefined : env.FAILED_EVENTS_QUEUE_URL } satisfies FailureQueue;
}

/**
 * The one policy for input a function cannot use: logged with its event id and kept in the quarantine for
 * replay, and sent where failed events go (the FailedEventsQueue) — without a retry loop, since it would fail
 * the same way forever. Never throws for the event's sake: only a state-table failure (transient) propagates.
 */
export async function rejectBadInput(
  policy: BadInputPolicy,
  event: unknown,
  problems: readonly string[],
): Promise<void> {
  await quarantine(policy.store, policy.source, event, problems);
  await sendToFailureQueue(policy.failureQueue ?? {}, policy.source, 'malformed', event, { problems });
}

/** The event read with the function's schema, or undefined once it has been rejected (see `rejectBadInput`). */
export async function readInput<S extends z.ZodType>(
  schema: S,
  event: unknown,
  policy: BadInputPolicy,
): Promise<z.infer<S> | undefined> {
  const parsed = schema.safeParse(event);
  if (parsed.success) return parsed.data;
  await rejectBadInput(policy, event, describeZodProblems(parsed.error));
  return undefined;
}
