import { describe, expect, it } from 'vitest';
import { cleanTagValue, isValidTagValue } from '../../src/autotag/tag-values';

describe('cleanTagValue', () => {
  it.each([
    ['alice@example.com via SSO Admin', 'alice@example.com via SSO Admin'],
    ['<!channel> & (x)', '__channel_ _ _x_'],
    ['  tabs\tand\nnewlines  ', 'tabs and newlines'],
    ['', 'unknown'],
    ['über-größe 東京', 'über-größe 東京'],
  ])('%j → %j', (raw, cleaned) => {
    expect(cleanTagValue(raw)).toBe(cleaned);
  });

  it('cuts a 300-character value to 256 characters ending in ... and keeps it valid', () => {
    const value = cleanTagValue(`${'😀'.repeat(10)}${'a'.repeat(290)}`);

    expect(Array.from(value)).toHaveLength(256);
    expect(value.endsWith('...')).toBe(true);
    expect(value.startsWith('__________aaa')).toBe(true); // emoji are not tag characters
    expect(isValidTagValue(value)).toBe(true);
  });
});
