import type { TagKeys } from './config-schema';
import type { CreatedResource } from './created-resources';
import type { Creator } from './creator';
import { cleanTagValue } from './tag-values';

/** Anything the planner can tag: an EC2 resource by id, or any resource of the table by ARN. */
export type PlannedResource = Pick<CreatedResource, 'id' | 'instanceId'> & { kind: string };

export interface ResourceTagPlan<R extends PlannedResource = CreatedResource> {
  resource: R;
  /** Tags to write (key → cleaned value). */
  write: Record<string, string>;
  /** Keys left alone because the resource already had another value for them. */
  kept: Record<string, string>;
}

export interface TagPlan<R extends PlannedResource = CreatedResource> {
  resources: ResourceTagPlan<R>[];
  /** The owner the notice shows: a kept owner tag of the first instance, else the one written. */
  owner: string;
}

export interface TagPlanInput<R extends PlannedResource = CreatedResource> {
  resources: readonly R[];
  existing: ReadonlyMap<string, ReadonlyMap<string, string>>;
  creator: Creator;
  createdAt: string;
  keys: TagKeys;
  overwriteExisting: boolean;
}

/** The owner a new resource starts with: the person behind the call, else the readable creator. */
export function initialOwner(creator: Creator): string {
  return cleanTagValue(creator.person ?? creator.label);
}

/**
 * Which tags each resource gets. Values are cleaned to AWS tag rules; a key the resource already carries with
 * another value (an Owner from Terraform, a CreatedBy from another tagger) is kept unless `overwriteExisting`.
 */
export function planTags<R extends PlannedResource = CreatedResource>(input: TagPlanInput<R>): TagPlan<R> {
  const { keys, creator } = input;
  const owner = initialOwner(creator);
  const resources = input.resources.map((resource): ResourceTagPlan<R> => {
    const wanted: Record<string, string> = {
      [keys.creator]: cleanTagValue(creator.label),
      [keys.creatorArn]: cleanTagValue(creator.arn),
      [keys.createdAt]: cleanTagValue(input.createdAt),
      [keys.owner]: owner,
      ...(resource.instanceId ? { [keys.instanceId]: cleanTagValue(resource.instanceId) } : {}),
    };
    const current = input.existing.get(resource.id);
    const write: Record<string, string> = {};
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(wanted)) {
      const existing = current?.get(key);
      if (existing !== undefined && existing !== value && !input.overwriteExisting) kept[key] = existing;
      else write[key] = value;
    }
    return { resource, write, kept };
  });
  const first = resources.find((r) => r.resource.kind === 'instance') ?? resources[0];
  return { resources, owner: first?.kept[keys.owner] ?? owner };
}

/** Resources that get exactly the same tags, so one CreateTags call (batched by `writeTags`) covers them. */
export function groupForCreateTags(
  plan: readonly ResourceTagPlan<PlannedResource>[],
): { resourceIds: string[]; tags: Record<string, string> }[] {
  const groups = new Map<string, { resourceIds: string[]; tags: Record<string, string> }>();
  for (const { resource, write } of plan) {
    if (Object.keys(write).length === 0) continue;
    const signature = JSON.stringify(Object.entries(write).sort());
    const group = groups.get(signature) ?? { resourceIds: [], tags: write };
    group.resourceIds.push(resource.id);
    groups.set(signature, group);
  }
  return [...groups.values()];
}
