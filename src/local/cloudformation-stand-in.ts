import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { queryError, toXml } from './aws-wire';
import { type LocalServer, startServer } from './http-server';

/**
 * AWS CloudFormation on loopback (query protocol), for AWS_ENDPOINT_URL_CLOUDFORMATION: DescribeStackEvents
 * answers `events` of the stack asked for (by name or stack id), newest first, as CloudFormation does; any other
 * stack does not exist.
 */
export class CloudFormationStandIn {
  readonly events: StackEvent[] = [];
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('CloudFormation stand-in not started');
    return this.server.url;
  }

  async start(): Promise<this> {
    this.server = await startServer((_req, body, res) => {
      const form = new URLSearchParams(body);
      const action = form.get('Action');
      if (action !== 'DescribeStackEvents')
        return queryError(res, 400, 'InvalidAction', `${action} is not played by the demo`);
      const stack = form.get('StackName') ?? '';
      const events = this.events.filter((e) => e.StackName === stack || e.StackId === stack);
      if (events.length === 0)
        return queryError(res, 400, 'ValidationError', `Stack [${stack}] does not exist`);
      res.setHeader('content-type', 'text/xml');
      res.end(
        `<DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackEventsResult>${toXml(
          { StackEvents: events },
        )}</DescribeStackEventsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStackEventsResponse>`,
      );
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
