import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { StateStore, StoredRecord } from '../store/state-store';
import { findNoticeForClick } from './find-notice';
import type { AutotagNotice } from './notice-record';
import { mayRetag } from './retag-permission';

export interface Click {
  noticeId: string;
  userId: string;
  channelId: string | undefined;
  messageTs: string | undefined;
}

export type ClickCheck = { ok: true; record: StoredRecord<AutotagNotice> } | { ok: false; reason: string };

/**
 * Everything a Retag / It's mine click must pass before anything happens: the notice exists, the click came
 * from that notice's message, and the person may retag. Every refusal is audited.
 */
export async function checkClick(
  click: Click,
  deps: { store: StateStore; config: AppConfig; groupMembers: GroupMembers },
): Promise<ClickCheck> {
  const found = await findNoticeForClick(deps.store, click);
  const refuse = async (reason: string, why: string): Promise<ClickCheck> => {
    await deps.store.audit({
      action: 'autotag.retag',
      actor: click.userId,
      target: click.noticeId.slice(0, 100),
      result: 'refused',
      detail: { why, channel: click.channelId, ts: click.messageTs },
    });
    return { ok: false, reason };
  };
  if (!found.ok) return refuse(found.reason, found.problem);
  const decision = await mayRetag(
    click.userId,
    found.record.data,
    {
      admins: deps.config.slack.admins,
      retagAllowed: deps.config.autotag.retagAllowed,
      creatorMayRetag: deps.config.autotag.creatorMayRetag,
    },
    deps.groupMembers,
  );
  if (!decision.allowed) return refuse(decision.reason, 'not-allowed');
  return { ok: true, record: found.record };
}
