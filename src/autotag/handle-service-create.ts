import { logger } from '../lambda/logger';
import { asRecord } from './as-record';
import type { AutotagDeps } from './autotag-deps';
import type { AutotagOutcome } from './autotag-outcome';
import { eventClaimKey } from './autotag-outcome';
import { type CloudTrailEvent, requestTags, resourceAccountOf } from './cloudtrail-event';
import { tagAccessFor } from './ec2-access';
import { nameThePerson, stackWaitSeconds } from './name-the-person';
import { isNotReady } from './not-ready-retry';
import { postServiceNotice } from './service-notice';
import { groupForCreateTags, planTags } from './tag-plan';
import type { TaggedCall } from './tagged-call';
import { readTags, type TagFailure, tagResources } from './tagging-api';
import { permanentProblem } from './tagging-problem';

/** A first delivery (attempt 0) or a not-ready retry of some of its ARNs. */
export interface ServiceCallAttempt {
  attempt: number;
  only?: readonly string[];
}

const couldNotTag = (arn: string, failure: TagFailure) =>
  `Could not tag ${arn}: ${failure.code}${failure.message ? ` (${failure.message})` : ''}`;

/**
 * One create call of a non-EC2 type of the table: its ARNs from the record, the person behind it, the tags
 * planned against what the resources already carry, TagResources in the right account and region. What refuses
 * tags because it is not ready yet waits on the retry queue (bounded back-off, 15 minutes in all); the notice,
 * for notified types, is posted once nothing is pending any more.
 */
export async function handleServiceCreate(
  event: CloudTrailEvent,
  row: TaggedCall,
  deps: AutotagDeps,
  claimSeconds: number,
  { attempt, only }: ServiceCallAttempt = { attempt: 0 },
): Promise<AutotagOutcome> {
  const settings = deps.config.autotag;
  const { detail } = event;
  const accountId = resourceAccountOf(event);
  const call = {
    partition: deps.config.organization.partition,
    account: accountId,
    region: detail.awsRegion,
    request: asRecord(detail.requestParameters),
    response: asRecord(detail.responseElements),
  };
  const allArns = row.arns(call);
  const arns = allArns.filter((arn) => !only || only.includes(arn));
  if (arns.length === 0) return { status: 'skipped', reason: 'the record names no resource' };

  const claimKey = `${eventClaimKey(detail.eventID)}${attempt > 0 ? `#retry#${attempt}` : ''}`;
  if (!(await deps.store.claim(claimKey, claimSeconds))) return { status: 'duplicate' };
  try {
    const access = tagAccessFor(accountId, detail.awsRegion, deps.ownAccountId, deps.accounts);
    const tagging = deps.clients.taggingApi(access);
    const problems: string[] = [];
    const existing = await readTags(tagging, arns).catch((error: unknown) => {
      const problem = permanentProblem(error);
      if (!problem) throw error;
      problems.push(problem);
      return new Map<string, Map<string, string>>();
    });
    const tags = new Map([...(existing.get(arns[0] ?? '') ?? []), ...requestTags(detail)]);
    const wait = await stackWaitSeconds(detail, tags, attempt, deps);
    if (wait !== undefined && deps.retryQueue) {
      await deps.retryQueue.later({ kind: 'autotag-not-ready', event, attempt: attempt + 1, arns }, wait);
      return { status: 'tagged', resources: 0, notice: 'none', problems, pending: arns.length };
    }
    const creator = await nameThePerson(detail, tags, deps);
    const plan = planTags({
      resources: arns.map((arn) => ({ id: arn, kind: row.resourceType })),
      existing,
      creator,
      createdAt: detail.eventTime,
      keys: settings.tagKeys,
      overwriteExisting: settings.overwriteExisting,
    });
    const pending: string[] = [];
    if (!settings.dryRun && problems.length === 0) {
      const groups = groupForCreateTags(plan.resources).map((g) => ({ arns: g.resourceIds, tags: g.tags }));
      const failed = await tagResources(tagging, groups).catch((error: unknown) => {
        const problem = permanentProblem(error);
        if (!problem) throw error;
        problems.push(problem);
        return new Map<string, TagFailure>();
      });
      const delay = settings.notReadyDelaysSeconds[attempt];
      for (const [arn, failure] of failed) {
        if (isNotReady(failure) && delay !== undefined && deps.retryQueue) pending.push(arn);
        else problems.push(couldNotTag(arn, failure));
      }
      if (pending.length > 0 && deps.retryQueue && delay !== undefined) {
        await deps.retryQueue.later(
          { kind: 'autotag-not-ready', event, attempt: attempt + 1, arns: pending },
          delay,
        );
      }
    }
    logger.info(settings.dryRun ? 'tag plan (dry run, nothing written)' : 'resources tagged', {
      eventName: detail.eventName,
      resourceType: row.resourceType,
      creator: creator.label,
      attempt,
      plan: plan.resources.slice(0, 30).map((r) => ({ arn: r.resource.id, write: r.write, kept: r.kept })),
      pending,
      problems,
    });
    if (problems.some((p) => p.startsWith('Could not tag'))) logger.warn('could not tag', { problems });
    const notify =
      settings.notifyOn.includes(row.resourceType) && (!creator.service || settings.notifyServiceLaunches);
    const notice =
      notify && pending.length === 0
        ? await postServiceNotice(
            { event, row, creator, arns: allArns, owner: plan.owner, access, problems },
            deps,
          )
        : 'none';
    return {
      status: settings.dryRun ? 'planned' : 'tagged',
      resources: plan.resources.length - pending.length,
      notice,
      problems,
      ...(pending.length > 0 ? { pending: pending.length } : {}),
    };
  } catch (error) {
    await deps.store.release(claimKey).catch(() => undefined);
    throw error;
  }
}
