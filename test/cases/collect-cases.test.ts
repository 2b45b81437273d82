import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { DescribeCasesCommand, SupportClient } from '@aws-sdk/client-support';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { CrossAccountCredentials } from '../../src/aws/assume-role';
import { supportClients } from '../../src/aws/clients/support';
import { memberClients } from '../../src/aws/member-clients';
import type { CaseQuery } from '../../src/cases/case-query';
import { type CollectDeps, collectCases } from '../../src/cases/collect-cases';
import { listTargetAccounts } from '../../src/cases/list-target-accounts';
import { appConfigSchema } from '../../src/config/schema';
import { StsStandIn } from '../../src/local/sts-stand-in';
import { SupportStandIn, supportCase } from '../../src/local/support-stand-in';

const NOW = new Date('2024-05-08T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const WEEK: CaseQuery = { windowText: '7d', windowHours: 168, status: 'all', public: false };

describe('collectCases against loopback STS and Support', () => {
  const sts = new StsStandIn();
  const support = new SupportStandIn();
  let deps: CollectDeps;

  beforeAll(async () => {
    await Promise.all([sts.start(), support.start()]);
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    process.env.AWS_ENDPOINT_URL_SUPPORT = support.url;
    process.env.AWS_ACCESS_KEY_ID = 'AKIALOCAL';
    process.env.AWS_SECRET_ACCESS_KEY = 'local';
  });
  afterAll(() => Promise.all([sts.stop(), support.stop()]));

  beforeEach(() => {
    support.cases.clear();
    support.failures.clear();
    support.throttleFirst.clear();
    support.requests.length = 0;
    support.pageSize = 100;
    sts.deniedRoles.clear();
    sts.throttleFirst.clear();
    const config = appConfigSchema.parse({
      slack: { defaultChannel: 'C0ALERTS01' },
      roles: { default: 'aws-chatops-read', cases: 'GetSupportInfoRole' },
      accounts: [
        { id: '111111111111', name: 'management' },
        { id: '222222222222', name: 'prod-payments' },
        { id: '333333333333', name: 'staging' },
      ],
      cases: { maxAttempts: 3 },
    });
    deps = {
      cases: config.cases,
      configuredAccounts: config.accounts,
      accounts: new AccountDirectory(config),
      clients: memberClients(new CrossAccountCredentials({ sts: new STSClient({ region: 'us-east-1' }) }), {
        support: supportClients({ partition: 'aws', supportConcurrency: config.cases.concurrency }),
      }),
      organizations: { send: async () => ({}) } as never,
      now: () => NOW,
    };
  });

  const targets = () => deps.configuredAccounts.map((a) => ({ id: a.id, name: a.name }));

  it('follows nextToken to the last page and counts every case once', async () => {
    support.pageSize = 7;
    support.cases.set(
      '222222222222',
      Array.from({ length: 50 }, (_, n) => supportCase('222222222222', n, { timeCreated: daysAgo(1) })),
    );

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases).toHaveLength(50);
    expect(new Set(collection.cases.map((c) => c.caseId)).size).toBe(50);
    const pages = support.requests.filter((r) => r.account === '222222222222');
    expect(pages).toHaveLength(8);
    expect(pages[0]?.body).toMatchObject({
      includeResolvedCases: true,
      includeCommunications: false,
      afterTime: daysAgo(7),
    });
  });

  it('counts a case once when Support repeats it on the next page (cases opened while paging)', async () => {
    const mocked = mockClient(SupportClient);
    const repeated = supportCase('222222222222', 2, { timeCreated: daysAgo(1) });
    mocked
      .on(DescribeCasesCommand, { nextToken: undefined })
      .resolves({
        cases: [supportCase('222222222222', 1, { timeCreated: daysAgo(1) }), repeated],
        nextToken: 'p2',
      })
      .on(DescribeCasesCommand, { nextToken: 'p2' })
      .resolves({ cases: [repeated, supportCase('222222222222', 3, { timeCreated: daysAgo(1) })] });

    const collection = await collectCases(WEEK, deps, [{ id: '222222222222', name: 'prod-payments' }]);
    mocked.restore();

    expect(collection.cases.map((c) => c.displayId).sort()).toEqual([
      '1700000001',
      '1700000002',
      '1700000003',
    ]);
  });

  it('counts cases opened in every language, not only English ones', async () => {
    support.cases.set('222222222222', [
      supportCase('222222222222', 1, { timeCreated: daysAgo(1) }),
      supportCase('222222222222', 2, { timeCreated: daysAgo(1), language: 'ja' }),
      supportCase('222222222222', 3, { timeCreated: daysAgo(1), language: 'ko' }),
    ]);

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases).toHaveLength(3);
  });

  it('assumes the configured cases role in each account', async () => {
    await collectCases(WEEK, deps, targets());

    expect(sts.assumed).toContain('arn:aws:iam::333333333333:role/GetSupportInfoRole');
  });

  it('lists failing accounts with their reason and still reports the others', async () => {
    support.cases.set('333333333333', [supportCase('333333333333', 1, { timeCreated: daysAgo(2) })]);
    support.failures.set('222222222222', {
      status: 400,
      code: 'SubscriptionRequiredException',
      message: 'AWS Premium Support Subscription is required to use this service.',
    });
    sts.deniedRoles.add('arn:aws:iam::111111111111:role/GetSupportInfoRole');

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases.map((c) => c.accountId)).toEqual(['333333333333']);
    expect(collection.failures.map((f) => [f.account.name, f.reason])).toEqual([
      ['management', 'cannot assume role GetSupportInfoRole (AccessDenied)'],
      ['prod-payments', expect.stringMatching(/^SubscriptionRequiredException: .*Business/)],
    ]);
    expect(collection.failures[0]?.detail).toMatch(
      /AccessDenied: User: .* is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role\/GetSupportInfoRole/,
    );
    expect(collection.failures[1]?.detail).toBe(
      'SubscriptionRequiredException: AWS Premium Support Subscription is required to use this service.',
    );
    expect(collection.failures.map((f) => f.cause)).toEqual(['role', 'no-support-plan']);
  });

  it('gives accounts that fail the same way the same reason, so the report can group them', async () => {
    for (const account of ['111111111111', '222222222222', '333333333333']) {
      sts.deniedRoles.add(`arn:aws:iam::${account}:role/GetSupportInfoRole`);
    }

    const collection = await collectCases(WEEK, deps, targets());

    expect(new Set(collection.failures.map((f) => f.reason))).toEqual(
      new Set(['cannot assume role GetSupportInfoRole (AccessDenied)']),
    );
    expect(new Set(collection.failures.map((f) => f.detail)).size).toBe(3);
  });

  it('retries throttled calls, and names an account still throttled after every attempt', async () => {
    support.cases.set('111111111111', [supportCase('111111111111', 1, { timeCreated: daysAgo(1) })]);
    support.throttleFirst.set('111111111111', 2);
    support.throttleFirst.set('222222222222', 10);

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases.map((c) => c.accountId)).toEqual(['111111111111']);
    expect(collection.failures).toEqual([
      {
        account: { id: '222222222222', name: 'prod-payments' },
        reason: 'ThrottlingException: still throttled after 3 attempts',
        detail: 'ThrottlingException: Rate exceeded',
        cause: 'throttled',
        role: 'GetSupportInfoRole',
      },
    ]);
  });

  it('gives the slot of a throttled account to the next account instead of waiting in it', async () => {
    deps.cases.concurrency = 1;
    support.throttleFirst.set('111111111111', 2);
    support.cases.set('111111111111', [supportCase('111111111111', 1, { timeCreated: daysAgo(1) })]);

    const collection = await collectCases(WEEK, deps, targets());

    const order = support.requests.map((r) => r.account);
    expect(order.indexOf('222222222222')).toBeLessThan(order.lastIndexOf('111111111111'));
    expect(order.filter((account) => account === '111111111111')).toHaveLength(3);
    expect(collection.cases.map((c) => c.accountId)).toEqual(['111111111111']);
    expect(collection.failures).toEqual([]);
  });

  it('retries a throttled AssumeRole outside the slot, as memberAccountAccess builds the cases STS client (one attempt per call)', async () => {
    deps.cases.concurrency = 1;
    deps.clients = memberClients(
      new CrossAccountCredentials({ sts: new STSClient({ region: 'us-east-1', maxAttempts: 1 }) }),
      { support: supportClients({ partition: 'aws', supportConcurrency: deps.cases.concurrency }) },
    );
    const roleArn = 'arn:aws:iam::111111111111:role/GetSupportInfoRole';
    sts.throttleFirst.set(roleArn, 2);
    sts.throttleFirst.set('arn:aws:iam::333333333333:role/GetSupportInfoRole', 10);
    support.cases.set('111111111111', [supportCase('111111111111', 1, { timeCreated: daysAgo(1) })]);

    const collection = await collectCases(WEEK, deps, targets());

    const order = support.requests.map((r) => r.account);
    expect(order.indexOf('222222222222')).toBeLessThan(order.indexOf('111111111111'));
    expect(collection.cases.map((c) => c.accountId)).toEqual(['111111111111']);
    expect(collection.failures).toEqual([
      {
        account: { id: '333333333333', name: 'staging' },
        reason: 'cannot assume role GetSupportInfoRole (Throttling): still failing after 3 attempts',
        detail: 'Throttling: Rate exceeded',
        cause: 'throttled',
        role: 'GetSupportInfoRole',
      },
    ]);
  });

  it('continues a throttled account from the page that was throttled', async () => {
    support.pageSize = 10;
    support.cases.set(
      '222222222222',
      Array.from({ length: 25 }, (_, n) => supportCase('222222222222', n, { timeCreated: daysAgo(1) })),
    );
    const before = support.requests.length;
    const original = support.requests.push.bind(support.requests);
    support.requests.push = (...entries) => {
      const length = original(...entries);
      const pages = support.requests.slice(before).filter((r) => r.account === '222222222222');
      if (entries[0]?.account === '222222222222' && pages.length === 2) {
        support.throttleFirst.set('222222222222', 1);
      }
      return length;
    };

    const collection = await collectCases(WEEK, deps, targets());

    const tokens = support.requests.filter((r) => r.account === '222222222222').map((r) => r.body.nextToken);
    expect(tokens).toEqual([undefined, '10', '10', '20']);
    expect(collection.cases).toHaveLength(25);
  });

  it('retries an account whose call failed on a server error, and names one that keeps failing', async () => {
    support.cases.set('222222222222', [supportCase('222222222222', 1, { timeCreated: daysAgo(1) })]);
    const serverError = {
      status: 500,
      code: 'InternalServerError',
      message: 'We encountered an internal error.',
    };
    support.failures.set('222222222222', serverError);
    support.failures.set('333333333333', serverError);
    const original = support.requests.push.bind(support.requests);
    support.requests.push = (...entries) => {
      if (entries[0]?.account === '222222222222') setImmediate(() => support.failures.delete('222222222222'));
      return original(...entries);
    };

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases.map((c) => c.accountId)).toEqual(['222222222222']);
    expect(collection.failures).toEqual([
      {
        account: { id: '333333333333', name: 'staging' },
        reason: 'InternalServerError: still failing after 3 attempts',
        detail: 'InternalServerError: We encountered an internal error.',
        cause: 'unreachable',
        role: 'GetSupportInfoRole',
      },
    ]);
    expect(support.requests.filter((r) => r.account === '333333333333')).toHaveLength(3);
  });

  it('answers an empty window with no cases and no failures', async () => {
    support.cases.set('111111111111', [supportCase('111111111111', 1, { timeCreated: daysAgo(30) })]);

    const collection = await collectCases(WEEK, deps, targets());

    expect(collection.cases).toEqual([]);
    expect(collection.failures).toEqual([]);
    expect(collection.accountsTotal).toBe(3);
  });

  it('filters by status, severity and service, asking Support for open cases only when status=open', async () => {
    support.cases.set('111111111111', [
      supportCase('111111111111', 1, { timeCreated: daysAgo(1), severityCode: 'urgent' }),
      supportCase('111111111111', 2, { timeCreated: daysAgo(1), severityCode: 'low' }),
      supportCase('111111111111', 3, { timeCreated: daysAgo(1), severityCode: 'urgent', status: 'resolved' }),
      supportCase('111111111111', 4, {
        timeCreated: daysAgo(1),
        severityCode: 'urgent',
        serviceCode: 'amazon-s3',
      }),
    ]);

    const collection = await collectCases(
      { ...WEEK, status: 'open', severity: 'urgent', service: 'amazon-elastic-compute-cloud-linux' },
      deps,
      targets(),
    );

    expect(collection.cases.map((c) => c.displayId)).toEqual([String(1_700_000_001)]);
    expect(support.requests[0]?.body.includeResolvedCases).toBe(false);
  });

  it('status=open reads every case open now, one created 200 days ago too, whatever the window', async () => {
    support.cases.set('222222222222', [
      supportCase('222222222222', 1, { timeCreated: daysAgo(200) }),
      supportCase('222222222222', 2, { timeCreated: daysAgo(200), status: 'resolved' }),
      supportCase('222222222222', 3, { timeCreated: daysAgo(2), status: 'pending-customer-action' }),
    ]);

    const open = await collectCases({ ...WEEK, status: 'open' }, deps, targets());
    const week = await collectCases(WEEK, deps, targets());

    expect(open.cases.map((c) => c.displayId).sort()).toEqual(['1700000001', '1700000003']);
    expect(open.afterTime.toISOString()).toBe(daysAgo(365));
    expect(week.cases.map((c) => c.displayId)).toEqual(['1700000003']);
  });

  it('since=YYYY-MM-DD asks Support for the cases created from that day on', async () => {
    support.cases.set('222222222222', [
      supportCase('222222222222', 1, { timeCreated: '2024-04-30T23:59:00Z' }),
      supportCase('222222222222', 2, { timeCreated: '2024-05-01T00:01:00Z' }),
    ]);

    const collection = await collectCases({ ...WEEK, since: '2024-05-01' }, deps, targets());

    expect(collection.cases.map((c) => c.displayId)).toEqual(['1700000002']);
    expect(support.requests[0]?.body.afterTime).toBe('2024-05-01T00:00:00.000Z');
  });

  it('collects 1,000 cases from 20 accounts, each counted once', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: String(500000000000 + i), name: `acct-${i}` }));
    for (const account of many) {
      support.cases.set(
        account.id,
        Array.from({ length: 50 }, (_, n) => supportCase(account.id, n, { timeCreated: daysAgo(n % 7) })),
      );
    }
    support.pageSize = 20;

    const collection = await collectCases(WEEK, deps, many);

    expect(collection.cases).toHaveLength(1000);
    expect(new Set(collection.cases.map((c) => `${c.accountId}/${c.caseId}`)).size).toBe(1000);
  });
});

describe('listTargetAccounts', () => {
  it('pages through Organizations ListAccounts, keeps ACTIVE accounts, prefers configured names', async () => {
    const organizations = mockClient(OrganizationsClient);
    organizations
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({
        Accounts: [
          { Id: '111111111111', Name: 'Org Management', Status: 'ACTIVE' },
          { Id: '444444444444', Name: 'closed', Status: 'SUSPENDED' },
        ],
        NextToken: 'page-2',
      })
      .on(ListAccountsCommand, { NextToken: 'page-2' })
      .resolves({ Accounts: [{ Id: '555555555555', Name: 'sandbox', Status: 'ACTIVE' }] });

    const accounts = await listTargetAccounts(
      'organization',
      [{ id: '111111111111', name: 'management', roles: {} }],
      new OrganizationsClient({}),
    );

    expect(accounts).toEqual([
      { id: '111111111111', name: 'management' },
      { id: '555555555555', name: 'sandbox' },
    ]);
    organizations.restore();
  });
});
