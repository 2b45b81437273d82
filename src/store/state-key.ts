import { createHash } from 'node:crypto';

/** DynamoDB's key limits, in UTF-8 bytes. */
export const KEY_LIMIT_BYTES = { partition: 2048, sort: 1024 } as const;
/** What a shortened key keeps of the original, so it stays readable and prefix queries on it still work. */
const KEPT_PREFIX_BYTES = 256;

/**
 * A key DynamoDB accepts, the same for the same input: a key within `maxBytes` is returned as is (so existing
 * records are found again, and shortening twice changes nothing); a longer one (a hostile eventID, StackId or
 * client request token in it) becomes its first 256 bytes + `#sha256=` + the SHA-256 of the whole key.
 */
export function boundedKey(key: string, maxBytes: number): string {
  if (Buffer.byteLength(key, 'utf8') <= maxBytes) return key;
  let prefix = '';
  let bytes = 0;
  for (const char of key) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > KEPT_PREFIX_BYTES) break;
    prefix += char;
    bytes += size;
  }
  return `${prefix}#sha256=${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

export const partitionKey = (key: string): string => boundedKey(key, KEY_LIMIT_BYTES.partition);
export const sortKey = (key: string): string => boundedKey(key, KEY_LIMIT_BYTES.sort);
