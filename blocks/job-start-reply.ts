import type { JobStart } from '../src/jobs/start-job';
import { type CommandDoc, usageReply } from './help';
import type { SlackReply } from './message';
import { noticeReply } from './notice';

/**
 * A slash command's ack once its job was handed on: the "working" line, the usage with what the worker refused,
 * or a try-again notice. Undefined for a Slack retry of a started request (an empty ack: nothing new to say).
 */
export function commandStartReply(start: JobStart, working: string, doc: CommandDoc): SlackReply | undefined {
  switch (start.status) {
    case 'started':
      return noticeReply('working', working);
    case 'duplicate':
      return undefined;
    case 'refused':
      return usageReply(start.sentence, doc);
    case 'failed':
      return noticeReply('problem', 'Could not start that just now.', 'Please try again in a minute.');
  }
}
