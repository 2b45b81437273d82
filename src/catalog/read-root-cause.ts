import {
  type CloudFormationClient,
  DescribeStackEventsCommand,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import {
  type FailedResource,
  firstFailure,
  nestedStackId,
  operationEvents,
  type RootCause,
  stackLevelReason,
} from './root-cause';

/** DescribeStackEvents pages (100 events each) read at most per stack before giving up on the operation's start. */
const MAX_PAGES = 10;
/** Nested stacks followed at most to find where the failure really happened. */
const MAX_NESTING = 3;

/**
 * Why the operation that ended at `failedAt` failed: the first `*_FAILED` resource event, followed into nested
 * stacks; else the stack's own reason. Undefined when the events say nothing.
 */
export async function readRootCause(
  cloudFormation: CloudFormationClient,
  stackId: string,
  failedAt: Date | undefined,
  clientRequestToken: string | undefined,
): Promise<RootCause | undefined> {
  const events = await readOperation(cloudFormation, stackId, failedAt, clientRequestToken);
  const found = firstFailure(events, stackId);
  if (!found) {
    const own = stackLevelReason(events, stackId);
    return own ? { cause: own, nestedPath: [], alsoFailed: [] } : undefined;
  }
  let cause: FailedResource = found.cause;
  const nestedPath: string[] = [];
  for (let depth = 0; depth < MAX_NESTING; depth += 1) {
    const nested = nestedStackId(cause);
    if (!nested) break;
    const inner = await readOperation(cloudFormation, nested, cause.timestamp, undefined)
      .then((nestedEvents) => firstFailure(nestedEvents, nested))
      .catch(() => undefined);
    if (!inner) break;
    nestedPath.push(cause.logicalId);
    cause = inner.cause;
  }
  return { cause, nestedPath, alsoFailed: found.alsoFailed };
}

async function readOperation(
  cloudFormation: CloudFormationClient,
  stackId: string,
  failedAt: Date | undefined,
  clientRequestToken: string | undefined,
): Promise<StackEvent[]> {
  const newestFirst: StackEvent[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const out = await cloudFormation.send(
      new DescribeStackEventsCommand({ StackName: stackId, NextToken: nextToken }),
    );
    newestFirst.push(...(out.StackEvents ?? []));
    const operation = operationEvents(newestFirst, stackId, failedAt, clientRequestToken);
    nextToken = out.NextToken;
    if (operation.complete || !nextToken) return operation.events;
  }
  return operationEvents(newestFirst, stackId, failedAt, clientRequestToken).events;
}
