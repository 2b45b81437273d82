import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import { commandWords } from '../slack/api/command-words';
import type { ReplyTarget } from '../slack/api/reply-target';
import { OWNER_DOC } from './owner-command-doc';
import { type AutotagOwnerJob, parseOwnerArgs } from './owner-job';

export type OwnerCommandPlan =
  | { type: 'reply'; reply: SlackReply }
  | { type: 'job'; job: AutotagOwnerJob; working: string };

/** `/aws-owner <ARN | instance id | bucket name>`: the usage, or the tag look-up's job. */
export function planOwnerCommand(input: {
  text: string;
  triggerId: string;
  reply: ReplyTarget;
}): OwnerCommandPlan {
  const args = parseOwnerArgs(commandWords(input.text));
  if (!args.ok) return { type: 'reply', reply: usageReply(args.problem, OWNER_DOC) };
  return {
    type: 'job',
    job: { kind: 'autotag-owner', id: input.triggerId, reply: input.reply, target: args.target },
    working: 'Looking up who created it…',
  };
}
