import { describe, expect, it } from 'vitest';
import { commandText, commandWords } from '../../../src/slack/api/command-words';

describe('commandWords', () => {
  it("decodes Slack's escaping of & < > exactly once", () => {
    // Slack sends `a<b & c>` as `a&lt;b &amp; c&gt;`, and a typed `&lt;` as `&amp;lt;`.
    expect(commandWords('a&lt;b &amp; c&gt; &amp;lt;')).toEqual(['a<b', '&', 'c>', '&lt;']);
  });

  it.each([
    ['zero-width space', 'stg\u200b-data'],
    ['zero-width joiner and non-joiner', 'stg\u200c-\u200ddata'],
    ['word joiner and byte order mark', '\u2060stg-data\ufeff'],
    ['right-to-left override', '\u202estg-data\u202c'],
    ['bidi isolates and marks', '\u2067stg\u200f-data\u2069\u200e'],
    ['soft hyphen', 'stg-\u00addata'],
    ['variation selector', 'stg-data\ufe0f\u{e0100}'],
    ['control character', 'stg-\u0007data\u001b'],
  ])('drops a %s before parsing', (_label, typed) => {
    expect(commandWords(`info ${typed}`)).toEqual(['info', 'stg-data']);
  });

  it('splits on any white space, including no-break spaces, and keeps quoted words together', () => {
    expect(commandWords(' a\u00a0b\tc  “d e” "f g" ')).toEqual(['a', 'b', 'c', 'd e', 'f g']);
  });

  it('returns no words for empty or invisible-only text', () => {
    expect(commandWords('')).toEqual([]);
    expect(commandWords(' \u200b \u202e ')).toEqual([]);
  });

  it('keeps visible non-Latin text as typed', () => {
    expect(commandText('données 数据 😀')).toBe('données 数据 😀');
  });

  it.each([
    ['an emoji with its presentation selector in an S3 key', 'reports/❤️.csv'],
    ['a family emoji joined with ZWJ', 'team-👨‍👩‍👧/'],
    ['a subdivision flag made of tags', 'flags/🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}.csv'],
    ['a keycap', 'step-1️⃣.csv'],
    ['a skin-toned emoji sequence', 'ops/🧑🏽‍💻/data.csv'],
    ['a Persian word with its zero-width non-joiner', 'گزارش/می\u200cخواهم.csv'],
    ['a Devanagari conjunct with ZWJ', 'डेटा/क्\u200dष.csv'],
  ])('keeps %s as typed (the key must still be found)', (_label, key) => {
    expect(commandWords(`convert stg-data ${key}`)).toEqual(['convert', 'stg-data', key]);
  });
});
