import { asRecord } from './as-record';

export type ResourceKind =
  | 'instance'
  | 'volume'
  | 'network-interface'
  | 'snapshot'
  | 'image'
  | 'security-group'
  | 'elastic-ip';

export interface CreatedResource {
  id: string;
  kind: ResourceKind;
  /** For volumes and network interfaces of an instance. */
  instanceId?: string;
  /** Instances only, from the RunInstances response. */
  instanceType?: string;
  imageId?: string;
}

type Extractor = (response: Record<string, unknown>) => CreatedResource[];

const single =
  (kind: ResourceKind, field: string): Extractor =>
  (response) => {
    const id = response[field];
    return typeof id === 'string' ? [{ id, kind }] : [];
  };

/** Which create calls are tagged and where their response names what was created. */
const EXTRACTORS = {
  RunInstances: (response) => {
    const items = asRecord(response.instancesSet).items;
    return (Array.isArray(items) ? items : []).flatMap((raw): CreatedResource[] => {
      const item = asRecord(raw);
      if (typeof item.instanceId !== 'string') return [];
      return [
        {
          id: item.instanceId,
          kind: 'instance',
          ...(typeof item.instanceType === 'string' ? { instanceType: item.instanceType } : {}),
          ...(typeof item.imageId === 'string' ? { imageId: item.imageId } : {}),
        },
      ];
    });
  },
  CreateVolume: single('volume', 'volumeId'),
  CreateSnapshot: single('snapshot', 'snapshotId'),
  CreateImage: single('image', 'imageId'),
  CopyImage: single('image', 'imageId'),
  CreateSecurityGroup: single('security-group', 'groupId'),
  AllocateAddress: single('elastic-ip', 'allocationId'),
  CreateNetworkInterface: (response) => {
    const id = asRecord(response.networkInterface).networkInterfaceId;
    return typeof id === 'string' ? [{ id, kind: 'network-interface' }] : [];
  },
} satisfies Record<string, Extractor>;

export type CreateEventName = keyof typeof EXTRACTORS;

export const SUPPORTED_CREATE_EVENTS = Object.keys(EXTRACTORS) as [CreateEventName, ...CreateEventName[]];

export function isSupportedCreateEvent(name: string): name is CreateEventName {
  return Object.hasOwn(EXTRACTORS, name);
}

/** What a successful create call created, from its `responseElements` (empty when the response is missing). */
export function createdResources(eventName: CreateEventName, responseElements: unknown): CreatedResource[] {
  return EXTRACTORS[eventName](asRecord(responseElements));
}
