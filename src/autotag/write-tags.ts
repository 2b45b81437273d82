import { CreateTagsCommand, type EC2Client } from '@aws-sdk/client-ec2';

/** Resource ids per CreateTags call: EC2 takes up to 1000 and recommends smaller batches. */
export const CREATE_TAGS_BATCH = 500;

/**
 * CreateTags for groups of resources sharing the same tags, at most `CREATE_TAGS_BATCH` ids per call
 * (idempotent: the same key and value again is a no-op).
 */
export async function writeTags(
  ec2: EC2Client,
  groups: readonly { resourceIds: readonly string[]; tags: Record<string, string> }[],
): Promise<void> {
  const Tags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  for (const group of groups) {
    for (let start = 0; start < group.resourceIds.length; start += CREATE_TAGS_BATCH) {
      const Resources = group.resourceIds.slice(start, start + CREATE_TAGS_BATCH);
      await ec2.send(new CreateTagsCommand({ Resources, Tags: Tags(group.tags) }));
    }
  }
}
