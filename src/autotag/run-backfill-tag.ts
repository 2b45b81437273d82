import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { backfillResult } from '../../blocks/autotag-backfill';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { BackfillTagJob } from './backfill-job';
import { type BackfillItem, type BackfillPlan, backfillKey } from './backfill-plan';
import { type BackfillTally, emptyTally, saysGone } from './backfill-tally';
import { tagAccessFor } from './ec2-access';
import type { BackfillJobDeps } from './run-backfill-scan';
import { groupForCreateTags, planTags, type ResourceTagPlan } from './tag-plan';
import { readTags, tagResources } from './tagging-api';
import { permanentProblem } from './tagging-problem';
import { writeTags } from './write-tags';

export type BackfillTagDeps = BackfillJobDeps;

type Planned = ResourceTagPlan<{ id: string; kind: string }>;
/** The tally being counted, with the owner tag's key. */
type Tally = BackfillTally & { ownerKey: string };

const placeOf = (item: BackfillItem) => `${item.account} ${item.region}`;
const errorText = (error: unknown) => `${(error as Error).name} ${(error as Error).message}`;

/** A permanent error's sentence, or the error thrown again: a transient one fails the job for a retry. */
function problemOrThrow(error: unknown): string {
  const problem = permanentProblem(error);
  if (!problem) throw error;
  return problem;
}

/** Tagging API items: a per-ARN "not found" is a resource deleted since, any other failure is a failure. */
async function tagViaApi(client: ResourceGroupsTaggingAPIClient, planned: Planned[], tally: Tally) {
  const groups = groupForCreateTags(planned).map((g) => ({ arns: g.resourceIds, tags: g.tags }));
  let failures: Awaited<ReturnType<typeof tagResources>>;
  try {
    failures = await tagResources(client, groups);
  } catch (error) {
    const problem = problemOrThrow(error);
    tally.failed.push(...planned.map((p) => `${p.resource.id}: ${problem}`));
    return;
  }
  for (const p of planned) {
    const failure = failures.get(p.resource.id);
    if (!failure) countTagged(p, tally);
    else if (saysGone(`${failure.code} ${failure.message}`)) tally.gone.push(p.resource.id);
    else tally.failed.push(`${p.resource.id}: ${failure.code}`);
  }
}

/**
 * EC2 items by CreateTags, which refuses a whole call when one id is gone: then each id of that call is tried
 * alone, to tell the gone from the tagged. A failure marks only this place's EC2 items, never its other items.
 */
async function tagViaEc2(ec2: EC2Client, planned: Planned[], tally: Tally) {
  const idOf = (arn: string) => arn.split('/').pop() ?? arn;
  const byArn = new Map(planned.map((p) => [p.resource.id, p]));
  for (const group of groupForCreateTags(planned)) {
    const write = (arns: readonly string[]) =>
      writeTags(ec2, [{ resourceIds: arns.map(idOf), tags: group.tags }]);
    try {
      await write(group.resourceIds);
      for (const arn of group.resourceIds) countTagged(byArn.get(arn), tally);
      continue;
    } catch (error) {
      if (!saysGone(errorText(error))) {
        const problem = problemOrThrow(error);
        tally.failed.push(...group.resourceIds.map((arn) => `${arn}: ${problem}`));
        continue;
      }
    }
    for (const arn of group.resourceIds) {
      try {
        await write([arn]);
        countTagged(byArn.get(arn), tally);
      } catch (error) {
        if (saysGone(errorText(error))) tally.gone.push(arn);
        else tally.failed.push(`${arn}: ${problemOrThrow(error)}`);
      }
    }
  }
}

/** Counts one written resource, and whether it kept the Owner it already had. */
function countTagged(planned: Planned | undefined, tally: Tally) {
  tally.tagged += 1;
  if (planned && tally.ownerKey in planned.kept) tally.ownerKept += 1;
}

/**
 * The confirmed backfill: every item of the plan tagged with its creator (existing owner tags kept unless
 * `overwriteExisting`), the Tagging API for most types, EC2 CreateTags for EC2's; each counted as tagged, kept
 * (nothing to write), gone (deleted since) or failed, and audited.
 */
export async function runAutotagBackfillTag(job: BackfillTagJob, deps: BackfillTagDeps): Promise<SlackReply> {
  const plan = (await deps.store.get<BackfillPlan>(backfillKey(job.planId)))?.data;
  if (!plan) {
    return noticeReply(
      'problem',
      'This backfill has expired (a scan is kept a day).',
      'Run /aws-tag backfill again.',
    );
  }
  const settings = deps.config.autotag;
  const places = new Map<string, BackfillItem[]>();
  for (const item of plan.items) places.set(placeOf(item), [...(places.get(placeOf(item)) ?? []), item]);
  const tally: Tally = { ...emptyTally(), ownerKey: settings.tagKeys.owner };
  for (const items of places.values()) {
    const [first] = items;
    if (!first) continue;
    const access = tagAccessFor(first.account, first.region, undefined, deps.accounts);
    const tagging = deps.clients.taggingApi(access);
    let existing: Awaited<ReturnType<typeof readTags>>;
    try {
      existing = await readTags(
        tagging,
        items.map((item) => item.arn),
      );
    } catch (error) {
      const problem = problemOrThrow(error);
      tally.failed.push(...items.map((item) => `${item.arn}: ${problem}`));
      continue;
    }
    const planned = items.flatMap(
      (item) =>
        planTags({
          resources: [{ id: item.arn, kind: item.resourceType }],
          existing,
          creator: item.creator,
          createdAt: item.createdAt,
          keys: settings.tagKeys,
          overwriteExisting: settings.overwriteExisting,
        }).resources,
    );
    const toWrite = planned.filter((p) => Object.keys(p.write).length > 0);
    tally.kept += planned.length - toWrite.length;
    const viaApi = new Set(items.filter((item) => item.tagApi === 'tagging-api').map((item) => item.arn));
    await tagViaApi(
      tagging,
      toWrite.filter((p) => viaApi.has(p.resource.id)),
      tally,
    );
    const viaEc2 = toWrite.filter((p) => !viaApi.has(p.resource.id));
    if (viaEc2.length > 0) await tagViaEc2(deps.clients.ec2(access), viaEc2, tally);
  }
  await deps.store.audit({
    action: 'autotag.backfill',
    actor: job.actor,
    target: job.planId,
    result: tally.failed.length === 0 ? 'ok' : 'failed',
    detail: {
      tagged: tally.tagged,
      ownerKept: tally.ownerKept,
      kept: tally.kept,
      gone: tally.gone.length,
      failed: tally.failed.length,
      counts: plan.counts,
      windowDays: plan.windowDays,
    },
  });
  const { ownerKey: _, ...result } = tally;
  return backfillResult(result);
}
