import { checkSlackLimits } from '../../blocks/check-limits';
import type { RecordedCall } from '../support/slack-stand-in';
import { USERS } from './command-inputs';

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);

/** Every limit broken and every live mention in one message (or modal). */
export function messageProblems(message: unknown, kind: 'message' | 'modal' = 'message'): string[] {
  const body = message as Record<string, unknown>;
  // A response_url post that only deletes or is a bare ack carries no text to check.
  if (kind === 'message' && body.delete_original === true) return [];
  return [
    ...checkSlackLimits(message, kind),
    ...liveConstructs(message).map((construct) => `live mention or link <${construct.slice(0, 60)}>`),
  ];
}

/** Mentions and links the bot puts there itself: the people of the fuzz config, the configured team, AWS consoles. */
const OWN = [
  ...Object.values(USERS).map((id) => `@${id}`),
  '!subteam^S0PAYTEAM1',
  '!date^',
  'https://health.aws.amazon.com/',
];
const AWS_LINK = /^https?:\/\/([a-z0-9-]+\.)*(console\.aws\.amazon\.com|amazonaws\.com(\.cn)?)[/|]/;

/** Texts Slack parses for mentions and links: mrkdwn objects and the fallback `text` (never plain_text). */
function mrkdwnTexts(message: unknown): string[] {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node.text === 'string' && node.type !== 'plain_text') texts.push(node.text);
    for (const [key, inner] of Object.entries(node))
      if (key !== 'text' || typeof inner !== 'string') walk(inner);
  };
  walk(message);
  return texts;
}

/**
 * Angle-bracket constructs Slack would act on that the bot did not put there (any `<` inside one means user
 * text got into a link or label unescaped).
 */
export function liveConstructs(message: unknown): string[] {
  return mrkdwnTexts(message).flatMap((text) =>
    [...text.matchAll(/<([^>]*)>/g)]
      .map((match) => match[1] ?? '')
      .filter(
        (inner) => inner.includes('<') || !(OWN.some((own) => inner.startsWith(own)) || AWS_LINK.test(inner)),
      ),
  );
}

/** Problems in the messages and modals the bot sent to Slack in `calls`. */
export function slackCallProblems(calls: readonly RecordedCall[]): string[] {
  return calls.flatMap((call) => {
    if (MESSAGE_METHODS.has(call.method)) return messageProblems(call.body).map((p) => `${call.method} ${p}`);
    if (call.method === 'views.open' || call.method === 'views.update')
      return messageProblems(call.body.view, 'modal').map((p) => `${call.method} ${p}`);
    return [];
  });
}

/** The bot said it started work (the ":hourglass_flowing_sand:" working line). */
export function saysWorking(message: unknown): boolean {
  return JSON.stringify(message ?? '').includes(':hourglass_flowing_sand:');
}
