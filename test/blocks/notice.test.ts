import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { noticeReply } from '../../blocks/notice';

describe('noticeReply', () => {
  it.each([
    ['working', ':hourglass_flowing_sand:'],
    ['ok', ':white_check_mark:'],
    ['problem', ':warning:'],
  ] as const)('starts a %s notice with %s', (kind, icon) => {
    const reply = noticeReply(kind, 'Looking up the identity…');

    expect(JSON.stringify(reply.blocks)).toContain(`${icon} Looking up the identity…`);
    expect(reply.responseType).toBe('ephemeral');
  });

  it('puts the hint on its own line and into the fallback text', () => {
    const reply = noticeReply('problem', 'Cannot assume the role.', 'Deploy infra/member-read-role.yaml.');

    expect(reply.blocks[0]).toMatchObject({
      text: { text: ':warning: Cannot assume the role.\nDeploy infra/member-read-role.yaml.' },
    });
    expect(reply.text).toBe('Cannot assume the role. Deploy infra/member-read-role.yaml.');
  });

  it('can be posted to the whole channel', () => {
    expect(noticeReply('ok', 'done', undefined, 'in_channel').responseType).toBe('in_channel');
  });

  it('escapes injection attempts in both the blocks and the fallback text', () => {
    const reply = noticeReply('problem', '<!channel> & <https://evil|click>', '<@U0123ABCD>');

    expect(JSON.stringify(reply)).not.toMatch(/<!channel>|<https:|<@U/);
    expect(reply.text).toBe('&lt;!channel&gt; &amp; &lt;https://evil|click&gt; &lt;@U0123ABCD&gt;');
  });

  it('stays inside Slack limits with huge message and hint, without splitting an emoji', () => {
    // Prepare
    const message = '😀&<'.repeat(5000);

    // Act
    const reply = noticeReply('problem', message, message);

    // Assess
    expect(checkSlackLimits(reply)).toEqual([]);
    expect(reply.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
