import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { xmlEscape } from './aws-wire';

/** The namespace of S3's REST-XML documents. */
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** The payload of a request, with SigV4 streaming (`aws-chunked`) framing removed when the SDK used it. */
export function decodedBody(req: IncomingMessage, raw: Buffer): Buffer {
  const chunked =
    String(req.headers['content-encoding'] ?? '').includes('aws-chunked') ||
    String(req.headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
  if (!chunked) return raw;
  const pieces: Buffer[] = [];
  let at = 0;
  while (at < raw.length) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!size) break;
    pieces.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(pieces);
}

export function noSuchUpload(res: ServerResponse, req: IncomingMessage): void {
  s3Error(res, 404, 'NoSuchUpload', 'The specified multipart upload does not exist.', req);
}

/** S3's REST error: the status, and `<Error><Code>…</Code><Message>…</Message></Error>` (no body for HEAD). */
export function s3Error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  req: IncomingMessage,
): void {
  res.statusCode = status;
  if (req.method === 'HEAD') return void res.end();
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message><RequestId>stand-in</RequestId></Error>`,
  );
}
