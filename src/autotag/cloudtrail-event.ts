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

/** EventBridge "AWS API Call via CloudTrail" for an EC2 call: what the tagger needs, validated. */
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
        eventSource: z.literal('ec2.amazonaws.com'),
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

/**
 * Tags passed in the call itself, as CloudTrail records them:
 * `requestParameters.tagSpecificationSet.items[] = { resourceType, tags: [{ key, value }] }` (e.g. Auto Scaling's
 * group name or Service Catalog's provisioning principal). The first value of a key wins.
 */
export function requestTags(detail: CloudTrailDetail): Map<string, string> {
  const tags = new Map<string, string>();
  const specs = asRecord(asRecord(detail.requestParameters).tagSpecificationSet).items;
  for (const spec of Array.isArray(specs) ? specs : []) {
    const specTags = asRecord(spec).tags;
    for (const tag of Array.isArray(specTags) ? specTags : []) {
      const { key, value } = asRecord(tag);
      if (typeof key === 'string' && typeof value === 'string' && !tags.has(key)) tags.set(key, value);
    }
  }
  return tags;
}
