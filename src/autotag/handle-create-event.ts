import { logger } from '../lambda/logger';
import type { AutotagDeps } from './autotag-deps';
import { type AutotagOutcome, EVENT_CLAIM_SECONDS, eventClaimKey } from './autotag-outcome';
import { type CloudTrailEvent, requestTags, resourceAccountOf } from './cloudtrail-event';
import { createdResources, isSupportedCreateEvent } from './created-resources';
import { tagAccessFor } from './ec2-access';
import { handleOtherCall } from './handle-other-call';
import { type LaunchInventory, launchInventory } from './launch-inventory';
import { nameThePerson, stackWaitSeconds } from './name-the-person';
import { postNotice } from './post-notice';
import { groupForCreateTags, planTags } from './tag-plan';
import { ec2KindOf } from './tagged-calls-ec2';
import { permanentProblem } from './tagging-problem';
import { writeTags } from './write-tags';

export type { AutotagDeps } from './autotag-deps';
export { type AutotagOutcome, EVENT_CLAIM_SECONDS, eventClaimKey } from './autotag-outcome';

/** `RunInstances` or its type `ec2:instance`: either names an EC2 call in `autotag.events` / `notifyOn`. */
function names(list: readonly string[], eventName: string, kind: string | undefined): boolean {
  return list.includes(eventName) || (kind !== undefined && list.includes(`ec2:${kind}`));
}

/**
 * One CloudTrail create event (other services than EC2: `handleOtherCall`): find what was created (instances with their volumes and network interfaces),
 * name the creator, tag everything in the right account and region (or only plan it in dry-run), and announce
 * it in Slack. Transient AWS errors throw (Lambda retries); permanent ones are reported in the notice. A stack's
 * resources whose stack is not remembered yet wait on the retry queue (`attempt` counts the waits).
 */
export async function handleCreateEvent(
  event: CloudTrailEvent,
  deps: AutotagDeps,
  attempt = 0,
): Promise<AutotagOutcome> {
  const settings = deps.config.autotag;
  const { detail } = event;
  if (!settings.enabled) return { status: 'skipped', reason: 'autotag.enabled is false' };
  if (detail.errorCode) return { status: 'skipped', reason: `the call failed (${detail.errorCode})` };
  if (detail.eventSource !== 'ec2.amazonaws.com') return handleOtherCall(event, deps, EVENT_CLAIM_SECONDS);
  const eventName = detail.eventName;
  const kind = isSupportedCreateEvent(eventName) ? ec2KindOf(eventName) : undefined;
  if (!isSupportedCreateEvent(eventName) || !names(settings.events, eventName, kind)) {
    return { status: 'skipped', reason: `${eventName} is not in autotag.events` };
  }
  const created = createdResources(eventName, detail.responseElements);
  if (created.length === 0) return { status: 'skipped', reason: 'the response names no resource' };

  const claimKey = `${eventClaimKey(detail.eventID)}${attempt > 0 ? `#retry#${attempt}` : ''}`;
  if (!(await deps.store.claim(claimKey, EVENT_CLAIM_SECONDS))) return { status: 'duplicate' };
  try {
    const accountId = resourceAccountOf(event);
    const access = tagAccessFor(accountId, detail.awsRegion, deps.ownAccountId, deps.accounts);
    const ec2 = deps.clients.ec2(access);
    const problems: string[] = [];
    const retry = { ...settings.describeRetry, ...(deps.sleep ? { sleep: deps.sleep } : {}) };
    let inventory: LaunchInventory;
    try {
      inventory = await launchInventory(ec2, created, retry);
    } catch (error) {
      const problem = permanentProblem(error);
      if (!problem) throw error;
      problems.push(problem);
      inventory = { resources: created, instances: [], existing: new Map(), instanceTags: new Map() };
      for (const r of created) if (r.kind === 'instance') inventory.instances.push(instanceOf(r));
    }
    const tags = new Map([...inventory.instanceTags, ...requestTags(detail)]);
    const wait = await stackWaitSeconds(detail, tags, attempt, deps);
    if (wait !== undefined && deps.retryQueue) {
      await deps.retryQueue.later({ kind: 'autotag-ec2-awaits-stack', event, attempt: attempt + 1 }, wait);
      const pending = inventory.resources.length;
      return { status: 'tagged', resources: 0, notice: 'none', problems, pending };
    }
    const creator = await nameThePerson(detail, tags, deps);
    const plan = planTags({
      resources: inventory.resources,
      existing: inventory.existing,
      creator,
      createdAt: detail.eventTime,
      keys: settings.tagKeys,
      overwriteExisting: settings.overwriteExisting,
    });
    if (!settings.dryRun && problems.length === 0) {
      try {
        await writeTags(ec2, groupForCreateTags(plan.resources));
      } catch (error) {
        const problem = permanentProblem(error);
        if (!problem) throw error;
        problems.push(problem);
      }
    }
    logger.info(settings.dryRun ? 'tag plan (dry run, nothing written)' : 'resources tagged', {
      eventName,
      creator: creator.label,
      resources: plan.resources.length,
      // The first resources are enough to see the plan; a 1,000-instance launch would not fit in one log line.
      plan: plan.resources.slice(0, 30).map((r) => ({ id: r.resource.id, write: r.write, kept: r.kept })),
      problems,
    });
    const announce =
      names(settings.notifyOn, eventName, kind) && (!creator.service || settings.notifyServiceLaunches);
    const notice = announce
      ? await postNotice(
          {
            event,
            creator,
            plan,
            inventory,
            access,
            problems,
            accountName: await deps.accounts.nameOf(accountId),
          },
          deps,
        )
      : 'none';
    return {
      status: settings.dryRun ? 'planned' : 'tagged',
      resources: plan.resources.length,
      notice,
      problems,
    };
  } catch (error) {
    await deps.store.release(claimKey).catch(() => undefined);
    throw error;
  }
}

function instanceOf(resource: LaunchInventory['resources'][number]) {
  return {
    id: resource.id,
    ...(resource.instanceType ? { type: resource.instanceType } : {}),
    ...(resource.imageId ? { imageId: resource.imageId } : {}),
  };
}
