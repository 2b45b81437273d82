import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';
import { signedBy, toXml } from './aws-xml';

export interface CreateTagsCall {
  account: string;
  region: string;
  resources: string[];
  tags: Record<string, string>;
}

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/**
 * Amazon EC2 on loopback (EC2 query protocol, answers shaped as the EC2 API reference's examples), for
 * AWS_ENDPOINT_URL_EC2. Every instance asked for exists, pending, with one EBS volume and one network interface
 * named after it (i-0a… → vol-0a…, eni-0a…); DescribeTags finds no tags; CreateTags is recorded.
 */
export class Ec2StandIn extends LoopbackStandIn {
  constructor() {
    super('EC2');
  }
  readonly createTags: CreateTagsCall[] = [];

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    const numbered = (prefix: string) =>
      [...form.entries()].filter(([key]) => new RegExp(`^${prefix}\\.\\d+$`).test(key)).map(([, v]) => v);
    res.setHeader('content-type', 'text/xml;charset=UTF-8');
    const answer = (inner: string) =>
      res.end(
        `<${action}Response xmlns="${XMLNS}"><requestId>r-local</requestId>${inner}</${action}Response>`,
      );
    if (action === 'CreateTags') {
      const tags: Record<string, string> = {};
      for (const [key, value] of form.entries()) {
        const n = /^Tag\.(\d+)\.Key$/.exec(key)?.[1];
        if (n) tags[value] = form.get(`Tag.${n}.Value`) ?? '';
      }
      this.createTags.push({
        ...signedBy(req.headers.authorization),
        resources: numbered('ResourceId'),
        tags,
      });
      return void answer('<return>true</return>');
    }
    if (action === 'DescribeInstances') {
      const instances = numbered('InstanceId').map((id) => ({
        instanceId: id,
        imageId: 'ami-0abcdef1234567890',
        instanceState: { code: 0, name: 'pending' },
        instanceType: 't3.large',
        rootDeviceType: 'ebs',
        blockDeviceMapping: [
          { deviceName: '/dev/xvda', ebs: { volumeId: id.replace(/^i-/, 'vol-'), status: 'attached' } },
        ],
        networkInterfaceSet: [{ networkInterfaceId: id.replace(/^i-/, 'eni-') }],
        tagSet: [],
      }));
      return void answer(
        toXml(
          { reservationSet: [{ reservationId: 'r-0123456789abcdef0', instancesSet: instances }] },
          'item',
        ),
      );
    }
    if (action === 'DescribeTags') return void answer('<tagSet/>');
    res.statusCode = 400;
    res.end(
      `<Response><Errors><Error><Code>InvalidAction</Code><Message>${action} is not played by the stand-in</Message></Error></Errors><RequestID>r-local</RequestID></Response>`,
    );
  }
}
