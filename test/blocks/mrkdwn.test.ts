import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, inlineCode, mentionUser, mrkdwnLink, slackDate } from '../../blocks/mrkdwn';

describe('escapeMrkdwn', () => {
  it.each([
    ['a broadcast mention', '<!channel>', '&lt;!channel&gt;'],
    ['a user mention', '<@U0123ABCD>', '&lt;@U0123ABCD&gt;'],
    ['a disguised link', '<https://evil.example|click me>', '&lt;https://evil.example|click me&gt;'],
    ['an entity that is already escaped', '&amp;', '&amp;amp;'],
    ['a bare ampersand', 'R&D', 'R&amp;D'],
    ['a date token', '<!date^0^{date}|x>', '&lt;!date^0^{date}|x&gt;'],
  ])('neutralises %s', (_label, raw, expected) => {
    // Prepare / Act
    const escaped = escapeMrkdwn(raw);

    // Assess
    expect(escaped).toBe(expected);
    expect(escaped).not.toMatch(/[<>]/);
  });

  it('leaves text without &, < or > unchanged, including *bold* and emoji', () => {
    const text = '*prod* _staging_ ~old~ `code` :rocket: 🚀';

    expect(escapeMrkdwn(text)).toBe(text);
  });
});

describe('mrkdwnLink', () => {
  it('escapes the label and replaces a pipe so the label cannot start a second link part', () => {
    const link = mrkdwnLink('https://console.aws.amazon.com/', 'a|b <!here> & c');

    expect(link).toBe('<https://console.aws.amazon.com/|a¦b &lt;!here&gt; &amp; c>');
  });

  it('percent-encodes characters that would close or split the link', () => {
    const link = mrkdwnLink('https://x.example/a b>c|d<e', 'label');

    expect(link).toBe('<https://x.example/a%20b%3Ec%7Cd%3Ce|label>');
  });
});

describe('inlineCode', () => {
  it('escapes and swaps backticks so the code span cannot be closed early', () => {
    const code = inlineCode('a`b <!channel>');

    expect(code).toBe('`aˋb &lt;!channel&gt;`');
    expect(code.slice(1, -1)).not.toContain('`');
  });
});

describe('slackDate', () => {
  it('renders a date token with epoch seconds and a UTC fallback', () => {
    const date = new Date('2024-05-06T07:08:09.999Z');

    expect(slackDate(date)).toBe('<!date^1714979289^{date_short_pretty} {time}|2024-05-06 07:08 UTC>');
  });
});

describe('mentionUser', () => {
  it('mentions a real Slack user id', () => {
    expect(mentionUser('U0123ABCD')).toBe('<@U0123ABCD>');
  });

  it('escapes anything that is not a user id instead of building a mention', () => {
    expect(mentionUser('!channel>')).toBe('!channel&gt;');
    expect(mentionUser('<!here>')).toBe('&lt;!here&gt;');
  });
});
