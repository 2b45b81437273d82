import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The account and region a request was signed for: the STS stand-in's assumed-role keys are `ASIA<account>`,
 * the region is the SigV4 credential scope's.
 */
export function signedBy(req: IncomingMessage): { account: string; region: string } {
  const scope = /Credential=(\w+)\/\d{8}\/([\w-]+)\//.exec(String(req.headers.authorization ?? ''));
  return { account: /^ASIA(\d{12})$/.exec(scope?.[1] ?? '')?.[1] ?? '', region: scope?.[2] ?? '' };
}

/** A call a stand-in received: the operation, and the account and region it was signed for. */
export interface SignedCall {
  operation: string;
  account: string;
  region: string;
}

/** The account a stand-in answers as (see `signedBy`). */
export function callingAccount(req: IncomingMessage): string {
  return signedBy(req).account;
}

export function xmlEscape(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `{ a: 1, b: [{ c: 2 }] }` as `<a>1</a><b><member><c>2</c></member></b>` (`item` for EC2's lists). */
export function toXml(value: object, listItem = 'member'): string {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => {
      if (Array.isArray(v))
        return `<${key}>${v.map((x) => `<${listItem}>${element(x, listItem)}</${listItem}>`).join('')}</${key}>`;
      return `<${key}>${element(v, listItem)}</${key}>`;
    })
    .join('');
}

function element(value: unknown, listItem: string): string {
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return toXml(value, listItem);
  return xmlEscape(value);
}

/** An AWS query-protocol error (STS, EC2, CloudFormation style). */
export function queryError(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/xml');
  res.end(
    `<ErrorResponse><Error><Type>Sender</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  );
}

/** The numbered members of a query-protocol list: `ResourceId.1`, `ResourceId.2`, … */
export function queryList(form: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let n = 1; form.has(`${prefix}.${n}`); n += 1) values.push(form.get(`${prefix}.${n}`) ?? '');
  return values;
}
