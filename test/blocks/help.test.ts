import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { type CommandDoc, commandUsageText, helpReply, usageReply } from '../../blocks/help';
import { escapeMrkdwn } from '../../blocks/mrkdwn';
import { COMMAND_LIST } from '../../src/slack/app/commands/command-list';
import { WHOAMI_DOC } from '../../src/whoami/command-doc';

describe('helpReply', () => {
  it('lists every command of the catalog with its usage, as an ephemeral reply inside Slack limits', () => {
    // Act
    const reply = helpReply(COMMAND_LIST);

    // Assess
    expect(reply.responseType).toBe('ephemeral');
    for (const doc of COMMAND_LIST) {
      expect(reply.text).toContain(doc.command);
      expect(JSON.stringify(reply.blocks)).toContain(escapeMrkdwn(doc.usage[0] ?? ''));
    }
    expect(checkSlackLimits(reply)).toEqual([]);
  });
});

describe('commandUsageText', () => {
  it('shows usage lines as code and examples after "e.g."', () => {
    const text = commandUsageText(WHOAMI_DOC);

    expect(text).toContain('• `/aws-whoami &lt;account id or name&gt;`');
    expect(text).toContain('_e.g._ `/aws-whoami`  `/aws-whoami prod-payments`');
  });

  it('omits the examples line for a command without examples', () => {
    const doc: CommandDoc = { command: '/aws-x', summary: 's', usage: ['/aws-x'], examples: [] };

    expect(commandUsageText(doc)).not.toContain('e.g.');
  });
});

describe('usageReply', () => {
  it('says what was wrong, then how to use the command', () => {
    const reply = usageReply('Unknown argument "foo".', WHOAMI_DOC);

    expect(reply.responseType).toBe('ephemeral');
    expect(reply.blocks).toHaveLength(2);
    expect(JSON.stringify(reply.blocks[0])).toContain('Unknown argument \\"foo\\".');
    expect(reply.text).toContain('Usage: /aws-whoami | /aws-whoami &lt;account id or name&gt;');
  });

  it('keeps a hostile, huge problem text inert and inside Slack limits', () => {
    // Prepare: what a person typed is echoed back in the problem
    const problem = `Unknown account "${'<!channel> <https://evil|x> &amp; '.repeat(400)}"`;

    // Act
    const reply = usageReply(problem, WHOAMI_DOC);

    // Assess
    expect(checkSlackLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
    expect(reply.text).not.toContain('<https://evil');
  });
});
