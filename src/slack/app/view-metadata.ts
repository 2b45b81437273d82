import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { StateStore } from '../../store/state-store';

/** How long a modal's metadata is kept: a dialog left open longer is answered as out of date. */
const VIEW_METADATA_SECONDS = 24 * 60 * 60;

/** All a modal carries in its private_metadata: a reference to what the bot stored when it opened it. */
const reference = z.strictObject({ ref: z.uuid() });

/**
 * A modal's metadata lives in the state table, not in the view: private_metadata holds only a random reference,
 * so nothing in it can be forged (a submission cannot name files, buckets or accounts the bot did not offer)
 * and it fits Slack's 3,000 characters whatever the data (20 long file names). Returns the private_metadata.
 */
export async function saveViewMetadata<T>(store: StateStore, data: T): Promise<string> {
  const ref = randomUUID();
  await store.create(key(ref), '#', data, { ttlSeconds: VIEW_METADATA_SECONDS });
  return JSON.stringify({ ref });
}

/**
 * The metadata stored for a submitted modal; undefined when its private_metadata is not a reference the bot
 * made, the record expired, or the record does not fit `schema`.
 */
export async function loadViewMetadata<T>(
  store: StateStore,
  schema: z.ZodType<T>,
  privateMetadata: string | undefined,
): Promise<T | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata ?? '');
  } catch {
    return undefined;
  }
  const ref = reference.safeParse(parsed);
  if (!ref.success) return undefined;
  const record = await store.get<unknown>(key(ref.data.ref));
  const data = schema.safeParse(record?.data);
  return data.success ? data.data : undefined;
}

/** What a person is told when a submission's metadata cannot be loaded. */
export const STALE_VIEW_MESSAGE =
  'This dialog is out of date or was not opened by the bot, so nothing was done. Run the command or the shortcut again.';

function key(ref: string): string {
  return `view#${ref}`;
}
