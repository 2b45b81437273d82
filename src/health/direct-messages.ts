import type { SlackMessage } from '../../blocks/message';
import type { PostedMessage, SlackSink } from '../slack/api/slack-sink';

/**
 * A subscriber's DM is kept in the event's state like a channel, under the name `dm:<user id>`: the same living
 * message (posted once, edited on every update, threaded), the same message index (its buttons work), and the
 * same "once routed, it keeps getting the updates".
 */
const PREFIX = 'dm:';

export const directMessageChannel = (userId: string): string => `${PREFIX}${userId}`;
export const isDirectMessageChannel = (channel: string): boolean => channel.startsWith(PREFIX);

/**
 * A sink that posts to `dm:<user>` in the bot's DM with that person: conversations.open once per person and
 * container (it answers the same channel every time), then chat.postMessage to that channel. Every other call,
 * and edits and thread replies (they carry the DM's id), go straight through.
 */
export function withDirectMessages(sink: SlackSink): SlackSink {
  const opened = new Map<string, Promise<string>>();
  const dmOf = (userId: string): Promise<string> => {
    let pending = opened.get(userId);
    if (!pending) {
      pending = sink.openDirectMessage(userId);
      pending.catch(() => opened.delete(userId)); // a failed open is tried again next time
      opened.set(userId, pending);
    }
    return pending;
  };
  return {
    async post(
      channel: string,
      message: SlackMessage,
      options?: { threadTs?: string },
    ): Promise<PostedMessage> {
      const target = isDirectMessageChannel(channel) ? await dmOf(channel.slice(PREFIX.length)) : channel;
      return sink.post(target, message, options);
    },
    update: (ref, message) => sink.update(ref, message),
    uploadFiles: (channelOrUser, files, options) => sink.uploadFiles(channelOrUser, files, options),
    openDirectMessage: (userId) => dmOf(userId),
    findUserByEmail: (email) => sink.findUserByEmail(email),
    userProfile: (userId) => sink.userProfile(userId),
  };
}
