import * as z from 'zod';
import { replyTargetSchema } from '../slack/api/reply-target';

/**
 * What `/aws-owner` asks about: a full ARN (with or without an account: S3, API Gateway, snapshots), an EC2
 * instance id, or an S3 bucket name.
 */
export const ownerTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arn'), arn: z.string().regex(/^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12})?:.+$/) }),
  z.object({ kind: z.literal('instance'), id: z.string().regex(/^i-[0-9a-f]{8,17}$/) }),
  z.object({ kind: z.literal('bucket'), name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/) }),
]);

export type OwnerTarget = z.infer<typeof ownerTargetSchema>;

/** `/aws-owner <ARN | instance id | bucket name>` handed to the worker. */
export const autotagOwnerJobSchema = z.object({
  kind: z.literal('autotag-owner'),
  id: z.string().min(1),
  reply: replyTargetSchema,
  target: ownerTargetSchema,
});

export type AutotagOwnerJob = z.infer<typeof autotagOwnerJobSchema>;

export type OwnerArgs = { ok: true; target: OwnerTarget } | { ok: false; problem: string };

/** One word: an ARN, an instance id (`i-…`) or a bucket name; anything else is a usage error. */
export function parseOwnerArgs(words: readonly string[]): OwnerArgs {
  if (words.length !== 1) {
    return { ok: false, problem: `Expected one ARN, instance id or bucket name, got ${words.length} words.` };
  }
  const [word = ''] = words;
  const candidates: OwnerTarget[] = word.startsWith('arn:')
    ? [{ kind: 'arn', arn: word }]
    : /^i-/.test(word)
      ? [{ kind: 'instance', id: word }]
      : [{ kind: 'bucket', name: word }];
  const parsed = ownerTargetSchema.safeParse(candidates[0]);
  if (parsed.success) return { ok: true, target: parsed.data };
  return {
    ok: false,
    problem: `${word.slice(0, 100)} is not an ARN, an instance id (i-…) or a bucket name.`,
  };
}
