import {
  GetResourcesCommand,
  type ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api';

/** ARNs per TagResources call: the Tagging API's limit. */
export const TAG_RESOURCES_BATCH = 20;
/** ARNs per GetResources call (ResourceARNList). */
export const GET_RESOURCES_BATCH = 100;

/** Why the Tagging API did not tag one ARN (its FailedResourcesMap entry). */
export interface TagFailure {
  statusCode?: number;
  code: string;
  message: string;
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * TagResources for groups of ARNs sharing the same tags, at most 20 ARNs a call. Tagging the same key and value
 * again changes nothing, so a repeated delivery is harmless. Returns the ARNs it could not tag, with the reason.
 */
export async function tagResources(
  client: ResourceGroupsTaggingAPIClient,
  groups: readonly { arns: readonly string[]; tags: Record<string, string> }[],
): Promise<Map<string, TagFailure>> {
  const failed = new Map<string, TagFailure>();
  for (const group of groups) {
    for (const ResourceARNList of chunks(group.arns, TAG_RESOURCES_BATCH)) {
      const answer = await client.send(new TagResourcesCommand({ ResourceARNList, Tags: group.tags }));
      for (const [arn, failure] of Object.entries(answer.FailedResourcesMap ?? {})) {
        failed.set(arn, {
          ...(failure.StatusCode !== undefined ? { statusCode: failure.StatusCode } : {}),
          code: failure.ErrorCode ?? 'Unknown',
          message: failure.ErrorMessage ?? '',
        });
      }
    }
  }
  return failed;
}

/** The current tags of each ARN the Tagging API knows (a resource it has never seen tagged is absent). */
export async function readTags(
  client: ResourceGroupsTaggingAPIClient,
  arns: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const tags = new Map<string, Map<string, string>>();
  for (const ResourceARNList of chunks(arns, GET_RESOURCES_BATCH)) {
    let PaginationToken: string | undefined;
    do {
      const page = await client.send(new GetResourcesCommand({ ResourceARNList, PaginationToken }));
      for (const mapping of page.ResourceTagMappingList ?? []) {
        if (!mapping.ResourceARN) continue;
        tags.set(mapping.ResourceARN, new Map((mapping.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])));
      }
      PaginationToken = page.PaginationToken || undefined;
    } while (PaginationToken);
  }
  return tags;
}
