import * as z from 'zod';
import { replyTargetSchema } from '../slack/api/reply-target';

/** `account:caseId` as a Details button or menu carries it (bound to the message it came from). */
export const CASE_REF = /^(\d{12}):(case-[A-Za-z0-9-]{1,200})$/;

/** A Details click handed to the worker: the modal to fill (already open) and the case whose communications it shows. */
export const caseDetailsJobSchema = z.object({
  kind: z.literal('cases.details'),
  /** The click's trigger_id: the idempotency key. */
  id: z.string().min(1),
  reply: replyTargetSchema,
  viewId: z.string().min(1).max(64),
  accountId: z.string().regex(/^\d{12}$/),
  caseId: z.string().regex(/^case-[A-Za-z0-9-]{1,200}$/),
});

export type CaseDetailsJob = z.infer<typeof caseDetailsJobSchema>;

/** `123456789012:case-…` → its parts; undefined for anything else. */
export function parseCaseRef(value: string | undefined): { accountId: string; caseId: string } | undefined {
  const match = CASE_REF.exec(value ?? '');
  return match ? { accountId: match[1] as string, caseId: match[2] as string } : undefined;
}
