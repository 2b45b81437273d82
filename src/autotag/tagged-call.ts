import { asRecord } from './as-record';

/**
 * How a resource type is tagged: the Resource Groups Tagging API (`TagResources`, ≤ 20 ARNs a call) for every
 * service it supports, EC2's own `CreateTags` for EC2 (it takes ids, up to 1000 a call, and reads the instance's
 * volumes and interfaces first).
 */
export type TagApi = 'tagging-api' | 'ec2-create-tags';

/** What a CloudTrail record says about one successful create call, as the table's ARN rules read it. */
export interface CallContext {
  partition: string;
  account: string;
  region: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** One row of the table: a create call, the resource type it makes, where its ARN is, how it is tagged. */
export interface TaggedCall {
  /** CloudTrail `eventSource`, e.g. `rds.amazonaws.com`. */
  eventSource: string;
  /** CloudTrail `eventName`, e.g. `CreateDBInstance`. */
  eventName: string;
  /** `<service>:<type>` as in the ARN, e.g. `rds:db`; what `autotag.events` and `autotag.notifyOn` name. */
  resourceType: string;
  /** Words for people: `RDS DB instance`. */
  label: string;
  tagApi: TagApi;
  /**
   * The IAM actions the tag call needs on the resource besides `tag:TagResources` (the Tagging API calls the
   * service's own tagging action with the caller's permissions). The tagging role grants exactly these.
   */
  tagActions: readonly string[];
  /** The ARN(s) of what was created, from the record; empty when the record does not name it. */
  arns: (call: CallContext) => string[];
}

/** A string at a dotted path of a CloudTrail payload (`dBInstance.dBInstanceArn`), if there is one. */
export function stringAt(value: Record<string, unknown>, path: string): string | undefined {
  let current: unknown = value;
  for (const part of path.split('.')) current = asRecord(current)[part];
  return typeof current === 'string' && current !== '' ? current : undefined;
}

/** The ARN the response names at `path`. */
export const responseArn =
  (path: string) =>
  (call: CallContext): string[] => {
    const arn = stringAt(call.response, path);
    return arn?.startsWith('arn:') ? [arn] : [];
  };

/**
 * An ARN built from a name the call carries (`request.<path>` or `response.<path>`), for calls whose record
 * has no ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`. `global` leaves region and account out
 * (S3 buckets), `regionOnly` leaves the account out (API Gateway).
 */
export const builtArn =
  (
    service: string,
    from: `request.${string}` | `response.${string}`,
    resource: (name: string) => string,
    scope: 'account' | 'global' | 'regionOnly' = 'account',
  ) =>
  (call: CallContext): string[] => {
    const [where, ...rest] = from.split('.');
    const name = stringAt(where === 'request' ? call.request : call.response, rest.join('.'));
    if (!name) return [];
    const region = scope === 'global' ? '' : call.region;
    const account = scope === 'account' ? call.account : '';
    return [`arn:${call.partition}:${service}:${region}:${account}:${resource(name)}`];
  };

/** The first rule that finds an ARN (records differ between API versions and consoles). */
export const firstOf =
  (...rules: ((call: CallContext) => string[])[]) =>
  (call: CallContext): string[] => {
    for (const rule of rules) {
      const found = rule(call);
      if (found.length > 0) return found;
    }
    return [];
  };

/** A row tagged through the Resource Groups Tagging API. */
export function viaTaggingApi(
  eventSource: string,
  eventName: string,
  resourceType: string,
  label: string,
  tagActions: readonly string[],
  arns: TaggedCall['arns'],
): TaggedCall {
  return { eventSource, eventName, resourceType, label, tagApi: 'tagging-api', tagActions, arns };
}

/** ARNs in a list of the response (`loadBalancers[].loadBalancerArn`). */
export const responseListArns =
  (list: string, field: string) =>
  (call: CallContext): string[] => {
    const items = call.response[list];
    return (Array.isArray(items) ? items : [])
      .map((item) => stringAt(asRecord(item), field))
      .filter((arn): arn is string => arn?.startsWith('arn:') === true);
  };
