import { describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../blocks/mrkdwn';
import {
  cutForEscaping,
  cutMrkdwn,
  escapeAndTruncate,
  inlineCodeWithin,
  joinLinesWithin,
  limitItems,
  moreText,
  truncateText,
} from '../../blocks/truncate';

const isLoneSurrogate = (text: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('truncateText', () => {
  it('returns text of exactly the limit unchanged', () => {
    expect(truncateText('abcde', 5)).toBe('abcde');
  });

  it('cuts text one over the limit to exactly the limit, ending with …', () => {
    const cut = truncateText('abcdef', 5);

    expect(cut).toBe('abcd…');
    expect(cut).toHaveLength(5);
  });

  it('never splits a surrogate pair (emoji) at the cut', () => {
    // Prepare: the emoji would straddle the cut at 4 code units
    const text = 'abc😀def';

    // Act
    const cut = truncateText(text, 5);

    // Assess
    expect(cut).toBe('abc…');
    expect(isLoneSurrogate(cut)).toBe(false);
  });

  it('keeps a whole emoji when it ends exactly at the budget', () => {
    expect(truncateText('ab😀cdef', 5)).toBe('ab😀…');
  });
});

describe('escapeAndTruncate', () => {
  it('escapes without cutting when the escaped text fits exactly', () => {
    expect(escapeAndTruncate('a&b', 7)).toBe('a&amp;b');
  });

  it('never splits an entity: drops the whole &amp; rather than leaving &am', () => {
    // Prepare: budget 5 - 1 (…) = 4 fits "a" plus nothing of "&amp;"
    const cut = escapeAndTruncate('a&bcdef', 5);

    // Assess
    expect(cut).toBe('a…');
    expect(cut).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('keeps an injection attempt inert and inside the limit even when cut', () => {
    const raw = '<!channel> '.repeat(500);

    const cut = escapeAndTruncate(raw, 100);

    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).not.toMatch(/[<>]/);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('appends a custom suffix (already mrkdwn) when cut', () => {
    const cut = escapeAndTruncate('x'.repeat(50), 20, ' _(cut)_');

    expect(cut).toBe(`${'x'.repeat(12)} _(cut)_`);
  });

  it('never splits a surrogate pair', () => {
    const cut = escapeAndTruncate('😀'.repeat(10), 6);

    expect(cut).toBe('😀😀…');
    expect(isLoneSurrogate(cut)).toBe(false);
  });
});

describe('cutForEscaping', () => {
  it('keeps raw text whose escaped form fits, and cuts the rest so its escaped form stays within max', () => {
    const cut = cutForEscaping('<'.repeat(3000), 200);

    expect(cutForEscaping('a < b', 9)).toBe('a < b');
    expect(cut.endsWith('…')).toBe(true);
    expect(escapeMrkdwn(cut).length).toBeLessThanOrEqual(200);
    expect(escapeMrkdwn(cut).length).toBeGreaterThan(195);
  });
});

describe('limitItems', () => {
  it('keeps all items when they fit exactly', () => {
    expect(limitItems([1, 2, 3], 3, (n) => -n)).toEqual([1, 2, 3]);
  });

  it('keeps max - 1 items and one "more" item counting the rest', () => {
    const items = Array.from({ length: 60 }, (_, i) => `item ${i}`);

    const kept = limitItems(items, 50, (hidden) => moreText(hidden));

    expect(kept).toHaveLength(50);
    expect(kept[48]).toBe('item 48');
    expect(kept[49]).toBe('…and 11 more');
  });
});

describe('moreText', () => {
  it('says how many were left out, with an optional noun', () => {
    expect(moreText(3)).toBe('…and 3 more');
    expect(moreText(3, 'accounts')).toBe('…and 3 more accounts');
  });
});

describe('joinLinesWithin', () => {
  it('keeps at most maxLines lines and counts every line left out, even when the rest would fit', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `• line ${i + 1}`);

    const text = joinLinesWithin(lines, 3000, 'resources', 15);

    expect(text.split('\n')).toHaveLength(16);
    expect(text.endsWith('…and 5 more resources')).toBe(true);
  });

  it('joins every line when the whole text fits exactly', () => {
    expect(joinLinesWithin(['a', 'b'], 3)).toBe('a\nb');
  });

  it('keeps whole lines and counts the hidden ones as "…and N more"', () => {
    // Prepare
    const lines = Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')}`);

    // Act
    const text = joinLinesWithin(lines, 200, 'cases');

    // Assess
    expect(text.length).toBeLessThanOrEqual(200);
    const out = text.split('\n');
    const shown = out.slice(0, -1);
    expect(shown.every((line, i) => line === lines[i])).toBe(true);
    expect(out.at(-1)).toBe(`…and ${100 - shown.length} more cases`);
  });

  it('uses the space up to the limit: one more line would not fit', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `l${String(i).padStart(2, '0')}`);

    const text = joinLinesWithin(lines, 60);

    const shown = text.split('\n').length - 1;
    const withOneMore = [...lines.slice(0, shown + 1), moreText(30 - shown - 1)].join('\n');
    expect(withOneMore.length).toBeGreaterThan(60);
  });

  it('cuts a single over-long first line outside an entity and still counts the others', () => {
    const lines = [`${'x'.repeat(20)}&amp;${'y'.repeat(50)}`, 'second'];

    const text = joinLinesWithin(lines, 36);

    expect(text.length).toBeLessThanOrEqual(36);
    expect(text).toBe(`${'x'.repeat(20)}…\n…and 1 more`);
  });

  it('stays inside a limit smaller than the "more" line itself', () => {
    const text = joinLinesWithin(['x'.repeat(50), 'y'], 8);

    expect(text.length).toBeLessThanOrEqual(8);
  });
});

describe('cutMrkdwn', () => {
  it('does not leave a link token open', () => {
    const cut = cutMrkdwn('see <https://example.com/very/long/path|the console> now', 20);

    expect(cut).toBe('see …');
  });

  it('keeps a complete link before the cut', () => {
    const cut = cutMrkdwn('<https://a.b|x> and more text here', 20);

    expect(cut).toBe('<https://a.b|x> and…');
  });
});

describe('inlineCodeWithin', () => {
  it('keeps the code span, backticks included, inside the limit with hostile input', () => {
    const code = inlineCodeWithin('`<!channel>&'.repeat(1000), 100);

    expect(code.length).toBeLessThanOrEqual(100);
    expect(code.startsWith('`') && code.endsWith('`')).toBe(true);
    expect(code.slice(1, -1)).not.toMatch(/[`<>]/);
  });
});
