import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { logger } from './logger';
import { eventIdOf } from './quarantine';

/** Where failed events go: the FailedEventsQueue (serverless.yml), absent locally. */
export interface FailureQueue {
  sqs?: SQSClient;
  queueUrl?: string;
}

/**
 * Keeps `event` in the failure queue with why it failed (`reason`, details). Never throws for the event's sake:
 * a queue that cannot be reached is logged.
 */
export async function sendToFailureQueue(
  queue: FailureQueue,
  source: string,
  reason: string,
  event: unknown,
  details: Record<string, unknown> = {},
): Promise<void> {
  if (!queue.sqs || !queue.queueUrl) return;
  try {
    await queue.sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.queueUrl,
        MessageBody: JSON.stringify({ source, reason, ...details, event }).slice(0, 250_000),
      }),
    );
  } catch (error) {
    logger.warn(`${reason} event not sent to the failure queue`, {
      eventId: eventIdOf(event),
      error: (error as Error).message,
    });
  }
}
