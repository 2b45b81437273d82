import * as z from 'zod';
import { describeZodProblems } from '../config/zod-problems';
import { withCorrelation } from '../lambda/logger';
import { quarantine } from '../lambda/quarantine';
import type { StateStore } from '../store/state-store';

/** What an EventBridge schedule invokes a function with (only the fields the Health schedules read). */
const scheduledEventSchema = z
  .object({ id: z.string().min(1).max(200), 'detail-type': z.literal('Scheduled Event') })
  .loose();

/**
 * Runs `work` for a scheduled invocation; anything else (a hand-made invoke with the wrong shape) is quarantined
 * with its id and not run.
 */
export async function onSchedule<T>(
  event: unknown,
  source: string,
  store: StateStore,
  work: (id: string) => Promise<T>,
): Promise<T | undefined> {
  const parsed = scheduledEventSchema.safeParse(event);
  if (!parsed.success) {
    await quarantine(store, source, event, describeZodProblems(parsed.error));
    return undefined;
  }
  withCorrelation({ eventId: parsed.data.id, function: source });
  return work(parsed.data.id);
}
