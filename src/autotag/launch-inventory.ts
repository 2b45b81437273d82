import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CreatedResource } from './created-resources';
import { describeLaunchedInstances, existingTags } from './ec2-inventory';
import type { NoticeInstance } from './notice-record';
import type { RetryOptions } from './retry';

/** Everything a create call made, with the tags each already carries. */
export interface LaunchInventory {
  resources: CreatedResource[];
  instances: NoticeInstance[];
  existing: Map<string, Map<string, string>>;
  /** Tags of the launched instances merged (for Service Catalog and Auto Scaling markers). */
  instanceTags: Map<string, string>;
}

/**
 * For RunInstances: every instance, then its volumes and network interfaces (each tagged with the instance id).
 * For other calls: what the response names. Existing tags come from DescribeInstances / DescribeTags.
 */
export async function launchInventory(
  ec2: EC2Client,
  created: readonly CreatedResource[],
  retry: RetryOptions,
): Promise<LaunchInventory> {
  const launched = created.filter((r) => r.kind === 'instance');
  if (launched.length === 0) {
    const existing = await existingTags(
      ec2,
      created.map((r) => r.id),
    );
    return { resources: [...created], instances: [], existing, instanceTags: new Map() };
  }
  const facts = await describeLaunchedInstances(
    ec2,
    launched.map((r) => r.id),
    retry,
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  const attached: CreatedResource[] = facts.flatMap((f) => [
    ...f.volumeIds.map((id): CreatedResource => ({ id, kind: 'volume', instanceId: f.id })),
    ...f.networkInterfaceIds.map(
      (id): CreatedResource => ({ id, kind: 'network-interface', instanceId: f.id }),
    ),
  ]);
  const existing = await existingTags(
    ec2,
    attached.map((r) => r.id),
  );
  const instanceTags = new Map<string, string>();
  for (const f of facts) {
    existing.set(f.id, f.tags);
    for (const [key, value] of f.tags) if (!instanceTags.has(key)) instanceTags.set(key, value);
  }
  const instances = launched.map((r): NoticeInstance => {
    const f = byId.get(r.id);
    const type = f?.instanceType ?? r.instanceType;
    const imageId = f?.imageId ?? r.imageId;
    return {
      id: r.id,
      ...(type ? { type } : {}),
      ...(imageId ? { imageId } : {}),
      ...(f?.name ? { name: f.name } : {}),
    };
  });
  return { resources: [...launched, ...attached], instances, existing, instanceTags };
}
