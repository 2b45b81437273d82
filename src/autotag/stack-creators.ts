import type { StateStore } from '../store/state-store';
import { asRecord } from './as-record';
import type { CloudTrailDetail } from './cloudtrail-event';
import type { Creator } from './creator';
import { stringAt } from './tagged-call';

/** Who created or last updated a stack (or ran a StackSet operation), and when: what its resources inherit. */
export interface RememberedCreator {
  creator: Creator;
  /** The stack's or StackSet's name, for the label ("alice via stack web-prod"). */
  name: string;
  at: string;
}

export const stackKey = (stackId: string) => `autotag#stack#${stackId}`;
const stackSetKey = (name: string) => `autotag#stackset#${name}`;

/** Kept as long as stacks usually live; an update renews it. */
const REMEMBER_SECONDS = 400 * 24 * 60 * 60;

/** CloudFormation's name of a StackSet's stack in a member account: `StackSet-<set name>-<uuid>`. */
export function stackSetOfStack(stackName: string): string | undefined {
  return /^StackSet-(.+)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(stackName)?.[1];
}

/** `arn:…:stack/<name>/<uuid>` → `<name>`. */
export function stackNameOf(stackId: string): string {
  return /:stack\/([^/]+)\//.exec(stackId)?.[1] ?? stackId;
}

/** The state key and name of the stack or StackSet a CloudFormation call names; undefined when it names none we can find again. */
export function rememberedKeyOf(detail: CloudTrailDetail): { key: string; name: string } | undefined {
  const request = asRecord(detail.requestParameters);
  const response = asRecord(detail.responseElements);
  const stackId = stringAt(response, 'stackId') ?? stackIdFromRequest(request);
  if (stackId) return { key: stackKey(stackId), name: stackNameOf(stackId) };
  const stackSetName = stringAt(request, 'stackSetName');
  return stackSetName ? { key: stackSetKey(stackSetName), name: stackSetName } : undefined;
}

/**
 * Remembers `creator` for the stack or StackSet a CloudFormation call names. Deliveries can come twice and out of
 * order: a record is only replaced by a later call, so the last updater wins.
 */
export async function rememberCreator(
  store: StateStore,
  detail: CloudTrailDetail,
  creator: Creator,
): Promise<void> {
  const { key, name } = rememberedKeyOf(detail) ?? {};
  if (!key || !name) return;
  const record: RememberedCreator = { creator, name, at: detail.eventTime };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stored = await store.get<RememberedCreator>(key);
    if (!stored) {
      if (await store.create(key, '#', record, { ttlSeconds: REMEMBER_SECONDS })) return;
      continue;
    }
    if (Date.parse(stored.data.at) > Date.parse(record.at)) return;
    if (await store.replace(key, '#', record, stored.version, { ttlSeconds: REMEMBER_SECONDS })) return;
  }
}

/** UpdateStack names the stack by its id (an ARN) or its name; only the ARN is a key we can find again. */
function stackIdFromRequest(request: Record<string, unknown>): string | undefined {
  const name = stringAt(request, 'stackName');
  return name?.startsWith('arn:') ? name : undefined;
}

export async function recallStackCreator(
  store: StateStore,
  stackId: string,
): Promise<RememberedCreator | undefined> {
  return (await store.get<RememberedCreator>(stackKey(stackId)))?.data;
}

export async function recallStackSetCreator(
  store: StateStore,
  stackSetName: string,
): Promise<RememberedCreator | undefined> {
  return (await store.get<RememberedCreator>(stackSetKey(stackSetName)))?.data;
}
