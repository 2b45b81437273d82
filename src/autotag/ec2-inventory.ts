import {
  DescribeInstancesCommand,
  DescribeTagsCommand,
  type EC2Client,
  type Instance,
} from '@aws-sdk/client-ec2';
import { type RetryOptions, retryWithBackoff } from './retry';

/** What the notice and the tag plan need to know about one instance, as EC2 sees it now. */
export interface InstanceFacts {
  id: string;
  instanceType?: string;
  imageId?: string;
  name?: string;
  state?: string;
  volumeIds: string[];
  networkInterfaceIds: string[];
  tags: Map<string, string>;
}

/** EC2 still does not know the instances after every retry. */
export class InstancesNotFoundError extends Error {
  override readonly name = 'InstancesNotFoundError';
}

const errorName = (error: unknown): string => (error as { name?: string }).name ?? '';

/**
 * DescribeInstances for a fresh launch. EC2 is eventually consistent: right after RunInstances it may answer
 * InvalidInstanceID.NotFound, and an EBS-backed instance may list no volumes while pending. Both are retried with
 * backoff; volumes still missing at the end are left out (the instance itself is still tagged).
 */
export async function describeLaunchedInstances(
  ec2: EC2Client,
  instanceIds: readonly string[],
  retry: RetryOptions,
): Promise<InstanceFacts[]> {
  let last: InstanceFacts[] | undefined;
  return retryWithBackoff(
    async () => {
      let instances: Instance[];
      try {
        const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [...instanceIds] }));
        instances = (out.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []);
      } catch (error) {
        if (errorName(error) === 'InvalidInstanceID.NotFound') return 'again';
        throw error;
      }
      last = instances.map(instanceFacts);
      const volumesPending = instances.some(
        (i) => i.RootDeviceType === 'ebs' && (i.BlockDeviceMappings ?? []).length === 0,
      );
      return last.length < instanceIds.length || volumesPending ? 'again' : last;
    },
    retry,
    () => {
      if (last && last.length > 0) return last;
      throw new InstancesNotFoundError(
        `EC2 does not know ${instanceIds.join(', ')} after ${retry.attempts} attempts (InvalidInstanceID.NotFound)`,
      );
    },
  );
}

function instanceFacts(instance: Instance): InstanceFacts {
  const tags = new Map((instance.Tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : [])));
  return {
    id: instance.InstanceId ?? '',
    instanceType: instance.InstanceType,
    imageId: instance.ImageId,
    name: tags.get('Name'),
    state: instance.State?.Name,
    volumeIds: (instance.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs?.VolumeId ? [m.Ebs.VolumeId] : [])),
    networkInterfaceIds: (instance.NetworkInterfaces ?? []).flatMap((n) =>
      n.NetworkInterfaceId ? [n.NetworkInterfaceId] : [],
    ),
    tags,
  };
}

/** Current tags of resources (DescribeTags pages through up to 1000 per call). */
export async function existingTags(
  ec2: EC2Client,
  resourceIds: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const byResource = new Map<string, Map<string, string>>();
  for (let start = 0; start < resourceIds.length; start += 200) {
    const ids = resourceIds.slice(start, start + 200);
    let nextToken: string | undefined;
    do {
      const out = await ec2.send(
        new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: ids }], NextToken: nextToken }),
      );
      for (const tag of out.Tags ?? []) {
        if (!tag.ResourceId || !tag.Key) continue;
        const tags = byResource.get(tag.ResourceId) ?? new Map<string, string>();
        tags.set(tag.Key, tag.Value ?? '');
        byResource.set(tag.ResourceId, tags);
      }
      nextToken = out.NextToken;
    } while (nextToken);
  }
  return byResource;
}
