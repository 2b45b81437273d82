import type { App } from '@slack/bolt';
import { helpReply, usageReply } from '../../../../blocks/help';
import { commandText, commandWords } from '../../api/command-words';
import { ackBody } from '../slash-command';
import { COMMAND_LIST, HELP_DOC } from './command-list';

/** `/aws-help`: answered in the ack itself; nothing slow, no worker. */
export function registerAwsHelp(app: App): void {
  app.command(HELP_DOC.command, async ({ command, ack }) => {
    const words = commandWords(command.text);
    if (words.length > 0 && !(words.length === 1 && words[0] === 'help')) {
      await ack(
        ackBody(
          usageReply(`/aws-help takes no arguments (got "${commandText(command.text).trim()}").`, HELP_DOC),
        ),
      );
      return;
    }
    await ack(ackBody(helpReply(COMMAND_LIST)));
  });
}
