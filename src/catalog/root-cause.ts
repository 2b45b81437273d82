import type { StackEvent } from '@aws-sdk/client-cloudformation';

/** The resource whose failure started the failed operation, as CloudFormation reported it. */
export interface FailedResource {
  logicalId: string;
  type: string;
  status: string;
  reason: string;
  physicalId: string | undefined;
  timestamp: Date | undefined;
}

export interface RootCause {
  /** First failure of the operation (inside a nested stack when that is where it happened). */
  cause: FailedResource;
  /** Nested stacks walked through to reach `cause`, outermost first (logical ids). */
  nestedPath: string[];
  /** Other resources that failed in the same operation, oldest first (cancellations last). */
  alsoFailed: FailedResource[];
}

const OPERATION_START = new Set([
  'CREATE_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'IMPORT_IN_PROGRESS',
]);
const STACK = 'AWS::CloudFormation::Stack';

/**
 * The events of the operation that ended at `failedAt`, oldest first: from the stack's last
 * `*_IN_PROGRESS` start (CREATE, UPDATE, DELETE, IMPORT) up to the failure. `newestFirst` is DescribeStackEvents'
 * order. Events of another operation (other client request token) are left out.
 */
export function operationEvents(
  newestFirst: readonly StackEvent[],
  stackId: string,
  failedAt?: Date,
  clientRequestToken?: string,
): { events: StackEvent[]; complete: boolean } {
  const events: StackEvent[] = [];
  for (const event of newestFirst) {
    if (failedAt && event.Timestamp && event.Timestamp.getTime() > failedAt.getTime()) continue;
    if (clientRequestToken && event.ClientRequestToken && event.ClientRequestToken !== clientRequestToken)
      continue;
    events.push(event);
    if (isStackItself(event, stackId) && OPERATION_START.has(event.ResourceStatus ?? '')) {
      return { events: events.reverse(), complete: true };
    }
  }
  return { events: events.reverse(), complete: false };
}

/**
 * The root cause among one operation's events (oldest first): the first resource event whose status (or hook
 * status) is `*_FAILED`, preferring real failures over "Resource creation cancelled" knock-on effects. Undefined
 * when no resource failed (a template or parameter error fails the stack itself).
 */
export function firstFailure(
  oldestFirst: readonly StackEvent[],
  stackId: string,
): { cause: FailedResource; alsoFailed: FailedResource[] } | undefined {
  const failures = oldestFirst.filter((event) => !isStackItself(event, stackId)).flatMap(toFailure);
  const real = failures.filter((failure) => !isCancellation(failure));
  const ordered = [...real, ...failures.filter(isCancellation)];
  const [cause, ...alsoFailed] = ordered;
  return cause ? { cause, alsoFailed } : undefined;
}

/** The stack's own reason when no resource failed (e.g. "Parameters: [KeyName] must have values"). */
export function stackLevelReason(
  oldestFirst: readonly StackEvent[],
  stackId: string,
): FailedResource | undefined {
  const explained = oldestFirst
    .filter((event) => isStackItself(event, stackId))
    .filter((event) => /FAILED|ROLLBACK/.test(event.ResourceStatus ?? ''))
    .filter((event) => (event.ResourceStatusReason ?? '').trim() !== '');
  const first = explained[0];
  return first ? toResource(first, first.ResourceStatus ?? '', first.ResourceStatusReason ?? '') : undefined;
}

/** A nested stack whose failure is the cause: its own events hold the real reason. */
export function nestedStackId(failure: FailedResource): string | undefined {
  return failure.type === STACK && failure.physicalId?.startsWith('arn:') ? failure.physicalId : undefined;
}

function toFailure(event: StackEvent): FailedResource[] {
  if ((event.ResourceStatus ?? '').endsWith('_FAILED')) {
    return [toResource(event, event.ResourceStatus ?? '', event.ResourceStatusReason ?? '')];
  }
  if ((event.HookStatus ?? '').endsWith('_FAILED')) {
    const hook = event.HookType ? ` (hook ${event.HookType})` : '';
    return [toResource(event, event.HookStatus ?? '', `${event.HookStatusReason ?? ''}${hook}`)];
  }
  return [];
}

function toResource(event: StackEvent, status: string, reason: string): FailedResource {
  return {
    logicalId: event.LogicalResourceId ?? '?',
    type: event.ResourceType ?? '?',
    status,
    reason: reason.trim(),
    physicalId: event.PhysicalResourceId || undefined,
    timestamp: event.Timestamp,
  };
}

function isCancellation(failure: FailedResource): boolean {
  return /\b(cancelled|canceled)\b/i.test(failure.reason);
}

function isStackItself(event: StackEvent, stackId: string): boolean {
  return (
    event.ResourceType === STACK &&
    (event.PhysicalResourceId === stackId || event.StackId === event.PhysicalResourceId)
  );
}
