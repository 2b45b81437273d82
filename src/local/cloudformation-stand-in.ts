import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { queryError, type SignedCall, signedBy, toXml } from './aws-wire';
import { LoopbackStandIn } from './http-server';

/**
 * AWS CloudFormation on loopback (query protocol), for AWS_ENDPOINT_URL_CLOUDFORMATION: DescribeStackEvents
 * answers `events` of the stack asked for (by name or stack id), newest first, as CloudFormation does; any other
 * stack does not exist. Each call is recorded in `calls` with the account and region it was signed for.
 */
export class CloudFormationStandIn extends LoopbackStandIn {
  constructor() {
    super('CloudFormation');
  }

  readonly events: StackEvent[] = [];
  readonly calls: SignedCall[] = [];

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    this.calls.push({ operation: action ?? '', ...signedBy(req) });
    if (action !== 'DescribeStackEvents')
      return void queryError(res, 400, 'InvalidAction', `${action} is not played by the stand-in`);
    const stack = form.get('StackName') ?? '';
    const events = this.events.filter((e) => e.StackName === stack || e.StackId === stack);
    if (events.length === 0)
      return void queryError(res, 400, 'ValidationError', `Stack [${stack}] does not exist`);
    res.setHeader('content-type', 'text/xml');
    res.end(
      `<DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackEventsResult>${toXml(
        { StackEvents: events },
      )}</DescribeStackEventsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeStackEventsResponse>`,
    );
  }
}
