import type { IncomingMessage, ServerResponse } from 'node:http';
import { signedBy } from './aws-wire';
import { LoopbackStandIn } from './http-server';

/** One TagResources call: the account and region it was signed for, the ARNs and the tags. */
export interface TagResourcesCall {
  account: string;
  region: string;
  arns: string[];
  tags: Record<string, string>;
}

const TARGET = 'ResourceGroupsTaggingAPI_20170126.';

/**
 * The Resource Groups Tagging API on loopback (JSON 1.1, answers shaped as its API reference), for
 * AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API. As the real API, it tags only ARNs of the account and region it
 * is called in (others fail in FailedResourcesMap with InvalidParameterException) and at most 20 a call.
 * `tags` holds each ARN's tags (set one to play a resource that already has tags); `notReady` makes an ARN
 * answer "still being created" that many times before it takes tags; `tagged` records each call.
 */
export class TaggingApiStandIn extends LoopbackStandIn {
  constructor() {
    super('Resource Groups Tagging API');
  }

  readonly tags = new Map<string, Record<string, string>>();
  readonly notReady = new Map<string, number>();
  readonly tagged: TagResourcesCall[] = [];
  readonly operations: string[] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const { account, region } = signedBy(req);
    const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET, '');
    const body = JSON.parse(raw || '{}') as { ResourceARNList?: string[]; Tags?: Record<string, string> };
    this.operations.push(operation);
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    const arns = body.ResourceARNList ?? [];
    if (operation === 'GetResources') {
      const ResourceTagMappingList = arns
        .filter((arn) => this.tags.has(arn))
        .map((ResourceARN) => ({
          ResourceARN,
          Tags: Object.entries(this.tags.get(ResourceARN) ?? {}).map(([Key, Value]) => ({ Key, Value })),
        }));
      return void res.end(JSON.stringify({ ResourceTagMappingList, PaginationToken: '' }));
    }
    if (operation !== 'TagResources') return void fail(res, 'UnknownOperationException', operation);
    if (arns.length === 0 || arns.length > 20) {
      return void fail(res, 'InvalidParameterException', 'ResourceARNList must hold 1 to 20 ARNs');
    }
    const FailedResourcesMap: Record<string, unknown> = {};
    for (const arn of arns) {
      const [, , , arnRegion, arnAccount] = arn.split(':');
      const elsewhere = (arnAccount && arnAccount !== account) || (arnRegion && arnRegion !== region);
      const waits = this.notReady.get(arn) ?? 0;
      if (elsewhere) {
        FailedResourcesMap[arn] = failure(
          400,
          'InvalidParameterException',
          `${arn} is not in ${account} ${region}`,
        );
      } else if (waits > 0) {
        this.notReady.set(arn, waits - 1);
        FailedResourcesMap[arn] = failure(400, 'InvalidParameterException', 'The resource is being created');
      } else {
        this.tags.set(arn, { ...this.tags.get(arn), ...body.Tags });
      }
    }
    this.tagged.push({ account, region, arns, tags: body.Tags ?? {} });
    res.end(JSON.stringify({ FailedResourcesMap }));
  }
}

function failure(StatusCode: number, ErrorCode: string, ErrorMessage: string) {
  return { StatusCode, ErrorCode, ErrorMessage };
}

function fail(res: ServerResponse, code: string, message: string): void {
  res.statusCode = 400;
  res.setHeader('x-amzn-errortype', code);
  res.end(JSON.stringify({ __type: code, Message: message }));
}
