import type { IncomingMessage, ServerResponse } from 'node:http';
import { callingAccount, queryError, queryList, toXml } from './aws-wire';
import { LoopbackStandIn } from './http-server';

const RESPONSE_NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';

/**
 * Amazon EC2 on loopback (EC2 query protocol), for AWS_ENDPOINT_URL_EC2: what auto-tagging and Retag call.
 * DescribeInstances answers every asked instance as running, with one EBS volume (`vol-` + the id's digits) and
 * one network interface (`eni-` + the same); CreateTags remembers the tags, DescribeTags and DescribeInstances
 * show them. `tagged` records each CreateTags call.
 */
export class Ec2StandIn extends LoopbackStandIn {
  constructor() {
    super('EC2');
  }

  readonly tags = new Map<string, Map<string, string>>();
  readonly tagged: { account: string; resources: string[]; tags: Record<string, string> }[] = [];

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    res.setHeader('content-type', 'text/xml');
    if (action === 'DescribeInstances')
      return void res.end(this.describeInstances(form, callingAccount(req)));
    if (action === 'DescribeTags') return void res.end(this.describeTags(form));
    if (action === 'CreateTags') {
      const resources = queryList(form, 'ResourceId');
      const tags: Record<string, string> = {};
      for (let n = 1; form.has(`Tag.${n}.Key`); n += 1)
        tags[form.get(`Tag.${n}.Key`) ?? ''] = form.get(`Tag.${n}.Value`) ?? '';
      for (const id of resources) {
        const current = this.tags.get(id) ?? new Map<string, string>();
        for (const [key, value] of Object.entries(tags)) current.set(key, value);
        this.tags.set(id, current);
      }
      this.tagged.push({ account: callingAccount(req), resources, tags });
      return void res.end(
        `<CreateTagsResponse ${RESPONSE_NS}><requestId>r</requestId><return>true</return></CreateTagsResponse>`,
      );
    }
    queryError(res, 400, 'InvalidAction', `${action} is not played by the demo`);
  }

  private tagSet(id: string): { key: string; value: string }[] {
    return [...(this.tags.get(id) ?? [])].map(([key, value]) => ({ key, value }));
  }

  private describeInstances(form: URLSearchParams, account: string): string {
    const items = queryList(form, 'InstanceId').map((instanceId) => {
      const suffix = instanceId.replace(/^i-/, '');
      return {
        instanceId,
        imageId: 'ami-0abcdef1234567890',
        instanceState: { code: 16, name: 'running' },
        instanceType: 't3.micro',
        rootDeviceType: 'ebs',
        blockDeviceMapping: [
          { deviceName: '/dev/xvda', ebs: { volumeId: `vol-${suffix}`, status: 'attached' } },
        ],
        networkInterfaceSet: [{ networkInterfaceId: `eni-${suffix}`, status: 'in-use' }],
        tagSet: this.tagSet(instanceId),
      };
    });
    const reservations = items.length
      ? [{ reservationId: 'r-0demo000000000001', ownerId: account, instancesSet: items }]
      : [];
    return `<DescribeInstancesResponse ${RESPONSE_NS}><requestId>r</requestId>${toXml({ reservationSet: reservations }, 'item')}</DescribeInstancesResponse>`;
  }

  private describeTags(form: URLSearchParams): string {
    const ids: string[] = [];
    for (let n = 1; form.has(`Filter.${n}.Name`); n += 1) {
      if (form.get(`Filter.${n}.Name`) === 'resource-id') ids.push(...queryList(form, `Filter.${n}.Value`));
    }
    const tagSet = ids.flatMap((resourceId) =>
      this.tagSet(resourceId).map((tag) => ({ resourceId, resourceType: resourceType(resourceId), ...tag })),
    );
    return `<DescribeTagsResponse ${RESPONSE_NS}><requestId>r</requestId>${toXml({ tagSet }, 'item')}</DescribeTagsResponse>`;
  }
}

function resourceType(id: string): string {
  const prefix = id.split('-')[0];
  return (
    { i: 'instance', vol: 'volume', eni: 'network-interface', sg: 'security-group' }[prefix ?? ''] ??
    'instance'
  );
}
