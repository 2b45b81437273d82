import { describe, expect, it, vi } from 'vitest';
import { awsHelpCommand } from '../../../../src/slack/app/commands/aws-help';
import { callListener } from '../../../support/listener-fakes';
import { slashCommandPayload } from '../../../support/slack-payloads';

async function help(text: string) {
  const ack = vi.fn(async (_body?: unknown) => undefined);
  await callListener(awsHelpCommand, {
    command: slashCommandPayload({ command: '/aws-help', text, triggerId: 'help-1' }),
    ack,
  });
  return ack;
}

describe('/aws-help listener', () => {
  it.each(['', 'help', '  help  '])(
    'answers "%s" in the ack with every command, only to the person',
    async (text) => {
      const ack = await help(text);

      expect(ack).toHaveBeenCalledTimes(1);
      const body = ack.mock.calls[0]?.[0] as { response_type: string; text: string };
      expect(body.response_type).toBe('ephemeral');
      for (const command of ['/aws-help', '/aws-whoami', '/aws-cases', '/aws-bucket']) {
        expect(body.text).toContain(command);
      }
    },
  );

  it('answers arguments with what was wrong and the usage', async () => {
    const ack = await help('cases please');

    expect(ack).toHaveBeenCalledTimes(1);
    expect(ack.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(
        /^\/aws-help takes no arguments \(got "cases please"\)\. Usage: \/aws-help/,
      ),
    });
  });
});
