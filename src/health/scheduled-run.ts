import * as z from 'zod';
import { type BadInputPolicy, readInput } from '../lambda/bad-input';
import { withCorrelation } from '../lambda/logger';

/** What an EventBridge schedule invokes a function with (only the fields the Health schedules read). */
const scheduledEventSchema = z
  .object({ id: z.string().min(1).max(200), 'detail-type': z.literal('Scheduled Event') })
  .loose();

/**
 * Runs `work` for a scheduled invocation; anything else (a hand-made invoke with the wrong shape) is rejected by
 * the bad-input policy (quarantine + failure queue) and not run.
 */
export async function onSchedule<T>(
  event: unknown,
  policy: BadInputPolicy,
  work: (id: string) => Promise<T>,
): Promise<T | undefined> {
  const parsed = await readInput(scheduledEventSchema, event, policy);
  if (!parsed) return undefined;
  withCorrelation({ eventId: parsed.id, function: policy.source });
  return work(parsed.id);
}
