import * as z from 'zod';
import { describeZodProblems } from '../config/zod-problems';
import {
  MalformedNotificationError,
  notificationFromEventBridge,
  notificationFromText,
  type StackNotification,
} from './stack-notification';

/** One unit of work from a Lambda event; `raw` is what quarantine keeps, in a shape the handler accepts again. */
export type CatalogInput =
  | { kind: 'notification'; notification: StackNotification; raw: unknown }
  | { kind: 'ignored'; why: string; raw: unknown }
  | { kind: 'malformed'; problems: string[]; raw: unknown };

const snsEventSchema = z.object({
  Records: z
    .array(
      z.object({
        Sns: z.object({ MessageId: z.string().min(1), Message: z.string() }),
      }),
    )
    .min(1),
});

/**
 * Splits what Lambda received into notifications: SNS records (CloudFormation's text, or an EventBridge event that
 * was forwarded to the topic as JSON) and EventBridge events delivered directly.
 */
export function readCatalogEvent(event: unknown): CatalogInput[] {
  if (typeof event === 'object' && event !== null && 'Records' in event) {
    const sns = snsEventSchema.safeParse(event);
    if (!sns.success) return [{ kind: 'malformed', problems: describeZodProblems(sns.error), raw: event }];
    const records = (event as { Records: unknown[] }).Records;
    return sns.data.Records.map((record, index) =>
      readOne({ Records: [records[index]] }, () => fromSnsMessage(record.Sns.Message, record.Sns.MessageId)),
    );
  }
  return [readOne(event, () => notificationFromEventBridge(event))];
}

function fromSnsMessage(message: string, messageId: string): StackNotification | undefined {
  const trimmed = message.trimStart();
  if (!trimmed.startsWith('{')) return notificationFromText(message, messageId);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw new MalformedNotificationError(['Message: starts with "{" but is not JSON']);
  }
  return notificationFromEventBridge(json);
}

function readOne(raw: unknown, read: () => StackNotification | undefined): CatalogInput {
  try {
    const notification = read();
    if (!notification) return { kind: 'ignored', why: 'not a stack or resource status change', raw };
    return { kind: 'notification', notification, raw };
  } catch (error) {
    if (error instanceof MalformedNotificationError)
      return { kind: 'malformed', problems: error.problems, raw };
    throw error;
  }
}
