import * as z from 'zod';
import { describeZodProblems } from '../config/zod-problems';
import { CloudFormationMessageError, parseCloudFormationMessage } from './cloudformation-message';
import { parseStackArn, type StackRef } from './stack-arn';

/** One CloudFormation status change, from an SNS notification or an EventBridge event. */
export interface StackNotification {
  source: 'sns' | 'eventbridge';
  /** SNS MessageId or EventBridge id: what logs and quarantine name it by. */
  messageId: string;
  stack: StackRef;
  /** True for the stack's own status; false for one of its resources (nested stacks included). */
  stackLevel: boolean;
  status: string;
  resourceType: string;
  logicalResourceId: string;
  reason: string;
  /** ISO time of the status change. */
  timestamp: string | undefined;
  /** Shared by every event of one stack operation; absent when CloudFormation says `null`. */
  clientRequestToken: string | undefined;
  /** CloudFormation's EventId (SNS) or the EventBridge event id. */
  eventId: string;
  /** Every field CloudFormation sent, known or not (SNS text), for the log and for replay. */
  fields: Record<string, string>;
}

const STACK = 'AWS::CloudFormation::Stack';

export class MalformedNotificationError extends Error {
  override readonly name = 'MalformedNotificationError';
  constructor(
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`Not a CloudFormation stack notification: ${problems.join('; ')}`, options);
  }
}

/**
 * Reads CloudFormation's `Key='value'` notification text (the SNS Message). Values are read trimmed
 * (`ResourceStatus='ROLLBACK_COMPLETE '` is a rollback); `fields` keeps them as sent.
 */
export function notificationFromText(text: string, messageId: string): StackNotification {
  let fields: Record<string, string>;
  try {
    fields = parseCloudFormationMessage(text);
  } catch (error) {
    if (error instanceof CloudFormationMessageError)
      throw new MalformedNotificationError([error.message], { cause: error });
    throw error;
  }
  const field = (key: string) => fields[key]?.trim() ?? '';
  const missing = ['StackId', 'ResourceStatus', 'ResourceType'].filter((key) => !field(key));
  if (missing.length > 0) throw new MalformedNotificationError(missing.map((key) => `${key}: missing`));
  const stack = stackOf(field('StackId'));
  const resourceType = field('ResourceType');
  const logicalResourceId = field('LogicalResourceId') || stack.stackName;
  return {
    source: 'sns',
    messageId,
    stack,
    stackLevel:
      resourceType === STACK &&
      (field('PhysicalResourceId') === stack.stackId || logicalResourceId === stack.stackName),
    status: field('ResourceStatus'),
    resourceType,
    logicalResourceId,
    reason: field('ResourceStatusReason'),
    timestamp: field('Timestamp') || undefined,
    clientRequestToken: presentToken(field('ClientRequestToken')),
    eventId: field('EventId') || messageId,
    fields,
  };
}

const trimmed = z.string().trim();
const cfnEventSchema = z.object({
  id: trimmed.min(1),
  'detail-type': trimmed,
  source: z.literal('aws.cloudformation'),
  time: trimmed.optional(),
  detail: z.object({
    'stack-id': trimmed.min(1),
    'logical-resource-id': trimmed.optional(),
    'physical-resource-id': trimmed.optional(),
    'resource-type': trimmed.optional(),
    'status-details': z.object({ status: trimmed.min(1), 'status-reason': trimmed.optional() }),
    'client-request-token': trimmed.optional(),
  }),
});

export const STACK_STATUS_CHANGE = 'CloudFormation Stack Status Change';
export const RESOURCE_STATUS_CHANGE = 'CloudFormation Resource Status Change';

/**
 * Reads an EventBridge "CloudFormation Stack Status Change" (or "Resource Status Change", which is resource-level
 * and filtered out later). Undefined for other CloudFormation detail types (drift, StackSets…).
 */
export function notificationFromEventBridge(event: unknown): StackNotification | undefined {
  const parsed = cfnEventSchema.safeParse(event);
  if (!parsed.success) throw new MalformedNotificationError(describeZodProblems(parsed.error));
  const { id, time, detail } = parsed.data;
  const detailType = parsed.data['detail-type'];
  if (detailType !== STACK_STATUS_CHANGE && detailType !== RESOURCE_STATUS_CHANGE) return undefined;
  const stack = stackOf(detail['stack-id']);
  const stackLevel = detailType === STACK_STATUS_CHANGE;
  return {
    source: 'eventbridge',
    messageId: id,
    stack,
    stackLevel,
    status: detail['status-details'].status,
    resourceType: stackLevel ? STACK : (detail['resource-type'] ?? ''),
    logicalResourceId: stackLevel ? stack.stackName : (detail['logical-resource-id'] ?? ''),
    reason: detail['status-details']['status-reason'] ?? '',
    timestamp: time,
    clientRequestToken: presentToken(detail['client-request-token']),
    eventId: id,
    fields: {},
  };
}

function stackOf(stackId: string): StackRef {
  const stack = parseStackArn(stackId);
  if (!stack)
    throw new MalformedNotificationError([
      `StackId: not a CloudFormation stack ARN: ${stackId.slice(0, 200)}`,
    ]);
  return stack;
}

function presentToken(token: string | undefined): string | undefined {
  return token === undefined || token === '' || token === 'null' ? undefined : token;
}
