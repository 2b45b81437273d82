import PQueue from 'p-queue';
import type { AppConfig } from '../config/schema';
import { asRecord } from './as-record';
import type { BackfillItem } from './backfill-plan';
import { type CloudTrailDetail, cloudTrailEventSchema, requestTags } from './cloudtrail-event';
import { nameThePerson, type PersonDeps } from './name-the-person';
import { type RememberedCreator, rememberCreator, rememberedKeyOf, stackKey } from './stack-creators';
import { taggedCallOf } from './tagged-call-table';

/** One CloudTrail record as LookupEvents gives it, with the account and region it was read in. */
export interface ReadRecord {
  record: Record<string, unknown>;
  account: string;
  region: string;
}

/** The record's detail when the call succeeded; undefined for a failed call or a shape we cannot read. */
function successfulCall({ record, account, region }: ReadRecord): CloudTrailDetail | undefined {
  const event = cloudTrailEventSchema.safeParse({
    id: String(record.eventID ?? 'lookup'),
    'detail-type': 'AWS API Call via CloudTrail',
    account,
    region,
    detail: record,
  });
  if (!event.success || event.data.detail.errorCode) return undefined;
  return event.data.detail;
}

/** StackSet operations name the StackSet's stacks, so they are remembered before any stack's own call. */
const isStackSetCall = (detail: CloudTrailDetail) => /StackSet|StackInstances/.test(detail.eventName);

/** Stacks and StackSets remembered at once (each ~3 state table calls). */
const REMEMBERED_AT_ONCE = 10;

/**
 * Who created or last updated each stack and StackSet of the window, remembered as the live path does (the last
 * call wins, so only each one's newest successful call is written): StackSet operations first, since a
 * StackSet's stack is named after them, then stacks, 10 at a time. Done before any resource of the window is
 * named, so a stack's resources read "alice via stack web-prod".
 */
export async function rememberStackCreators(records: readonly ReadRecord[], deps: PersonDeps): Promise<void> {
  const newest = new Map<string, CloudTrailDetail>();
  for (const detail of records.map(successfulCall)) {
    const key = detail && rememberedKeyOf(detail)?.key;
    if (!detail || !key) continue;
    const known = newest.get(key);
    if (!known || Date.parse(detail.eventTime) >= Date.parse(known.eventTime)) newest.set(key, detail);
  }
  const remember = async (calls: CloudTrailDetail[]) => {
    const queue = new PQueue({ concurrency: REMEMBERED_AT_ONCE });
    await Promise.all(
      calls.map((detail) =>
        queue.add(async () => {
          const creator = await nameThePerson(detail, requestTags(detail), deps);
          await rememberCreator(deps.store, detail, creator);
        }),
      ),
    );
  };
  const calls = [...newest.values()];
  await remember(calls.filter(isStackSetCall));
  await remember(calls.filter((detail) => !isStackSetCall(detail)));
}

/**
 * Each stack's creator as of a time, from the stack calls of the window: the last successful CreateStack /
 * UpdateStack at or before it (a resource alice's CreateStack made is hers, though bob updated the stack later).
 * Each chosen call is named once; before the window's first call of a stack, undefined.
 */
export function stackCreatorsAt(
  records: readonly ReadRecord[],
  deps: PersonDeps,
): (stackId: string, at: string) => Promise<RememberedCreator | undefined> {
  const byStack = new Map<string, CloudTrailDetail[]>();
  for (const detail of records.map(successfulCall)) {
    const remembered = detail && !isStackSetCall(detail) ? rememberedKeyOf(detail) : undefined;
    if (detail && remembered) byStack.set(remembered.key, [...(byStack.get(remembered.key) ?? []), detail]);
  }
  for (const calls of byStack.values())
    calls.sort((a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime));
  const named = new Map<CloudTrailDetail, Promise<RememberedCreator>>();
  const nameOnce = (detail: CloudTrailDetail, name: string) => {
    const known =
      named.get(detail) ??
      nameThePerson(detail, requestTags(detail), deps).then((creator) => ({
        creator,
        name,
        at: detail.eventTime,
      }));
    named.set(detail, known);
    return known;
  };
  return async (stackId, at) => {
    const calls = byStack.get(stackKey(stackId)) ?? [];
    const last = calls.filter((call) => Date.parse(call.eventTime) <= Date.parse(at)).at(-1);
    return last ? nameOnce(last, rememberedKeyOf(last)?.name ?? stackId) : undefined;
  };
}

/** The resources one create call of the table names, with the person behind it (none for a failed call). */
export async function itemsOf(
  read: ReadRecord,
  config: AppConfig,
  deps: PersonDeps,
): Promise<BackfillItem[]> {
  const detail = successfulCall(read);
  if (!detail) return [];
  const row = taggedCallOf(detail.eventSource, detail.eventName);
  if (!row || !config.autotag.events.includes(row.resourceType)) return [];
  const arns = row.arns({
    partition: config.organization.partition,
    account: read.account,
    region: detail.awsRegion,
    request: asRecord(detail.requestParameters),
    response: asRecord(detail.responseElements),
  });
  if (arns.length === 0) return [];
  const creator = await nameThePerson(detail, requestTags(detail), deps);
  const { label, arn, kind, service } = creator;
  return arns.map((resourceArn) => ({
    arn: resourceArn,
    resourceType: row.resourceType,
    tagApi: row.tagApi,
    account: read.account,
    region: detail.awsRegion,
    creator: { label, arn, kind, service, ...(creator.person ? { person: creator.person } : {}) },
    createdAt: detail.eventTime,
  }));
}
