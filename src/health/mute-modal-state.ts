import * as z from 'zod';
import { muteScopeSchema } from './mute-scope';

/** What the bot stores when it opens a Mute modal (the modal carries only a reference to it). */
export const muteModalStateSchema = z.object({
  channelId: z.string().min(1),
  ts: z.string().min(1),
  responseUrl: z.url(),
  /** The scopes offered, in the modal's order: the submission picks one by its index. */
  scopes: z.array(muteScopeSchema).min(1).max(10),
});
export type MuteModalState = z.infer<typeof muteModalStateSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a mute chosen in the modal ends: 1, 7 or 30 days from now, or the end (UTC) of a picked date. A problem
 * for the person when the choice makes no mute (no date, a date that has passed, more than a year away).
 */
export function muteUntil(
  duration: string | undefined,
  date: string | undefined,
  now: Date,
): { ok: true; until: string } | { ok: false; problem: string } {
  if (duration === '1' || duration === '7' || duration === '30')
    return { ok: true, until: new Date(now.getTime() + Number(duration) * DAY_MS).toISOString() };
  if (duration !== 'date') return { ok: false, problem: 'Choose how long.' };
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    return { ok: false, problem: 'Pick the date the mute ends.' };
  const end = Date.parse(`${date}T23:59:59.000Z`);
  if (Number.isNaN(end) || end <= now.getTime()) return { ok: false, problem: 'Pick a date in the future.' };
  if (end - now.getTime() > 366 * DAY_MS) return { ok: false, problem: 'A mute lasts at most a year.' };
  return { ok: true, until: new Date(end).toISOString() };
}
