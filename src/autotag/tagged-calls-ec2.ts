import { type CreateEventName, createdResources, type ResourceKind } from './created-resources';
import type { CallContext, TaggedCall } from './tagged-call';

const EC2_TYPES: Record<CreateEventName, [ResourceKind, string]> = {
  RunInstances: ['instance', 'EC2 instance'],
  CreateVolume: ['volume', 'EBS volume'],
  CreateSnapshot: ['snapshot', 'EBS snapshot'],
  CreateImage: ['image', 'AMI'],
  CopyImage: ['image', 'AMI'],
  CreateSecurityGroup: ['security-group', 'security group'],
  AllocateAddress: ['elastic-ip', 'Elastic IP'],
  CreateNetworkInterface: ['network-interface', 'network interface'],
};

export const ec2KindOf = (eventName: CreateEventName): ResourceKind => EC2_TYPES[eventName][0];

/** Snapshots and images are named without an account in their ARN. */
const WITHOUT_ACCOUNT: ReadonlySet<ResourceKind> = new Set(['snapshot', 'image']);

export function ec2Arn(partition: string, region: string, account: string, kind: ResourceKind, id: string) {
  return `arn:${partition}:ec2:${region}:${WITHOUT_ACCOUNT.has(kind) ? '' : account}:${kind}/${id}`;
}

/**
 * EC2's create calls (the tagger's first ones): tagged with EC2 CreateTags through the launch inventory, which
 * also finds an instance's volumes and network interfaces (src/autotag/handle-create-event.ts).
 */
export const EC2_CALLS: readonly TaggedCall[] = Object.entries(EC2_TYPES).map(
  ([eventName, [kind, label]]): TaggedCall => ({
    eventSource: 'ec2.amazonaws.com',
    eventName,
    resourceType: `ec2:${kind}`,
    label,
    tagApi: 'ec2-create-tags',
    tagActions: ['ec2:CreateTags'],
    arns: (call: CallContext) =>
      createdResources(eventName as CreateEventName, call.response).map((r) =>
        ec2Arn(call.partition, call.region, call.account, r.kind, r.id),
      ),
  }),
);
