import type { StateStore } from '../store/state-store';
import type { AutotagDeps } from './autotag-deps';
import type { CloudTrailDetail } from './cloudtrail-event';
import { type Creator, creatorFromArn } from './creator';
import type { IdentityCenterNames } from './identity-center-names';
import { resolveCreator, SERVICE_CATALOG_PRINCIPAL_TAG } from './resolve-creator';
import {
  type RememberedCreator,
  recallStackCreator,
  recallStackSetCreator,
  stackSetOfStack,
} from './stack-creators';
import { stringAt } from './tagged-call';

export interface PersonDeps {
  store: StateStore;
  identityCenter?: IdentityCenterNames;
  /** The stack's creator as of a time (a backfill knows each stack's calls of its window); else the remembered one. */
  stackCreatorAt?: (stackId: string, at: string) => Promise<RememberedCreator | undefined>;
}

/** Set by CloudFormation on what a stack creates; `aws:` keys cannot be set by anyone else. */
export const STACK_ID_TAG = 'aws:cloudformation:stack-id';

/** `alice via stack web-prod`: the person behind the stack, not CloudFormation's role. */
function through(remembered: RememberedCreator, what: 'stack' | 'StackSet'): Creator {
  const { creator, name } = remembered;
  return { ...creator, label: `${creator.person ?? creator.label} via ${what} ${name}` };
}

/**
 * The person behind a create call, most specific first: the Service Catalog provisioner; whoever created or
 * last updated the stack that made it (remembered from the stack's own CreateStack/UpdateStack); for a StackSet's
 * stack, whoever ran the StackSet operation; else the caller, with an Identity Center user's name looked up.
 * `tags` are the call's and the resource's tags.
 */
export async function nameThePerson(
  detail: CloudTrailDetail,
  tags: ReadonlyMap<string, string>,
  deps: PersonDeps,
): Promise<Creator> {
  const direct = resolveCreator(detail.userIdentity, tags);
  const provisioner = tags.get(SERVICE_CATALOG_PRINCIPAL_TAG);
  if (provisioner && creatorFromArn(provisioner)) return direct;

  const stackId = tags.get(STACK_ID_TAG);
  const stack = stackId
    ? ((await deps.stackCreatorAt?.(stackId, detail.eventTime)) ??
      (await recallStackCreator(deps.store, stackId)))
    : undefined;
  if (stack) return through(stack, 'stack');

  if (detail.eventSource === 'cloudformation.amazonaws.com' && detail.eventName === 'CreateStack') {
    const setName = stackSetOfStack(stringAt(detail.requestParameters ?? {}, 'stackName') ?? '');
    const stackSet = setName ? await recallStackSetCreator(deps.store, setName) : undefined;
    if (stackSet) return through(stackSet, 'StackSet');
  }
  return withIdentityCenterName(direct, detail, deps.identityCenter);
}

/**
 * A stack's resource whose stack is not known yet: CloudFormation made it (on the stack's role or its own
 * credentials) but the stack's CreateStack has not been remembered, because the two events came in the other
 * order. Tagged now, it would keep CloudFormation's role for good (an existing owner is kept).
 */
/**
 * How many times a stack's resource waits (on the not-ready delays, 30 s then 60 s by default) for its stack's
 * CreateStack to be remembered before it is named after CloudFormation's caller.
 */
export const STACK_WAITS = 2;

/**
 * The seconds to wait before trying again because the resource's stack is not known yet (attempt 0 is the first
 * delivery); undefined: name the person now.
 */
export async function stackWaitSeconds(
  detail: CloudTrailDetail,
  tags: ReadonlyMap<string, string>,
  attempt: number,
  deps: Pick<AutotagDeps, 'config' | 'store' | 'retryQueue'>,
): Promise<number | undefined> {
  const wait = deps.config.autotag.notReadyDelaysSeconds[attempt];
  if (attempt >= STACK_WAITS || wait === undefined || !deps.retryQueue) return undefined;
  return (await awaitsItsStack(detail, tags, deps.store)) ? wait : undefined;
}

export async function awaitsItsStack(
  detail: CloudTrailDetail,
  tags: ReadonlyMap<string, string>,
  store: StateStore,
): Promise<boolean> {
  const stackId = tags.get(STACK_ID_TAG);
  if (!stackId || detail.userIdentity.invokedBy !== 'cloudformation.amazonaws.com') return false;
  return (await recallStackCreator(store, stackId)) === undefined;
}

async function withIdentityCenterName(
  creator: Creator,
  detail: CloudTrailDetail,
  names: IdentityCenterNames | undefined,
): Promise<Creator> {
  const onBehalfOf = detail.userIdentity.onBehalfOf;
  if (
    creator.kind !== 'IdentityCenterUser' ||
    !names ||
    !onBehalfOf?.userId ||
    !onBehalfOf.identityStoreArn
  ) {
    return creator;
  }
  const name = await names.nameOf(onBehalfOf.identityStoreArn, onBehalfOf.userId);
  return name ? { ...creator, label: `${name} via Identity Center`, person: name } : creator;
}
