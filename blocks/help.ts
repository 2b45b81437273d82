import type { KnownBlock } from '@slack/types';
import { mrkdwnText, plainText, type SlackReply } from './message';
import { escapeMrkdwn, inlineCode } from './mrkdwn';
import { escapeAndTruncate } from './truncate';

/** How a slash command is used; the one source for `/aws-help` and for every usage reply. */
export interface CommandDoc {
  command: string;
  summary: string;
  usage: readonly string[];
  examples: readonly string[];
}

export function commandUsageText(doc: CommandDoc): string {
  const usage = doc.usage.map((line) => `• ${inlineCode(line)}`).join('\n');
  const examples = doc.examples.map((line) => inlineCode(line)).join('  ');
  return `*${escapeMrkdwn(doc.command)}* — ${escapeMrkdwn(doc.summary)}\n${usage}${examples ? `\n_e.g._ ${examples}` : ''}`;
}

/** `/aws-help`: every command with its usage and examples. */
export function helpReply(commands: readonly CommandDoc[]): SlackReply {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText('aws-chatops commands') },
    ...commands.map((doc): KnownBlock => ({ type: 'section', text: mrkdwnText(commandUsageText(doc)) })),
    {
      type: 'context',
      elements: [
        mrkdwnText(
          'Replies only you can see unless a command says `public`. Notices arrive in their channels.',
        ),
      ],
    },
  ];
  const text = ['aws-chatops commands:', ...commands.map((doc) => `${doc.command} — ${doc.summary}`)].join(
    '\n',
  );
  return { responseType: 'ephemeral', text, blocks };
}

/** The reply to a command used wrongly: what was wrong, then how to use it. */
export function usageReply(problem: string, doc: CommandDoc): SlackReply {
  return {
    responseType: 'ephemeral',
    text: escapeAndTruncate(`${problem} Usage: ${doc.usage.join(' | ')}`, 3000),
    blocks: [
      { type: 'section', text: mrkdwnText(`:warning: ${escapeAndTruncate(problem, 1000)}`) },
      { type: 'section', text: mrkdwnText(commandUsageText(doc)) },
    ],
  };
}
