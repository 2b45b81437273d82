import type { GroupMembers } from '../config/allow-list';
import type { AppConfig } from '../config/schema';
import type { AnyReplyTarget } from '../slack/api/reply-target';
import type { StateStore } from '../store/state-store';
import { type Click, type ClickCheck, checkClick } from './check-click';
import { checkHomeClick, type HomeClick } from './check-home-click';
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

type PlanDeps = { store: StateStore; config: AppConfig; groupMembers: GroupMembers };

/** "It's mine": the launcher (or an allow-listed person) claims the notice's resources and becomes their owner. */
export async function planMineClick(input: MineClick, deps: PlanDeps): Promise<MineClickPlan> {
  const { click } = input;
  return mineJob(await checkClick(click, deps), click.noticeId, click.userId, input.triggerId, {
    responseUrl: input.responseUrl,
    userId: click.userId,
    channelId: click.channelId ?? 'unknown',
    replaceOriginal: false,
  });
}

/** "It's mine" on the Home tab: the Home binding check, and the answer goes to the person's DM with the bot. */
export async function planHomeMineClick(
  input: HomeClick & { triggerId: string },
  deps: PlanDeps,
): Promise<MineClickPlan> {
  return mineJob(await checkHomeClick(input, deps), input.noticeId, input.userId, input.triggerId, {
    home: true,
    userId: input.userId,
  });
}

function mineJob(
  check: ClickCheck,
  noticeId: string,
  userId: string,
  triggerId: string,
  reply: AnyReplyTarget,
): MineClickPlan {
  if (!check.ok) return { type: 'refused', reason: check.reason };
  return {
    type: 'job',
    job: {
      kind: 'autotag-retag',
      id: triggerId,
      reply,
      noticeId,
      actor: userId,
      owner: { slackUserId: userId },
      confirm: true,
    },
    working: 'Marking these resources as yours…',
  };
}
