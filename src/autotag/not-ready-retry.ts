import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { cloudTrailEventSchema } from './cloudtrail-event';
import type { TagFailure } from './tagging-api';

/** One later try at tagging what refused tags because it did not exist yet, or was still being created. */
export const notReadyRetrySchema = z
  .object({
    kind: z.literal('autotag-not-ready'),
    event: cloudTrailEventSchema,
    /** 1 for the first retry. */
    attempt: z.number().int().min(1).max(10),
    arns: z.array(z.string().startsWith('arn:')).min(1),
  })
  .strict();

export type NotReadyRetry = z.infer<typeof notReadyRetrySchema>;

/**
 * An EC2 create call made by a stack whose CreateStack was not remembered yet: the whole call is handled again
 * later (its instances, volumes and network interfaces are found again from the record).
 */
export const ec2StackWaitSchema = z
  .object({
    kind: z.literal('autotag-ec2-awaits-stack'),
    event: cloudTrailEventSchema,
    /** 1 for the first wait. */
    attempt: z.number().int().min(1).max(10),
  })
  .strict();

export const autotagRetryMessageSchema = z.discriminatedUnion('kind', [
  notReadyRetrySchema,
  ec2StackWaitSchema,
]);

export type AutotagRetryMessage = z.infer<typeof autotagRetryMessageSchema>;

/** Where retries wait: an SQS queue whose per-message delay (≤ 15 minutes) holds them, not a running Lambda. */
export interface RetryQueue {
  later(retry: AutotagRetryMessage, delaySeconds: number): Promise<void>;
}

export function sqsRetryQueue(sqs: SQSClient, queueUrl: string): RetryQueue {
  return {
    async later(retry, delaySeconds) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(retry),
          DelaySeconds: Math.min(900, Math.max(0, Math.round(delaySeconds))),
        }),
      );
    },
  };
}

/**
 * Answers that mean "not yet" rather than "no": the resource is not found or not in a state that takes tags
 * while it is being created, or the Tagging API had an internal error. Anything else (access denied, an
 * unsupported type, a malformed ARN or tag) will not change by waiting, and is reported at once.
 */
const NOT_YET =
  /not ?found|does ?n[o']t exist|not exist|is being created|creating|pending|not (in )?(an? )?(available|active|ready)|invalid\w*state|try again|throttl/i;

/** Answers that stay "no" even when they also say "not found" or "pending": a malformed request or a refusal. */
const NEVER = /not (an? )?valid|malformed|access ?denied|not authori[sz]ed/i;

export function isNotReady(failure: TagFailure): boolean {
  if (failure.code === 'InternalServiceException' || (failure.statusCode ?? 0) >= 500) return true;
  const answer = `${failure.code} ${failure.message}`;
  return !NEVER.test(answer) && NOT_YET.test(answer);
}
