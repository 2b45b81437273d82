import * as z from 'zod';
import { asRecord } from './as-record';

/** Only the parts of CloudTrail's `userIdentity` the bot reads; everything else passes through untouched. */
const userIdentitySchema = z
  .object({
    type: z.string().optional(),
    principalId: z.string().optional(),
    arn: z.string().optional(),
    accountId: z.string().optional(),
    userName: z.string().optional(),
    invokedBy: z.string().optional(),
    sessionContext: z
      .object({
        sessionIssuer: z
          .object({
            type: z.string().optional(),
            arn: z.string().optional(),
            userName: z.string().optional(),
          })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
    onBehalfOf: z
      .object({ userId: z.string().optional(), identityStoreArn: z.string().optional() })
      .loose()
      .optional(),
  })
  .loose();

export type UserIdentity = z.infer<typeof userIdentitySchema>;

/** EventBridge "AWS API Call via CloudTrail" for a create call: what the tagger needs, validated. */
export const cloudTrailEventSchema = z
  .object({
    id: z.string().min(1),
    'detail-type': z.literal('AWS API Call via CloudTrail'),
    account: z.string().regex(/^\d{12}$/),
    region: z.string().min(1),
    detail: z
      .object({
        eventID: z.string().min(1),
        eventName: z.string().min(1),
        eventSource: z.string().regex(/^[a-z0-9.-]+\.amazonaws\.com$/),
        // The notice renders it as a date and the CreatedAt tag carries it: anything else is malformed.
        eventTime: z.iso.datetime({ offset: true }),
        awsRegion: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/),
        recipientAccountId: z
          .string()
          .regex(/^\d{12}$/)
          .optional(),
        userIdentity: userIdentitySchema,
        errorCode: z.string().optional(),
        errorMessage: z.string().optional(),
        requestParameters: z.record(z.string(), z.unknown()).nullish(),
        responseElements: z.record(z.string(), z.unknown()).nullish(),
      })
      .loose(),
  })
  .loose();

export type CloudTrailEvent = z.infer<typeof cloudTrailEventSchema>;
export type CloudTrailDetail = CloudTrailEvent['detail'];

/** The account the resources live in: CloudTrail's recipient account, else the EventBridge envelope's. */
export function resourceAccountOf(event: CloudTrailEvent): string {
  return event.detail.recipientAccountId ?? event.account;
}

const KEY_FIELDS = ['key', 'Key', 'tagKey', 'TagKey'] as const;
const VALUE_FIELDS = ['value', 'Value', 'tagValue', 'TagValue'] as const;

/** `[{ key, value }]` (or `Key`/`tagKey` spellings) and `{ key: value }` maps, as services record tags. */
function tagPairs(raw: unknown): [string, string][] {
  if (Array.isArray(raw)) {
    return raw.flatMap((item): [string, string][] => {
      const tag = asRecord(item);
      const key = KEY_FIELDS.map((f) => tag[f]).find((k) => typeof k === 'string');
      const value = VALUE_FIELDS.map((f) => tag[f]).find((v) => typeof v === 'string');
      return typeof key === 'string' && typeof value === 'string' ? [[key, value]] : [];
    });
  }
  return Object.entries(asRecord(raw)).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/**
 * Tags passed in the call itself, as CloudTrail records them (e.g. Auto Scaling's group name, Service Catalog's
 * provisioning principal, CloudFormation's stack id). EC2: `requestParameters.tagSpecificationSet.items[] =
 * { resourceType, tags: [{ key, value }] }`; other services: `requestParameters.tags` (or `Tags`, `tagList`) as
 * a list of key/value pairs or a key → value map. The first value of a key wins.
 */
export function requestTags(detail: CloudTrailDetail): Map<string, string> {
  const tags = new Map<string, string>();
  const request = asRecord(detail.requestParameters);
  const specs = asRecord(request.tagSpecificationSet).items;
  const sources = [
    ...(Array.isArray(specs) ? specs.map((spec) => asRecord(spec).tags) : []),
    request.tags,
    request.Tags,
    request.tagList,
  ];
  for (const source of sources) {
    for (const [key, value] of tagPairs(source)) if (!tags.has(key)) tags.set(key, value);
  }
  return tags;
}
