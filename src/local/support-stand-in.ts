import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseDetails, Communication } from '@aws-sdk/client-support';
import { LoopbackStandIn } from './http-server';

interface SupportError {
  status: number;
  code: string;
  message: string;
}

/**
 * AWS Support on loopback (JSON 1.1 protocol), for AWS_ENDPOINT_URL_SUPPORT. The calling account is read from
 * the access key the STS stand-in hands out (`ASIA<account>`). DescribeCases pages through `cases[account]`
 * (`pageSize` per page, `nextToken` = next index) and filters by `afterTime` and `includeResolvedCases` as
 * Support does (`language`, when given, keeps only the cases in that language; `caseIdList` only those cases);
 * DescribeCommunications pages through `communications[caseId]`. `failures` answers an error for an account,
 * `throttleFirst` throttles its first N calls.
 */
export class SupportStandIn extends LoopbackStandIn {
  constructor() {
    super('Support');
  }

  readonly cases = new Map<string, CaseDetails[]>();
  /** Communications per caseId, newest first (as DescribeCommunications answers them). */
  readonly communications = new Map<string, Communication[]>();
  readonly failures = new Map<string, SupportError>();
  readonly throttleFirst = new Map<string, number>();
  readonly requests: { account: string; body: Record<string, unknown> }[] = [];
  pageSize = 100;
  delayMs = 0;

  protected async handle(req: IncomingMessage, raw: string, res: ServerResponse): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const account = /Credential=ASIA(\d{12})\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    this.requests.push({ account, body });
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    const target = String(req.headers['x-amz-target'] ?? '');
    const throttles = this.throttleFirst.get(account) ?? 0;
    if (throttles > 0) {
      this.throttleFirst.set(account, throttles - 1);
      return fail(res, { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' });
    }
    const failure = this.failures.get(account);
    if (failure) return fail(res, failure);
    if (target === 'AWSSupport_20130415.DescribeCommunications') return this.communicationsPage(body, res);
    if (target !== 'AWSSupport_20130415.DescribeCases') {
      return fail(res, { status: 400, code: 'UnknownOperationException', message: target });
    }
    const after = typeof body.afterTime === 'string' ? Date.parse(body.afterTime) : 0;
    const ids = Array.isArray(body.caseIdList) ? (body.caseIdList as string[]) : undefined;
    const matching = (this.cases.get(account) ?? []).filter(
      (c) =>
        (ids === undefined || ids.includes(c.caseId ?? '')) &&
        Date.parse(c.timeCreated ?? '') >= after &&
        (body.includeResolvedCases === true || c.status !== 'resolved') &&
        (body.language === undefined || c.language === body.language),
    );
    const start = Number(body.nextToken ?? 0);
    const size = Math.min(this.pageSize, Number(body.maxResults ?? 100));
    const page = matching.slice(start, start + size);
    const next = start + size < matching.length ? String(start + size) : undefined;
    res.end(JSON.stringify({ cases: page, ...(next ? { nextToken: next } : {}) }));
  }

  /** One page of a case's communications (`maxResults`, `nextToken` = next index); an unknown case is an error. */
  private communicationsPage(body: Record<string, unknown>, res: ServerResponse): void {
    const all = this.communications.get(String(body.caseId));
    if (!all) {
      fail(res, { status: 400, code: 'CaseIdNotFound', message: `no case ${String(body.caseId)}` });
      return;
    }
    const start = Number(body.nextToken ?? 0);
    const size = Math.min(this.pageSize, Number(body.maxResults ?? 100));
    const next = start + size < all.length ? String(start + size) : undefined;
    res.end(
      JSON.stringify({
        communications: all.slice(start, start + size),
        ...(next ? { nextToken: next } : {}),
      }),
    );
  }
}

function fail(res: import('node:http').ServerResponse, error: SupportError): void {
  res.statusCode = error.status;
  res.setHeader('x-amzn-errortype', error.code);
  res.end(JSON.stringify({ __type: error.code, message: error.message }));
}

/** A support case as DescribeCases returns it. */
export function supportCase(
  account: string,
  n: number,
  fields: Partial<CaseDetails> & { timeCreated: string },
): CaseDetails {
  return {
    caseId: `case-${account}-2024-${String(n).padStart(6, '0')}`,
    displayId: String(1_700_000_000 + n),
    subject: `Case ${n}`,
    status: 'opened',
    severityCode: 'normal',
    serviceCode: 'amazon-elastic-compute-cloud-linux',
    categoryCode: 'other',
    submittedBy: 'ops@example.com',
    language: 'en',
    ...fields,
  };
}
