import type { ResourceKind } from '../src/autotag/created-resources';
import type { StackRef } from '../src/catalog/stack-arn';
import type { Partition } from '../src/config/partition';
import type { HealthEventView } from '../src/health/event-view';
import { SLACK_LIMITS } from './slack-limits';

/**
 * Links into the AWS consoles, one table per partition (commercial, GovCloud, China). A link opens in the
 * signed-in account: for a member account's resource, sign in there (or switch role) first.
 */
const PARTITIONS: Record<Partition, { console: (region: string) => string; health: string }> = {
  aws: {
    console: (region: string) => `https://${region}.console.aws.amazon.com`,
    health: 'https://health.aws.amazon.com',
  },
  'aws-us-gov': {
    console: () => 'https://console.amazonaws-us-gov.com',
    health: 'https://health.amazonaws-us-gov.com',
  },
  'aws-cn': { console: () => 'https://console.amazonaws.cn', health: 'https://health.amazonaws.cn' },
};

function origins(partition: string): (typeof PARTITIONS)[Partition] {
  return PARTITIONS[partition as Partition] ?? PARTITIONS.aws;
}

/** The console's origin for a partition and region; an unknown partition gets the commercial one. */
export function consoleOrigin(partition: string, region: string): string {
  return origins(partition).console(region);
}

/** A page of one service's console: `/<service>/home?region=<region>#<fragment>`. */
export function consoleUrl(partition: string, region: string, service: string, fragment: string): string {
  const r = encodeURIComponent(region);
  return `${consoleOrigin(partition, region)}/${service}/home?region=${r}#${fragment}`;
}

const EC2_FRAGMENT: Record<ResourceKind, (id: string) => string> = {
  instance: (id) => `InstanceDetails:instanceId=${id}`,
  volume: (id) => `VolumeDetails:volumeId=${id}`,
  'network-interface': (id) => `NetworkInterface:networkInterfaceId=${id}`,
  snapshot: (id) => `SnapshotDetails:snapshotId=${id}`,
  image: (id) => `ImageDetails:imageId=${id}`,
  'security-group': (id) => `SecurityGroup:groupId=${id}`,
  'elastic-ip': (id) => `ElasticIpDetails:AllocationId=${id}`,
};

/** A support case in the Support Center (sign in to its account first). */
export function supportCaseUrl(partition: string, displayId: string): string {
  return consoleUrl(partition, 'us-east-1', 'support', `/case/?displayId=${encodeURIComponent(displayId)}`);
}

/** The EC2 console page of one resource. */
export function ec2ConsoleUrl(partition: string, region: string, kind: ResourceKind, id: string): string {
  return consoleUrl(partition, region, 'ec2', EC2_FRAGMENT[kind](encodeURIComponent(id)));
}

/** The stack's Events tab in the CloudFormation console. */
export function stackEventsUrl(stack: StackRef): string {
  const { partition, region, stackId } = stack;
  return consoleUrl(
    partition,
    region,
    'cloudformation',
    `/stacks/events?stackId=${encodeURIComponent(stackId)}`,
  );
}

/** The provisioned product's page in the Service Catalog console. */
export function provisionedProductUrl(stack: StackRef, provisionedProductId: string): string {
  const { partition, region } = stack;
  return consoleUrl(
    partition,
    region,
    'servicecatalog',
    `/provisioned-products/${encodeURIComponent(provisionedProductId)}`,
  );
}

/**
 * The event in the AWS Health dashboard: the organisation's event log when it came through the org view. An ARN
 * too long for a Slack button URL (≤ 3,000 characters once percent-encoded) links to the event log itself.
 */
export function healthDashboardUrl(
  view: Pick<HealthEventView, 'eventArn' | 'organizationView'>,
  partition: Partition,
): string {
  const page = `${origins(partition).health}/health/home#/${view.organizationView ? 'organization/dashboard/eventlog' : 'account/event-log'}`;
  const event = `${page}?eventID=${encodeURIComponent(view.eventArn)}&eventTab=details`;
  return event.length <= SLACK_LIMITS.url ? event : page;
}

/** The console page of any resource by its ARN (the console's own ARN redirect). */
export function arnConsoleUrl(partition: string, region: string, arn: string): string {
  return `${consoleOrigin(partition, region)}/go/view?arn=${encodeURIComponent(arn)}`;
}
