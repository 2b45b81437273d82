import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { logger } from '../logging/logger';
import type { StateStore } from '../store/state-store';
import { eventIdOf, quarantine } from './quarantine';

/**
 * A malformed event goes where failed events go (the FailedEventsQueue, the function's on-failure destination)
 * without a retry loop — and into the quarantine for `npm run replay -- --quarantined`. Never throws for the
 * event's sake: only a state-table failure (transient) propagates.
 */
export async function rejectMalformed(
  deps: { store: StateStore; sqs?: SQSClient; queueUrl?: string },
  source: string,
  event: unknown,
  problems: readonly string[],
): Promise<void> {
  await quarantine(deps.store, source, event, problems);
  if (!deps.sqs || !deps.queueUrl) return;
  try {
    await deps.sqs.send(
      new SendMessageCommand({
        QueueUrl: deps.queueUrl,
        MessageBody: JSON.stringify({ source, reason: 'malformed', problems, event }).slice(0, 250_000),
      }),
    );
  } catch (error) {
    logger.warn('malformed event quarantined but not sent to the failure queue', {
      eventId: eventIdOf(event),
      error: (error as Error).message,
    });
  }
}
