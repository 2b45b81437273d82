import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { StateStore } from '../store/state-store';
import { type Click, checkClick } from './check-click';
import type { AutotagRetagJob } from './retag-job';

export interface MineClick {
  click: Click;
  /** Unique per click (a Slack retry carries the same one): the job's idempotency key. */
  triggerId: string;
  responseUrl: string;
}

/** The refusal to tell the person, or the job to start and the line that says it is under way. */
export type MineClickPlan =
  | { type: 'refused'; reason: string }
  | { type: 'job'; job: AutotagRetagJob; working: string };

/** "It's mine": the launcher (or an allow-listed person) claims the notice's resources and becomes their owner. */
export async function planMineClick(
  input: MineClick,
  deps: { store: StateStore; config: AppConfig; groupMembers: GroupMembers },
): Promise<MineClickPlan> {
  const { click } = input;
  const check = await checkClick(click, deps);
  if (!check.ok) return { type: 'refused', reason: check.reason };
  return {
    type: 'job',
    job: {
      kind: 'autotag-retag',
      id: input.triggerId,
      reply: {
        responseUrl: input.responseUrl,
        userId: click.userId,
        channelId: click.channelId ?? 'unknown',
        replaceOriginal: false,
      },
      noticeId: click.noticeId,
      actor: click.userId,
      owner: { slackUserId: click.userId },
      confirm: true,
    },
    working: 'Marking these resources as yours…',
  };
}
