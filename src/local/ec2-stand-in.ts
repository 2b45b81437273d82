import type { IncomingMessage, ServerResponse } from 'node:http';
import { queryList, signedBy, toXml, xmlEscape } from './aws-wire';
import { LoopbackStandIn } from './http-server';

const RESPONSE_NS = 'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"';

/** One CreateTags call: the account and region it was signed for, the resources and the tags. */
export interface CreateTagsCall {
  account: string;
  region: string;
  resources: string[];
  tags: Record<string, string>;
}

/**
 * Amazon EC2 on loopback (EC2 query protocol, answers shaped as the EC2 API reference's examples), for
 * AWS_ENDPOINT_URL_EC2: what auto-tagging and Retag call. DescribeInstances answers every asked instance as just
 * launched (pending), with one EBS volume and one network interface named after it (i-0a… → vol-0a…, eni-0a…);
 * instances in `unknown` answer as EC2 does right after a launch it has not caught up with
 * (InvalidInstanceID.NotFound). `tags` holds each resource's tags (set one to play tags it was launched with);
 * CreateTags adds to them, DescribeTags and DescribeInstances show them, and `tagged` records each call.
 */
export class Ec2StandIn extends LoopbackStandIn {
  constructor() {
    super('EC2');
  }

  readonly tags = new Map<string, Record<string, string>>();
  readonly unknown = new Set<string>();
  readonly tagged: CreateTagsCall[] = [];

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    res.setHeader('content-type', 'text/xml;charset=UTF-8');
    const answer = (inner: string) =>
      res.end(`<${action}Response ${RESPONSE_NS}><requestId>r</requestId>${inner}</${action}Response>`);
    if (action === 'DescribeInstances') {
      const ids = queryList(form, 'InstanceId');
      if (ids.some((id) => this.unknown.has(id)))
        return void ec2Error(
          res,
          'InvalidInstanceID.NotFound',
          `The instance IDs '${ids.join(', ')}' do not exist`,
        );
      return void answer(this.describeInstances(ids, signedBy(req).account));
    }
    if (action === 'DescribeTags') return void answer(this.describeTags(form));
    if (action === 'CreateTags') {
      const resources = queryList(form, 'ResourceId');
      const tags: Record<string, string> = {};
      for (let n = 1; form.has(`Tag.${n}.Key`); n += 1)
        tags[form.get(`Tag.${n}.Key`) ?? ''] = form.get(`Tag.${n}.Value`) ?? '';
      for (const id of resources) this.tags.set(id, { ...this.tags.get(id), ...tags });
      this.tagged.push({ ...signedBy(req), resources, tags });
      return void answer('<return>true</return>');
    }
    ec2Error(res, 'InvalidAction', `${action} is not played by the stand-in`);
  }

  private tagSet(id: string): { key: string; value: string }[] {
    return Object.entries(this.tags.get(id) ?? {}).map(([key, value]) => ({ key, value }));
  }

  private describeInstances(ids: string[], account: string): string {
    const items = ids.map((instanceId) => {
      const suffix = instanceId.replace(/^i-/, '');
      return {
        instanceId,
        imageId: 'ami-0abcdef1234567890',
        instanceState: { code: 0, name: 'pending' },
        instanceType: 't3.large',
        rootDeviceType: 'ebs',
        blockDeviceMapping: [
          { deviceName: '/dev/xvda', ebs: { volumeId: `vol-${suffix}`, status: 'attached' } },
        ],
        networkInterfaceSet: [{ networkInterfaceId: `eni-${suffix}`, status: 'in-use' }],
        tagSet: this.tagSet(instanceId),
      };
    });
    const reservations = items.length
      ? [{ reservationId: 'r-0123456789abcdef0', ownerId: account, instancesSet: items }]
      : [];
    return toXml({ reservationSet: reservations }, 'item');
  }

  private describeTags(form: URLSearchParams): string {
    const ids: string[] = [];
    for (let n = 1; form.has(`Filter.${n}.Name`); n += 1) {
      if (form.get(`Filter.${n}.Name`) === 'resource-id') ids.push(...queryList(form, `Filter.${n}.Value`));
    }
    const tagSet = ids.flatMap((resourceId) =>
      this.tagSet(resourceId).map((tag) => ({ resourceId, resourceType: resourceType(resourceId), ...tag })),
    );
    return toXml({ tagSet }, 'item');
  }
}

function resourceType(id: string): string {
  const prefix = id.split('-')[0];
  return (
    { i: 'instance', vol: 'volume', eni: 'network-interface', sg: 'security-group' }[prefix ?? ''] ??
    'instance'
  );
}

/** An EC2 error as EC2 sends it (`Response/Errors/Error`, HTTP 400). */
function ec2Error(res: ServerResponse, code: string, message: string): void {
  res.statusCode = 400;
  res.end(
    `<Response><Errors><Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>r</RequestID></Response>`,
  );
}
