import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpReply, usageReply } from '../../../../blocks/help';
import { commandText, commandWords } from '../../api/command-words';
import { replyBody } from '../../api/reply-body';
import { COMMAND_LIST, HELP_DOC } from './command-list';

/** `/aws-help`: answered in the ack itself; nothing slow, no worker. */
export const awsHelpCommand: Middleware<SlackCommandMiddlewareArgs> = async ({ command, ack }) => {
  const words = commandWords(command.text);
  if (words.length > 0 && !(words.length === 1 && words[0] === 'help')) {
    await ack(
      replyBody(
        usageReply(`/aws-help takes no arguments (got "${commandText(command.text).trim()}").`, HELP_DOC),
      ),
    );
    return;
  }
  await ack(replyBody(helpReply(COMMAND_LIST)));
};
