import type { App } from '@slack/bolt';
import { helpReply, usageReply } from '../../../blocks/help';
import { COMMAND_CATALOG, HELP_DOC } from '../command-catalog';
import { commandText, commandWords } from '../command-words';
import { ackBody } from '../slash-command';

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
    await ack(ackBody(helpReply(COMMAND_CATALOG)));
  });
}
