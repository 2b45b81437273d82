import type { StateStore, StoredRecord } from '../store/state-store';
import { type AutotagNotice, noticeKey } from './notice-record';

/** Where a click came from, as Slack's payload says (not the button value). */
export interface ClickOrigin {
  noticeId: string;
  channelId: string | undefined;
  messageTs: string | undefined;
}

export type FoundNotice =
  | { ok: true; record: StoredRecord<AutotagNotice> }
  | { ok: false; reason: string; problem: 'unknown-notice' | 'other-message' };

/**
 * The notice a Retag / It's mine click refers to. The button value only names a notice id; the bot acts only
 * if it posted that notice itself and the click came from that very message (channel and ts match).
 */
export async function findNoticeForClick(store: StateStore, origin: ClickOrigin): Promise<FoundNotice> {
  const { pk, sk } = noticeKey(origin.noticeId);
  const record = /^[\w-]{1,100}$/.test(origin.noticeId) ? await store.get<AutotagNotice>(pk, sk) : undefined;
  if (!record?.data.message) {
    return {
      ok: false,
      problem: 'unknown-notice',
      reason:
        'The bot has no record of announcing these resources (the notice is not one it posted, or it has expired), so it changes nothing.',
    };
  }
  const { channel, ts } = record.data.message;
  if (channel !== origin.channelId || ts !== origin.messageTs) {
    return {
      ok: false,
      problem: 'other-message',
      reason: 'This button does not belong to the notice it names, so the bot changes nothing.',
    };
  }
  return { ok: true, record };
}
