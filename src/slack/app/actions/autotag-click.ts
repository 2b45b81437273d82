import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Click } from '../../../autotag/check-click';

/** Who clicked which notice button, from where: the channel and ts come from Slack's payload, not the value. */
export function clickOf(body: BlockAction, action: ButtonAction): Click {
  return {
    noticeId: action.value ?? '',
    userId: body.user.id,
    channelId: body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id,
    messageTs: body.message?.ts ?? (body.container as { message_ts?: string } | undefined)?.message_ts,
  };
}
