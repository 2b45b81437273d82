import * as z from 'zod';
import type { CommandDoc } from '../../blocks/help';
import type { AccountDirectory } from '../aws/account-directory';
import { accountRefSchema } from '../aws/account-ref';
import { replyTargetSchema } from '../slack/api/reply-target';

/** What `/aws-help` and a usage error show for `/aws-tag`. */
export const TAG_DOC: CommandDoc = {
  command: '/aws-tag',
  summary:
    'tag what people created before the bot tagged it: CloudTrail of the window, a confirmation, then tags',
  usage: ['/aws-tag backfill [window ≤ 90d] [account=<id or name>] [region=<region>]'],
  examples: ['/aws-tag backfill', '/aws-tag backfill 30d account=prod-payments region=eu-west-1'],
};

/** CloudTrail event history keeps 90 days. */
export const MAX_BACKFILL_DAYS = 90;

/** `/aws-tag backfill …` handed to the worker: find what was created in the window and is still untagged. */
export const backfillScanJobSchema = z.object({
  kind: z.literal('autotag-backfill-scan'),
  id: z.string().min(1),
  reply: replyTargetSchema,
  actor: z.string().min(1),
  windowDays: z.number().int().min(1).max(MAX_BACKFILL_DAYS),
  account: accountRefSchema.optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/)
    .optional(),
});

/** The confirmed backfill: tag what the scan `planId` found. */
export const backfillTagJobSchema = z.object({
  kind: z.literal('autotag-backfill-tag'),
  id: z.string().min(1),
  reply: replyTargetSchema,
  actor: z.string().min(1),
  planId: z.string().min(1).max(300),
});

export type BackfillScanJob = z.infer<typeof backfillScanJobSchema>;
export type BackfillTagJob = z.infer<typeof backfillTagJobSchema>;

export type BackfillArgs =
  | { ok: true; windowDays: number; account?: BackfillScanJob['account']; region?: string }
  | { ok: false; problem: string };

/** `backfill [7d|2w] [account=…] [region=…]`; the window defaults to 7 days and may not pass 90. */
export function parseBackfillArgs(words: readonly string[], accounts: AccountDirectory): BackfillArgs {
  const [verb, ...rest] = words;
  if (verb !== 'backfill') return { ok: false, problem: 'Here is how /aws-tag works.' };
  let windowDays = 7;
  let account: BackfillScanJob['account'];
  let region: string | undefined;
  for (const word of rest) {
    const window = /^(\d{1,3})([dw])$/.exec(word);
    if (window) {
      windowDays = Number(window[1]) * (window[2] === 'w' ? 7 : 1);
      if (windowDays < 1 || windowDays > MAX_BACKFILL_DAYS) {
        return {
          ok: false,
          problem: `The window must be 1 to ${MAX_BACKFILL_DAYS} days (CloudTrail keeps 90).`,
        };
      }
    } else if (word.startsWith('account=')) {
      const choice = accounts.tryResolve(word.slice('account='.length));
      if (!choice.ok) return { ok: false, problem: choice.problem };
      account = choice.account.name
        ? { id: choice.account.id, name: choice.account.name }
        : { id: choice.account.id };
    } else if (/^region=[a-z]{2}(-gov)?-[a-z]+-\d$/.test(word)) {
      region = word.slice('region='.length);
    } else {
      return { ok: false, problem: `"${word.slice(0, 60)}" is not a window, account=… or region=….` };
    }
  }
  return { ok: true, windowDays, ...(account ? { account } : {}), ...(region ? { region } : {}) };
}
