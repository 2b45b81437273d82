import * as z from 'zod';

export const SUPPORT_CASE_EVENT_NAMES = [
  'CreateCase',
  'AddCommunicationToCase',
  'ResolveCase',
  'ReopenCase',
] as const;

/**
 * EventBridge `aws.support` "Support Case Update" (AWS Support User Guide, "Support Case Update event"): the case
 * and what happened to it; subject, severity and people are read from the Support API.
 */
export const supportCaseEventSchema = z.object({
  id: z.string().min(1).max(128),
  'detail-type': z.literal('Support Case Update'),
  source: z.literal('aws.support'),
  account: z.string().regex(/^\d{12}$/),
  time: z.iso.datetime({ offset: true }),
  detail: z.object({
    'case-id': z.string().regex(/^case-[A-Za-z0-9-]{1,200}$/),
    'display-id': z.string().max(64).optional(),
    'communication-id': z.string().max(256).optional(),
    'event-name': z.enum(SUPPORT_CASE_EVENT_NAMES),
    /** AWS or CUSTOMER: who added a communication (AddCommunicationToCase only). */
    origin: z.string().max(32).optional(),
  }),
});

export type SupportCaseEvent = z.infer<typeof supportCaseEventSchema>;
