import { backfillResult } from '../../blocks/autotag-backfill';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import type { BackfillTagJob } from './backfill-job';
import { type BackfillItem, type BackfillPlan, backfillKey } from './backfill-plan';
import { tagAccessFor } from './ec2-access';
import type { BackfillJobDeps } from './run-backfill-scan';
import { groupForCreateTags, planTags } from './tag-plan';
import { readTags, tagResources } from './tagging-api';
import { permanentProblem } from './tagging-problem';
import { writeTags } from './write-tags';

export type BackfillTagDeps = BackfillJobDeps;

const placeOf = (item: BackfillItem) => `${item.account} ${item.region}`;

/**
 * The confirmed backfill: every item of the plan tagged with its creator (existing owner tags kept unless
 * `overwriteExisting`), the Tagging API for most types, EC2 CreateTags for EC2's; counted and audited.
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
  let tagged = 0;
  const failed: string[] = [];
  for (const items of places.values()) {
    const [first] = items;
    if (!first) continue;
    const access = tagAccessFor(first.account, first.region, undefined, deps.accounts);
    try {
      const viaApi = items.filter((item) => item.tagApi === 'tagging-api');
      const tagging = deps.clients.taggingApi(access);
      const existing = await readTags(
        tagging,
        items.map((item) => item.arn),
      );
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
      const apiArns = new Set(viaApi.map((item) => item.arn));
      const groups = groupForCreateTags(planned.filter((p) => apiArns.has(p.resource.id)));
      const failures = await tagResources(
        tagging,
        groups.map((g) => ({ arns: g.resourceIds, tags: g.tags })),
      );
      const ec2Groups = groupForCreateTags(planned.filter((p) => !apiArns.has(p.resource.id))).map((g) => ({
        resourceIds: g.resourceIds.map((arn) => arn.split('/').pop() ?? arn),
        tags: g.tags,
      }));
      if (ec2Groups.length > 0) await writeTags(deps.clients.ec2(access), ec2Groups);
      for (const [arn, failure] of failures) failed.push(`${arn}: ${failure.code}`);
      tagged += items.length - failures.size;
    } catch (error) {
      const problem = permanentProblem(error);
      if (!problem) throw error;
      failed.push(...items.map((item) => `${item.arn}: ${problem}`));
    }
  }
  await deps.store.audit({
    action: 'autotag.backfill',
    actor: job.actor,
    target: job.planId,
    result: failed.length === 0 ? 'ok' : 'failed',
    detail: { tagged, failed: failed.length, counts: plan.counts, windowDays: plan.windowDays },
  });
  return backfillResult({ tagged, failed });
}
