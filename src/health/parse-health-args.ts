import { commandWords } from '../slack/api/command-words';

export type HealthQuery =
  | { what: 'open' }
  | { what: 'mutes' }
  | { what: 'event'; eventArn?: string; eventId?: string };

const EVENT_ARN = /^arn:aws[\w-]*:health:[\w-]*::event\/\S{1,900}$/;
/** The last part of an event ARN: `AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae-…`. */
const EVENT_ID = /^[\w.:-]{3,300}$/;

/** `/aws-health`, `/aws-health mutes`, `/aws-health <event ARN or id>`. */
export function parseHealthArgs(
  text: string,
): { ok: true; query: HealthQuery } | { ok: false; problem: string } {
  const words = commandWords(text);
  const [word, ...rest] = words;
  if (word === undefined) return { ok: true, query: { what: 'open' } };
  if (rest.length > 0) return { ok: false, problem: 'Give one thing: mutes, or an event ARN or id.' };
  if (word.toLowerCase() === 'mutes') return { ok: true, query: { what: 'mutes' } };
  if (EVENT_ARN.test(word)) return { ok: true, query: { what: 'event', eventArn: word } };
  if (EVENT_ID.test(word)) return { ok: true, query: { what: 'event', eventId: word } };
  return { ok: false, problem: 'That is not "mutes" nor an AWS Health event ARN or id.' };
}
