/**
 * Bundled in place of `iconv-lite` (≈480 KB of code pages), which express's body parsers only use to decode
 * request bodies. Slack sends UTF-8 (form-encoded or JSON); Node's own TextDecoder covers that and every
 * other WHATWG encoding. An encoding Node does not know is refused as iconv-lite would refuse it.
 */
import { StringDecoder } from 'node:string_decoder';

function checked(encoding: string): string {
  const label = encoding.toLowerCase();
  try {
    new TextDecoder(label);
  } catch {
    throw new Error(`Encoding not recognized: '${encoding}'`);
  }
  return label;
}

export function encodingExists(encoding: string): boolean {
  try {
    checked(encoding);
    return true;
  } catch {
    return false;
  }
}

export function decode(buffer: Uint8Array, encoding: string): string {
  return new TextDecoder(checked(encoding)).decode(buffer);
}

/** Node can only encode to its own Buffer encodings; anything else is refused rather than written as UTF-8. */
export function encode(text: string, encoding: string): Buffer {
  const label = checked(encoding);
  if (!Buffer.isEncoding(label)) throw new Error(`Encoding not supported for encoding: '${encoding}'`);
  return Buffer.from(text, label);
}

export function getDecoder(encoding: string): { write(chunk: Buffer): string; end(): string | undefined } {
  const label = checked(encoding);
  if (Buffer.isEncoding(label)) return new StringDecoder(label as BufferEncoding);
  const decoder = new TextDecoder(label);
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}
