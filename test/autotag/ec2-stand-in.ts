import { type LocalServer, startServer } from '../../src/local/http-server';

/**
 * Amazon EC2 on loopback (query protocol), for AWS_ENDPOINT_URL_EC2, so a bundled function can be driven with its
 * own copy of the SDK. Every instance it knows has one EBS volume and one network interface named after it
 * (i-0a… → vol-0a…, eni-0a…); instances in `unknown` answer as EC2 does right after a launch it has not
 * caught up with (InvalidInstanceID.NotFound). `launchTags` are the tags an instance was launched with (EC2 shows
 * them on the instance, besides `Name`); CreateTags calls are recorded per resource.
 */
export class Ec2StandIn {
  readonly unknown = new Set<string>();
  readonly launchTags = new Map<string, Record<string, string>>();
  readonly tagged = new Map<string, Record<string, string>>();
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('EC2 stand-in not started');
    return this.server.url;
  }

  async start(): Promise<this> {
    this.server = await startServer((_req, body, res) => {
      const form = new URLSearchParams(body);
      res.setHeader('content-type', 'text/xml');
      const action = form.get('Action');
      if (action === 'DescribeInstances') {
        const ids = numbered(form, 'InstanceId');
        if (ids.some((id) => this.unknown.has(id))) {
          res.statusCode = 400;
          return void res.end(
            errorXml('InvalidInstanceID.NotFound', `The instance IDs '${ids.join(', ')}' do not exist`),
          );
        }
        return void res.end(
          `<DescribeInstancesResponse><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId><instancesSet>${ids.map((id) => instanceXml(id, this.launchTags.get(id) ?? {})).join('')}</instancesSet></item></reservationSet></DescribeInstancesResponse>`,
        );
      }
      if (action === 'DescribeTags') {
        return void res.end('<DescribeTagsResponse><requestId>r</requestId><tagSet/></DescribeTagsResponse>');
      }
      if (action === 'CreateTags') {
        const tags: Record<string, string> = {};
        for (let n = 1; form.has(`Tag.${n}.Key`); n += 1) {
          tags[form.get(`Tag.${n}.Key`) ?? ''] = form.get(`Tag.${n}.Value`) ?? '';
        }
        for (const id of numbered(form, 'ResourceId')) {
          this.tagged.set(id, { ...this.tagged.get(id), ...tags });
        }
        return void res.end(
          '<CreateTagsResponse><requestId>r</requestId><return>true</return></CreateTagsResponse>',
        );
      }
      res.statusCode = 400;
      res.end(errorXml('InvalidAction', `${action} is not played by the stand-in`));
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}

/** `Name.1`, `Name.2`, … of an EC2 query request. */
function numbered(form: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (let n = 1; form.has(`${name}.${n}`); n += 1) values.push(form.get(`${name}.${n}`) ?? '');
  return values;
}

function instanceXml(id: string, launchTags: Record<string, string>): string {
  const twin = id.replace(/^i-/, '');
  const tags = Object.entries({ Name: 'web-1', ...launchTags })
    .map(([key, value]) => `<item><key>${key}</key><value>${value}</value></item>`)
    .join('');
  return `<item><instanceId>${id}</instanceId><imageId>ami-0abc1234def567890</imageId><instanceType>t3.large</instanceType><rootDeviceType>ebs</rootDeviceType><instanceState><code>0</code><name>pending</name></instanceState><blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-${twin}</volumeId></ebs></item></blockDeviceMapping><networkInterfaceSet><item><networkInterfaceId>eni-${twin}</networkInterfaceId></item></networkInterfaceSet><tagSet>${tags}</tagSet></item>`;
}

function errorXml(code: string, message: string): string {
  return `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>r</RequestID></Response>`;
}
