import { setTimeout as delay } from 'node:timers/promises';
import PQueue from 'p-queue';
import { backfillSummary } from '../../blocks/autotag-backfill';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import type { StateStore } from '../store/state-store';
import { NotReadInTimeError, notReadInTime, timeLeft } from './backfill-deadline';
import type { BackfillScanJob } from './backfill-job';
import {
  BACKFILL_SECONDS,
  type BackfillItem,
  type BackfillPlan,
  backfillKey,
  itemsWithinPlanSize,
} from './backfill-plan';
import { itemsOf, rememberStackCreators, stackCreatorsAt } from './backfill-records';
import { whyUnreadable } from './backfill-unreadable';
import { type LookupPace, type LookupPacing, lookUpCalls, lookupPace } from './cloudtrail-history';
import { tagAccessFor } from './ec2-access';
import type { IdentityCenterNames } from './identity-center-names';
import { REMEMBERED_CALLS, TAGGED_CALLS } from './tagged-call-table';
import { readTags } from './tagging-api';

export interface BackfillJobDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  store: StateStore;
  clients: Pick<MemberClients, 'cloudTrail' | 'taggingApi' | 'ec2'>;
  botRegion: string;
  now: () => Date;
  /** Identity Center user names, as the live path has them (`autotag.identityCenter`). */
  identityCenter?: IdentityCenterNames;
  /** The LookupEvents pace's clock (tests pass a virtual one). */
  lookupPacing?: LookupPacing;
  /** The worker's time left (Lambda's getRemainingTimeInMillis); absent: no deadline. */
  remainingMs?: () => number;
  /** Accounts × regions read at once (PLACES_AT_ONCE; tests may read one at a time). */
  placesAtOnce?: number;
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

interface Place {
  account: string;
  region: string;
  pace: LookupPace;
}

/** What reading places needs: who is still readable, and whether there is time to start a read. */
interface Reading {
  unreadable: Map<Place, string>;
  inTime: () => boolean;
  placesAtOnce: number;
}

/**
 * `read` in every place still readable, 10 at a time; a place that fails is reported once as unreadable and
 * left out of later reads. No place starts near the deadline; one whose read ran into it keeps what it read
 * and is reported as not read in time.
 */
async function eachPlace<T>(
  places: Place[],
  reading: Reading,
  read: (place: Place, late: () => void) => Promise<T[]>,
): Promise<T[]> {
  const { unreadable } = reading;
  const late = (place: Place) => () => unreadable.set(place, notReadInTime(place.account, place.region));
  const queue = new PQueue({ concurrency: reading.placesAtOnce });
  const found = await Promise.all(
    places
      .filter((place) => !unreadable.has(place))
      .map((place) =>
        queue.add(async (): Promise<T[]> => {
          if (!reading.inTime()) {
            late(place)();
            return [];
          }
          try {
            return await read(place, late(place));
          } catch (error) {
            logger.warn('backfill could not read one account and region', {
              account: place.account,
              region: place.region,
              error,
            });
            unreadable.set(place, whyUnreadable(place.account, place.region, error));
            return [];
          }
        }),
      ),
  );
  return found.flat();
}

/** The records until the deadline stopped the read (then `late` is told), or all of them. */
async function* untilLate<T>(records: AsyncIterable<T>, late: () => void): AsyncGenerator<T> {
  try {
    yield* records;
  } catch (error) {
    if (!(error instanceof NotReadInTimeError)) throw error;
    late();
  }
}

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const record of records) all.push(record);
  return all;
}

const STACK_CALL_NAMES = [...new Set(REMEMBERED_CALLS.map((call) => call.eventName))];
const CREATE_CALL_NAMES = [...new Set(TAGGED_CALLS.map((row) => row.eventName))];

/**
 * Backfills go through the tagging role in every account, the bot's own too, so the Slack worker's own role
 * keeps writing nothing but owner tags.
 *
 * `/aws-tag backfill`: the create calls of the table in the window (CloudTrail LookupEvents in each account and
 * region, 2 requests a second at most), the person behind each — named as the live path names them: stacks'
 * and StackSets' creators of the window remembered first, Identity Center users by name — and which of their
 * resources carry no creator tag (Tagging API GetResources; it lists neither never-tagged nor deleted
 * resources, so the count may include resources deleted since). The plan is kept for the confirmation.
 */
export async function runAutotagBackfillScan(
  job: BackfillScanJob,
  deps: BackfillJobDeps,
): Promise<SlackReply> {
  const to = deps.now();
  const window = { from: new Date(to.getTime() - job.windowDays * DAY_MS), to };
  const pacing: LookupPacing = deps.lookupPacing ?? { nowMs: () => Date.now(), sleep: delay };
  // Each place its own LookupEvents pace: the 2 requests a second are per account and region.
  const places = placesOf(job, deps).map((place) => ({ ...place, pace: lookupPace(pacing) }));
  const unreadable = new Map<Place, string>();
  const inTime = timeLeft(deps.remainingMs);
  const reading = { unreadable, inTime, placesAtOnce: deps.placesAtOnce ?? PLACES_AT_ONCE };
  const person = {
    store: deps.store,
    ...(deps.identityCenter ? { identityCenter: deps.identityCenter } : {}),
  };
  const cloudTrailOf = ({ account, region }: Place) =>
    deps.clients.cloudTrail(tagAccessFor(account, region, undefined, deps.accounts));

  const stackCalls = await eachPlace(places, reading, async (place, late) => {
    const calls = lookUpCalls(cloudTrailOf(place), STACK_CALL_NAMES, window, place.pace, inTime);
    return (await collect(untilLate(calls, late))).map((record) => ({
      record,
      account: place.account,
      region: place.region,
    }));
  });
  await rememberStackCreators(stackCalls, person);
  const named = { ...person, stackCreatorAt: stackCreatorsAt(stackCalls, person) };
  const withoutCreatorTag = await eachPlace(places, reading, async (place, late) => {
    const candidates = new Map<string, BackfillItem>();
    const calls = lookUpCalls(cloudTrailOf(place), CREATE_CALL_NAMES, window, place.pace, inTime);
    for await (const record of untilLate(calls, late)) {
      for (const item of await itemsOf({ record, ...place }, deps.config, named)) {
        if (!candidates.has(item.arn)) candidates.set(item.arn, item);
      }
    }
    const access = tagAccessFor(place.account, place.region, undefined, deps.accounts);
    const tags = await readTags(deps.clients.taggingApi(access), [...candidates.keys()]);
    const creatorKey = deps.config.autotag.tagKeys.creator;
    return [...candidates.values()].filter((item) => !tags.get(item.arn)?.has(creatorKey));
  });
  const found = new Map<string, BackfillItem>();
  for (const item of withoutCreatorTag) if (!found.has(item.arn)) found.set(item.arn, item);
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
    unreadable: [...unreadable.values()],
  };
  await deps.store.create(backfillKey(job.id), '#', plan, { ttlSeconds: BACKFILL_SECONDS });
  return backfillSummary({ planId: job.id, ...plan, itemCount: items.length });
}
