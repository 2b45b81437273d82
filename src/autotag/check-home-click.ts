import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import { type ClickCheck, checkClick } from './check-click';
import { type AutotagNotice, noticeKey } from './notice-record';

/** A Retag / It's mine click on the Home tab: a view has no message, so the click names only the notice. */
export interface HomeClick {
  noticeId: string;
  userId: string;
}

export const NOT_YOUR_LAUNCH =
  'Your Home lists only launches that name you as launcher or owner, and this one does not (any more), so nothing was changed. Refresh the Home tab.';

/** Whether the notice names the person as the one who launched its resources or as their owner. */
export const namesPerson = (notice: AutotagNotice, userId: string): boolean =>
  notice.creatorSlackUserId === userId || notice.owner.slackUserId === userId;

/**
 * The binding check of the Home source: the notice must name the clicking person (that is why Home showed it to
 * them), then everything a click on the notice itself passes, with the notice's own message as the origin (it
 * exists, the person may retag: allow-lists checked again). Every refusal is audited.
 */
export async function checkHomeClick(
  click: HomeClick,
  deps: { store: StateStore; config: AppConfig; groupMembers: GroupMembers },
): Promise<ClickCheck> {
  const { pk, sk } = noticeKey(click.noticeId);
  const record = /^[\w-]{1,100}$/.test(click.noticeId)
    ? await deps.store.get<AutotagNotice>(pk, sk)
    : undefined;
  if (record?.data.message && !namesPerson(record.data, click.userId)) {
    await deps.store.audit({
      action: 'autotag.retag',
      actor: click.userId,
      target: click.noticeId,
      result: 'refused',
      detail: { why: 'home-not-named', source: 'home' },
    });
    return { ok: false, reason: NOT_YOUR_LAUNCH };
  }
  return checkClick(
    {
      noticeId: click.noticeId,
      userId: click.userId,
      channelId: record?.data.message?.channel,
      messageTs: record?.data.message?.ts,
    },
    deps,
  );
}
