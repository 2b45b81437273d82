import { usageReply } from '../../blocks/help';
import type { SlackReply } from '../../blocks/message';
import type { ReplyTarget } from '../slack/api/reply-target';
import { HEALTH_DOC } from './command-doc';
import type { HealthShowJob } from './health-jobs';
import { parseHealthArgs } from './parse-health-args';

export type HealthCommandPlan =
  | { type: 'reply'; reply: SlackReply }
  | { type: 'job'; job: HealthShowJob; working: string };

/**
 * `/aws-health [mutes | <event ARN or id>]`: the usage at once, or the job the worker answers from the state table.
 * `canUnmute` is asked only for `mutes` (it may cost a user-group look-up).
 */
export async function planHealthCommand(
  input: { text: string; triggerId: string; reply: ReplyTarget },
  canUnmute: () => Promise<boolean>,
): Promise<HealthCommandPlan> {
  const args = parseHealthArgs(input.text);
  if (!args.ok) return { type: 'reply', reply: usageReply(args.problem, HEALTH_DOC) };
  return {
    type: 'job',
    job: {
      kind: 'health.show',
      id: input.triggerId,
      reply: input.reply,
      query: args.query,
      canUnmute: args.query.what === 'mutes' && (await canUnmute()),
    },
    working: 'Looking at AWS Health…',
  };
}
