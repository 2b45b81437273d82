import type { BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { SlackReply } from '../../../../blocks/message';
import { noticeReply } from '../../../../blocks/notice';
import type { Job } from '../../../jobs/job';
import { startJob } from '../../../jobs/start-job';
import { replyBody } from '../../api/reply-body';
import type { ReplyTarget } from '../../api/reply-target';
import type { SlackAppDeps } from '../deps';

/** Where a Health button was clicked: channel and ts from Slack's payload (never from the button's value). */
export interface HealthClick {
  userId: string;
  channelId: string | undefined;
  ts: string | undefined;
  ephemeral: boolean;
}

export function healthClickOf(body: BlockAction<ButtonAction>): HealthClick {
  const container = body.container as { channel_id?: string; message_ts?: string; is_ephemeral?: boolean };
  return {
    userId: body.user.id,
    channelId: body.channel?.id ?? container?.channel_id,
    ts: body.message?.ts ?? container?.message_ts,
    ephemeral: container?.is_ephemeral === true,
  };
}

/** Where the worker answers a click: an ephemeral message to the person, the alert left as it is. */
export function clickReplyTarget(body: BlockAction<ButtonAction>, click: HealthClick): ReplyTarget {
  return {
    responseUrl: body.response_url,
    userId: click.userId,
    channelId: click.channelId ?? 'unknown',
    replaceOriginal: false,
  };
}

/** An ephemeral answer to the person who clicked, leaving the alert as it is. */
export function answerClick(respond: RespondFn, reply: SlackReply): Promise<unknown> {
  return respond(replyBody(reply, { replaceOriginal: false }));
}

/** Hands a click's job to the worker; the person hears about a refusal or a failure, nothing on success. */
export async function startClickJob(job: Job, deps: SlackAppDeps, respond: RespondFn): Promise<void> {
  const start = await startJob(job, deps);
  if (start.status === 'refused')
    await answerClick(respond, noticeReply('problem', `Nothing was changed. ${start.sentence}`));
  if (start.status === 'failed')
    await answerClick(
      respond,
      noticeReply('problem', 'Could not do that just now. Please try again in a minute.'),
    );
}
