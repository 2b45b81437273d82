import type { TaggedCall } from './tagged-call';
import { APPLICATION_CALLS } from './tagged-calls-app';
import { COMPUTE_CALLS } from './tagged-calls-compute';
import { DATA_CALLS } from './tagged-calls-data';
import { EC2_CALLS } from './tagged-calls-ec2';

/**
 * Every create call the bot tags: one row per CloudTrail eventSource + eventName. The EventBridge rules
 * (serverless.yml, infra/autotag-forwarding-rule.yaml) and the tagging roles (serverless.yml,
 * infra/autotag-tagging-role.yaml) are checked against it by test/autotag/tagged-call-table.test.ts.
 */
export const TAGGED_CALLS: readonly TaggedCall[] = [
  ...EC2_CALLS,
  ...DATA_CALLS,
  ...COMPUTE_CALLS,
  ...APPLICATION_CALLS,
];

/**
 * Calls the tagger reads without tagging anything: who created or updated a stack (its resources are attributed
 * to them) and who ran a StackSet operation (the stacks it creates in member accounts are attributed to them).
 * Stacks themselves are never tagged: the Tagging API tags a stack by running UpdateStack on it.
 */
export const REMEMBERED_CALLS: readonly { eventSource: string; eventName: string }[] = [
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateStack' },
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'UpdateStack' },
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateStackSet' },
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'UpdateStackSet' },
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'CreateStackInstances' },
  { eventSource: 'cloudformation.amazonaws.com', eventName: 'UpdateStackInstances' },
];

const BY_CALL = new Map(TAGGED_CALLS.map((row) => [`${row.eventSource} ${row.eventName}`, row]));

/** The row of a CloudTrail call, if the bot tags what it creates. */
export function taggedCallOf(eventSource: string, eventName: string): TaggedCall | undefined {
  return BY_CALL.get(`${eventSource} ${eventName}`);
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** Every resource type of the table (`rds:db`, `ec2:instance`, …): what the config may name. */
export const RESOURCE_TYPES = unique(TAGGED_CALLS.map((row) => row.resourceType)) as [string, ...string[]];

/** What the EventBridge rules must match: every table row and every remembered call. */
export function ruleEventSources(): string[] {
  return unique([...TAGGED_CALLS, ...REMEMBERED_CALLS].map((row) => row.eventSource)).sort();
}

export function ruleEventNames(): string[] {
  return unique([...TAGGED_CALLS, ...REMEMBERED_CALLS].map((row) => row.eventName)).sort();
}

/** The IAM actions the tagging roles need to write tags on every type of the table. */
export function tagActions(): string[] {
  const viaApi = TAGGED_CALLS.some((row) => row.tagApi === 'tagging-api') ? ['tag:TagResources'] : [];
  return unique([...viaApi, ...TAGGED_CALLS.flatMap((row) => row.tagActions)]).sort();
}
