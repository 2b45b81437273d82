import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { supportCaseMessage, supportCaseReply } from '../../blocks/support-case-message';

const view = {
  accountId: '222222222222',
  accountName: '<prod & payments>',
  caseId: 'case-222222222222-muen-2022-7118885805350839',
  displayId: '1234563851',
  subject: `<!channel> ${'&'.repeat(500)}`,
  severity: 'urgent',
  status: 'opened',
  submittedBy: 'carol@example.com',
  consoleUrl:
    'https://us-east-1.console.aws.amazon.com/support/home?region=us-east-1#/case/?displayId=1234563851',
  lastEvent: 'CreateCase',
  lastEventAt: '2022-02-21T15:51:19Z',
};

describe('supportCaseMessage', () => {
  it('shows subject, severity, status, account, who, a Details button and the console link, escaped and in limits', () => {
    const message = supportCaseMessage(view);

    const text = JSON.stringify(message.blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;prod &amp; payments&gt; (222222222222)');
    expect(text).toContain('"value":"222222222222:case-222222222222-muen-2022-7118885805350839"');
    expect(text).toContain(view.consoleUrl);
    expect(text).toContain('carol@example.com');
    expect(text).toContain('Last: opened');
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('says why when the case could not be read', () => {
    const message = supportCaseMessage({
      ...view,
      subject: undefined,
      readProblem: 'case not readable (AccessDenied)',
    });

    expect(JSON.stringify(message.blocks)).toContain('(subject not readable)');
    expect(JSON.stringify(message.blocks)).toContain(':warning: case not readable (AccessDenied)');
  });

  it('threads correspondence with who and the first lines, quoted and escaped', () => {
    const reply = supportCaseReply({
      eventName: 'AddCommunicationToCase',
      who: 'AWS',
      excerpt: 'line <1>\nline 2',
    });

    expect(reply.blocks[0]).toMatchObject({
      text: { text: '*new correspondence* by AWS\n>line &lt;1&gt;\n>line 2' },
    });
    expect(checkSlackLimits(reply)).toEqual([]);
  });

  it('escapes AWS strings in the text fallbacks and cuts them after escaping', () => {
    const message = supportCaseMessage(view);
    const reply = supportCaseReply({ eventName: 'AddCommunicationToCase', who: '<!here> & co', excerpt: '' });

    expect(message.text).not.toContain('<!channel>');
    expect(message.text).toContain('&lt;prod &amp; payments&gt;');
    expect(message.text.length).toBeLessThanOrEqual(500);
    expect(message.text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(reply.text).toBe('new correspondence by &lt;!here&gt; &amp; co');
  });
});
