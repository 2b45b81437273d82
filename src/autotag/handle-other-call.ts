import type { AutotagDeps } from './autotag-deps';
import type { AutotagOutcome } from './autotag-outcome';
import { type CloudTrailEvent, requestTags } from './cloudtrail-event';
import { handleServiceCreate } from './handle-service-create';
import { nameThePerson } from './name-the-person';
import { rememberCreator } from './stack-creators';
import { REMEMBERED_CALLS, taggedCallOf } from './tagged-call-table';

const isRemembered = (eventSource: string, eventName: string) =>
  REMEMBERED_CALLS.some((call) => call.eventSource === eventSource && call.eventName === eventName);

/**
 * A successful call of another service than EC2: a stack's creation or update or a StackSet operation is
 * remembered (who ran it names what the stack creates), whatever autotag.events names; a create call of the
 * table is tagged; anything else is skipped.
 */
export async function handleOtherCall(
  event: CloudTrailEvent,
  deps: AutotagDeps,
  claimSeconds: number,
): Promise<AutotagOutcome> {
  const { eventSource, eventName } = event.detail;
  if (isRemembered(eventSource, eventName)) {
    const creator = await nameThePerson(event.detail, requestTags(event.detail), deps);
    await rememberCreator(deps.store, event.detail, creator);
    return { status: 'remembered', creator: creator.label };
  }
  const row = taggedCallOf(eventSource, eventName);
  if (!row)
    return { status: 'skipped', reason: `${eventSource} ${eventName} is not a create call of the table` };
  if (!deps.config.autotag.events.includes(row.resourceType)) {
    return { status: 'skipped', reason: `${row.resourceType} is not in autotag.events` };
  }
  return handleServiceCreate(event, row, deps, claimSeconds);
}
