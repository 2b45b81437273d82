import * as z from 'zod';

/** Health sends dates as RFC 1123 (`Wed, 2 Nov 2022 07:30:00 GMT`) or ISO 8601; both become ISO strings. */
const healthDate = z.string().transform((value, ctx) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${value.slice(0, 40)}` });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

/** `page` and `totalPages` arrive as strings ("1") in real events, as numbers in some samples. */
const pageNumber = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform(Number)
  .pipe(z.number().int().min(1));

const entitySchema = z
  .object({
    entityValue: z.string().min(1).max(2048),
    entityArn: z.string().optional(),
    status: z.string().optional(),
    lastUpdatedTime: z.string().optional(),
  })
  .loose();

export const healthDetailSchema = z
  .object({
    // Real ARNs are ~150 characters; 1000 keeps every state-table key built from one (the Airtable outbox's
    // sort key is `<eventArn>#<account>`) under DynamoDB's 1,024-byte sort-key limit.
    eventArn: z
      .string()
      .max(1000)
      .regex(/^arn:aws[\w-]*:health:[\w-]*::event\/.+/, { message: 'must be a Health event ARN' }),
    service: z.string().min(1).max(100),
    eventTypeCode: z.string().min(1).max(200),
    eventTypeCategory: z.string().min(1).max(100),
    eventScopeCode: z.string().optional(),
    communicationId: z.string().optional(),
    startTime: healthDate,
    endTime: healthDate.optional(),
    lastUpdatedTime: healthDate.optional(),
    statusCode: z.enum(['open', 'closed', 'upcoming']).optional(),
    eventRegion: z.string().optional(),
    eventDescription: z
      .array(z.object({ language: z.string().optional(), latestDescription: z.string() }).loose())
      .default([]),
    affectedEntities: z.array(entitySchema).default([]),
    affectedAccount: z
      .string()
      .regex(/^\d{12}$/)
      .optional(),
    page: pageNumber.optional(),
    totalPages: pageNumber.optional(),
  })
  .loose();

/** An EventBridge event from `aws.health` (delivered in the account itself or, organisation-wide, to the admin). */
export const healthEventSchema = z
  .object({
    id: z.string().min(1),
    'detail-type': z.string(),
    source: z.literal('aws.health'),
    account: z.string().regex(/^\d{12}$/),
    time: healthDate,
    region: z.string().min(1),
    detail: healthDetailSchema,
  })
  .loose();

export type HealthEvent = z.infer<typeof healthEventSchema>;
export type HealthDetail = z.infer<typeof healthDetailSchema>;
