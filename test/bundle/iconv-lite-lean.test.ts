import { describe, expect, it } from 'vitest';
import { decode, encode, encodingExists, getDecoder } from '../../src/bundle/iconv-lite-lean';

describe('iconv-lite-lean (stand-in for iconv-lite in bundles)', () => {
  it.each(['utf-8', 'UTF-8', 'utf8', 'latin1', 'iso-8859-1', 'windows-1252', 'utf-16le'])(
    'knows %s',
    (encoding) => {
      expect(encodingExists(encoding)).toBe(true);
    },
  );

  it('refuses an unknown encoding as iconv-lite does', () => {
    expect(encodingExists('klingon')).toBe(false);
    expect(() => decode(Buffer.from('x'), 'klingon')).toThrow("Encoding not recognized: 'klingon'");
    expect(() => getDecoder('klingon')).toThrow("Encoding not recognized: 'klingon'");
  });

  it('decodes a UTF-8 Slack body', () => {
    expect(decode(Buffer.from('text=h%C3%A9 &x=😀', 'utf8'), 'utf-8')).toBe('text=h%C3%A9 &x=😀');
  });

  it('decodes a multi-byte character split across stream chunks', () => {
    // Prepare: "é😀" split inside both characters
    const bytes = Buffer.from('é😀', 'utf8');
    const decoder = getDecoder('utf-8');

    // Act
    const text =
      decoder.write(bytes.subarray(0, 1)) +
      decoder.write(bytes.subarray(1, 4)) +
      decoder.write(bytes.subarray(4)) +
      (decoder.end() ?? '');

    // Assess
    expect(text).toBe('é😀');
  });

  it('decodes latin1 the same whole or streamed', () => {
    const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x80]);

    const whole = decode(bytes, 'latin1');
    const decoder = getDecoder('latin1');
    const streamed = decoder.write(bytes) + (decoder.end() ?? '');

    expect(streamed).toBe(whole);
    expect(whole.startsWith('café')).toBe(true);
  });

  it('encodes UTF-8 text to bytes', () => {
    expect(encode('é', 'utf-8')).toEqual(Buffer.from([0xc3, 0xa9]));
  });

  it('refuses to encode to a known encoding it cannot produce, instead of silently writing UTF-8', () => {
    expect(() => encode('é', 'windows-1252')).toThrow(/windows-1252/);
  });
});
