import { describe, expect, it } from 'vitest';
import { boundedKey, KEY_LIMIT_BYTES, partitionKey, sortKey } from '../../src/store/state-key';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('state keys within DynamoDB limits (counted in UTF-8 bytes)', () => {
  it('leaves a key of exactly the limit as it is, so records written before the change are found', () => {
    const ascii = `health#${'x'.repeat(KEY_LIMIT_BYTES.partition - 7)}`;
    const multibyte = `q#${'事'.repeat(340)}`; // 2 + 1,020 bytes

    expect(partitionKey(ascii)).toBe(ascii);
    expect(sortKey(multibyte)).toBe(multibyte);
    expect(partitionKey('catalog-alert#arn:aws:cloudformation:eu-west-1:1:stack/s/1#ROLLBACK_COMPLETE')).toBe(
      'catalog-alert#arn:aws:cloudformation:eu-west-1:1:stack/s/1#ROLLBACK_COMPLETE',
    );
  });

  it('shortens a key one byte over, counting bytes not characters, stably and idempotently', () => {
    const over = `q#${'事'.repeat(341)}`; // 343 characters, 1,025 bytes

    const short = sortKey(over);

    expect(short).not.toBe(over);
    expect(bytes(short)).toBeLessThanOrEqual(KEY_LIMIT_BYTES.sort);
    expect(short).toMatch(/^q#事+#sha256=[0-9a-f]{64}$/);
    expect(sortKey(over)).toBe(short);
    expect(sortKey(short)).toBe(short);
    expect(boundedKey(`${over}!`, KEY_LIMIT_BYTES.sort)).not.toBe(short);
  });

  it('never splits a surrogate pair in the kept prefix', () => {
    const short = partitionKey('😀'.repeat(600));

    expect(short.startsWith('😀'.repeat(64))).toBe(true);
    expect(short).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
