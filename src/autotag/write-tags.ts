import { CreateTagsCommand, type EC2Client } from '@aws-sdk/client-ec2';

/** CreateTags for groups of resources sharing the same tags (idempotent: same key and value is a no-op). */
export async function writeTags(
  ec2: EC2Client,
  groups: readonly { resourceIds: string[]; tags: Record<string, string> }[],
): Promise<void> {
  for (const group of groups) {
    await ec2.send(
      new CreateTagsCommand({
        Resources: group.resourceIds,
        Tags: Object.entries(group.tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
}
