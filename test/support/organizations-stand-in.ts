import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';

/**
 * AWS Organizations on loopback (JSON 1.1 protocol, `X-Amz-Target: AWSOrganizationsV20161128.<Action>`), for
 * AWS_ENDPOINT_URL_ORGANIZATIONS. ListAccounts answers `accountIds` two per page (to exercise NextToken);
 * DescribeAccount answers for those ids and AccountNotFoundException otherwise.
 */
export class OrganizationsStandIn extends LoopbackStandIn {
  readonly calls: string[] = [];

  constructor(public accountIds: string[] = []) {
    super('Organizations');
  }

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const action = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    this.calls.push(action);
    const input = JSON.parse(body || '{}') as { NextToken?: string; AccountId?: string };
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (action === 'ListAccounts') {
      const start = Number(input.NextToken ?? 0);
      const next = start + 2 < this.accountIds.length ? String(start + 2) : undefined;
      return void res.end(
        JSON.stringify({
          Accounts: this.accountIds.slice(start, start + 2).map(account),
          ...(next ? { NextToken: next } : {}),
        }),
      );
    }
    if (action === 'DescribeAccount' && input.AccountId && this.accountIds.includes(input.AccountId)) {
      return void res.end(JSON.stringify({ Account: account(input.AccountId) }));
    }
    res.statusCode = 400;
    res.end(
      JSON.stringify({
        __type: 'AccountNotFoundException',
        Message: 'You specified an account that does not exist.',
      }),
    );
  }
}

function account(id: string) {
  return {
    Id: id,
    Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${id}`,
    Email: `aws+${id}@example.com`,
    Name: `member-${id}`,
    Status: 'ACTIVE',
    JoinedMethod: 'INVITED',
    JoinedTimestamp: 1.7e9,
  };
}
