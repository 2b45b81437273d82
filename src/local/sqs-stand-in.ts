import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './http-server';

/** One message sent: the queue, the body and the delay it was sent with. */
export interface SentMessage {
  queueUrl: string;
  body: string;
  delaySeconds: number;
  messageId: string;
}

/**
 * Amazon SQS on loopback (AWS JSON 1.0, as the SDK speaks it), for AWS_ENDPOINT_URL_SQS: SendMessage only,
 * recorded in `sent` and answered with the body's MD5 the SDK checks. Delivery is the test's job: it hands
 * `sent` messages to the consuming function as an SQS event.
 */
export class SqsStandIn extends LoopbackStandIn {
  constructor() {
    super('SQS');
  }

  readonly sent: SentMessage[] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const operation = String(req.headers['x-amz-target'] ?? '')
      .split('.')
      .pop();
    res.setHeader('content-type', 'application/x-amz-json-1.0');
    if (operation !== 'SendMessage') {
      res.statusCode = 400;
      return void res.end(JSON.stringify({ __type: 'UnsupportedOperation', message: String(operation) }));
    }
    const body = JSON.parse(raw || '{}') as {
      QueueUrl?: string;
      MessageBody?: string;
      DelaySeconds?: number;
    };
    const messageId = randomUUID();
    const text = body.MessageBody ?? '';
    this.sent.push({
      queueUrl: body.QueueUrl ?? '',
      body: text,
      delaySeconds: body.DelaySeconds ?? 0,
      messageId,
    });
    res.end(
      JSON.stringify({
        MessageId: messageId,
        MD5OfMessageBody: createHash('md5').update(text).digest('hex'),
      }),
    );
  }

  /** The messages sent so far as the SQS event Lambda would deliver, one record each. */
  asEvent(messages: readonly SentMessage[]): { Records: Record<string, unknown>[] } {
    return {
      Records: messages.map((m) => ({
        messageId: m.messageId,
        receiptHandle: `rh-${m.messageId}`,
        body: m.body,
        attributes: { ApproximateReceiveCount: '1' },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(m.body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:999999999999:aws-chatops-bundle-autotag-retry',
        awsRegion: 'us-east-1',
      })),
    };
  }
}
