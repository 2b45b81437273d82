import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import { backfillSummary } from '../../blocks/autotag-backfill';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';
import { asRecord } from './as-record';
import type { BackfillScanJob } from './backfill-job';
import {
  BACKFILL_SECONDS,
  type BackfillItem,
  type BackfillPlan,
  backfillKey,
  itemsWithinPlanSize,
} from './backfill-plan';
import { type CloudTrailDetail, cloudTrailEventSchema, requestTags } from './cloudtrail-event';
import { type LookupPacing, lookUpCalls } from './cloudtrail-history';
import { tagAccessFor } from './ec2-access';
import { nameThePerson } from './name-the-person';
import { TAGGED_CALLS, taggedCallOf } from './tagged-call-table';
import { readTags } from './tagging-api';

export interface BackfillJobDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  clients: Pick<MemberClients, 'cloudTrail' | 'taggingApi' | 'ec2'>;
  botRegion: string;
  now: () => Date;
  /** The LookupEvents pace's clock (tests pass a virtual one). */
  lookupPacing?: LookupPacing;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Accounts × regions read at once. Each takes ≥ 25 s (one LookupEvents per call name at 2 a second), so one
 * after another 35 of them outlast the worker's 900 s; side by side, 10 at a time, ~350 fit.
 */
const PLACES_AT_ONCE = 10;

function placesOf(job: BackfillScanJob, deps: BackfillJobDeps): { account: string; region: string }[] {
  const accounts = job.account
    ? [
        deps.config.accounts.find((a) => a.id === job.account?.id) ?? {
          id: job.account.id,
          regions: undefined,
        },
      ]
    : deps.config.accounts;
  return accounts.flatMap((account) =>
    (job.region
      ? [job.region]
      : (account.regions ?? deps.config.autotag.lookupRegions ?? [deps.botRegion])
    ).map((region) => ({ account: account.id, region })),
  );
}

/**
 * Backfills go through the tagging role in every account, the bot's own too, so the Slack worker's own role
 * keeps writing nothing but owner tags.
 *
 * `/aws-tag backfill`: the create calls of the table in the window (CloudTrail LookupEvents in each account and
 * region, 2 requests a second at most), the person behind each, and which of their resources still lack the
 * creator tag (Tagging API GetResources). The plan is kept for the confirmation; nothing is tagged yet.
 */
export async function runAutotagBackfillScan(
  job: BackfillScanJob,
  deps: BackfillJobDeps,
): Promise<SlackReply> {
  const to = deps.now();
  const window = { from: new Date(to.getTime() - job.windowDays * DAY_MS), to };
  const names = [...new Set(TAGGED_CALLS.map((row) => row.eventName))];
  const pacing: LookupPacing = deps.lookupPacing ?? { nowMs: () => Date.now(), sleep: delay };
  const places = new PQueue({ concurrency: PLACES_AT_ONCE });
  const perPlace = await Promise.all(
    placesOf(job, deps).map(({ account, region }) =>
      places.add(async (): Promise<{ items: BackfillItem[]; unreadable?: string }> => {
        try {
          const access = tagAccessFor(account, region, undefined, deps.accounts);
          const candidates = new Map<string, BackfillItem>();
          // Each place its own LookupEvents pace: the 2 requests a second are per account and region.
          for await (const record of lookUpCalls(deps.clients.cloudTrail(access), names, window, pacing)) {
            for (const item of await itemsOf(record, account, region, deps)) {
              if (!candidates.has(item.arn)) candidates.set(item.arn, item);
            }
          }
          const tags = await readTags(deps.clients.taggingApi(access), [...candidates.keys()]);
          const creatorKey = deps.config.autotag.tagKeys.creator;
          return { items: [...candidates.values()].filter((item) => !tags.get(item.arn)?.has(creatorKey)) };
        } catch (error) {
          logger.warn('backfill could not read one account and region', { account, region, error });
          return { items: [], unreadable: `${account} ${region}: ${(error as Error).name}` };
        }
      }),
    ),
  );
  const found = new Map<string, BackfillItem>();
  for (const { items } of perPlace)
    for (const item of items) if (!found.has(item.arn)) found.set(item.arn, item);
  const unreadable = perPlace.flatMap((place) => (place.unreadable ? [place.unreadable] : []));
  const all = [...found.values()];
  const items = itemsWithinPlanSize(all);
  const counts: Record<string, number> = {};
  for (const item of items) {
    const label =
      TAGGED_CALLS.find((row) => row.resourceType === item.resourceType)?.label ?? item.resourceType;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  const plan: BackfillPlan = {
    actor: job.actor,
    windowDays: job.windowDays,
    items,
    counts,
    leftOut: all.length - items.length,
    unreadable,
  };
  await deps.store.create(backfillKey(job.id), '#', plan, { ttlSeconds: BACKFILL_SECONDS });
  return backfillSummary({ planId: job.id, ...plan, itemCount: items.length });
}

/** The untagged-candidate resources one CloudTrail record names (none for a failed call). */
async function itemsOf(
  record: Record<string, unknown>,
  account: string,
  region: string,
  deps: BackfillJobDeps,
): Promise<BackfillItem[]> {
  const event = cloudTrailEventSchema.safeParse({
    id: String(record.eventID ?? 'lookup'),
    'detail-type': 'AWS API Call via CloudTrail',
    account,
    region,
    detail: record,
  });
  if (!event.success || event.data.detail.errorCode) return [];
  const detail: CloudTrailDetail = event.data.detail;
  const row = taggedCallOf(detail.eventSource, detail.eventName);
  if (!row || !deps.config.autotag.events.includes(row.resourceType)) return [];
  const arns = row.arns({
    partition: deps.config.organization.partition,
    account,
    region: detail.awsRegion,
    request: asRecord(detail.requestParameters),
    response: asRecord(detail.responseElements),
  });
  if (arns.length === 0) return [];
  const creator = await nameThePerson(detail, requestTags(detail), { store: deps.store });
  const { label, arn, kind, service } = creator;
  return arns.map((resourceArn) => ({
    arn: resourceArn,
    resourceType: row.resourceType,
    tagApi: row.tagApi,
    account,
    region: detail.awsRegion,
    creator: { label, arn, kind, service, ...(creator.person ? { person: creator.person } : {}) },
    createdAt: detail.eventTime,
  }));
}
