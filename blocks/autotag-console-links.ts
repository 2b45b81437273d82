import type { ResourceKind } from '../src/autotag/created-resources';

const CONSOLE_HOST: Record<string, (region: string) => string> = {
  aws: (region) => `https://${region}.console.aws.amazon.com`,
  'aws-us-gov': () => 'https://console.amazonaws-us-gov.com',
  'aws-cn': () => 'https://console.amazonaws.cn',
};

const FRAGMENT: Record<ResourceKind, (id: string) => string> = {
  instance: (id) => `InstanceDetails:instanceId=${id}`,
  volume: (id) => `VolumeDetails:volumeId=${id}`,
  'network-interface': (id) => `NetworkInterface:networkInterfaceId=${id}`,
  snapshot: (id) => `SnapshotDetails:snapshotId=${id}`,
  image: (id) => `ImageDetails:imageId=${id}`,
  'security-group': (id) => `SecurityGroup:groupId=${id}`,
  'elastic-ip': (id) => `ElasticIpDetails:AllocationId=${id}`,
};

/** The EC2 console page of one resource (in the signed-in account; cross-account needs a role switch). */
export function ec2ConsoleUrl(partition: string, region: string, kind: ResourceKind, id: string): string {
  const host = (CONSOLE_HOST[partition] ?? CONSOLE_HOST.aws)?.(region) ?? '';
  const r = encodeURIComponent(region);
  return `${host}/ec2/home?region=${r}#${FRAGMENT[kind](encodeURIComponent(id))}`;
}
