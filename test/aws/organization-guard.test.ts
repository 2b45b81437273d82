import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountDirectory, AccountNotAllowedError } from '../../src/aws/account-directory';
import { CrossAccountCredentials } from '../../src/aws/assume-role';
import { organizationMembers } from '../../src/aws/organization-members';
import type { AppConfig } from '../../src/config/schema';
import { StsStandIn } from '../../src/local/sts-stand-in';

const config: Pick<AppConfig, 'accounts' | 'roles' | 'organization'> = {
  organization: { partition: 'aws', lookUpAccountNames: false },
  accounts: [{ id: '222222222222', name: 'prod-payments', roles: {} }],
  roles: { default: 'aws-chatops-read' },
};

/** ListAccounts pages as the Organizations API documents them (Accounts[], NextToken). */
const page = (ids: string[], nextToken?: string) => ({
  Accounts: ids.map((id) => ({
    Id: id,
    Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${id}`,
    Email: `${id}@example.com`,
    Name: `account-${id}`,
    Status: 'ACTIVE' as const,
    JoinedMethod: 'CREATED' as const,
    JoinedTimestamp: new Date('2024-01-01T00:00:00Z'),
  })),
  ...(nextToken ? { NextToken: nextToken } : {}),
});

describe('AssumeRole only in accounts of the organisation (or configured)', () => {
  const organizations = mockClient(OrganizationsClient);
  const sts = new StsStandIn();
  let nowMs = Date.parse('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    await sts.start();
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
  });
  afterAll(() => sts.stop());
  beforeEach(() => {
    organizations.reset();
    organizations
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves(page(['111111111111', '333333333333'], 'page-2'))
      .on(ListAccountsCommand, { NextToken: 'page-2' })
      .resolves(page(['444444444444']));
    sts.assumed.length = 0;
  });

  function access() {
    const members = organizationMembers(new OrganizationsClient({ region: 'us-east-1' }), {
      nowMs: () => nowMs,
    });
    const accounts = new AccountDirectory(config, undefined, members);
    const credentials = new CrossAccountCredentials({
      sts: new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }),
      checkAccount: (id) => accounts.checkAllowed(id),
    });
    return { accounts, credentials };
  }

  it('refuses an account outside the organisation with a clear message, and never calls AssumeRole', async () => {
    const { credentials } = access();

    const assuming = credentials.credentialsFor('123456789012', 'aws-chatops-read')();

    await expect(assuming).rejects.toBeInstanceOf(AccountNotAllowedError);
    await expect(assuming).rejects.toThrow(
      /123456789012 is neither a configured account nor in the organisation/,
    );
    expect(sts.assumed).toEqual([]);
  });

  it('assumes roles in an organisation account found on any ListAccounts page', async () => {
    const { credentials } = access();

    await credentials.credentialsFor('444444444444', 'aws-chatops-read')();

    expect(sts.assumed).toEqual(['arn:aws:iam::444444444444:role/aws-chatops-read']);
  });

  it('assumes roles in a configured account without asking Organizations', async () => {
    const { credentials } = access();

    await credentials.credentialsFor('222222222222', 'aws-chatops-read')();

    expect(sts.assumed).toHaveLength(1);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });

  it('lists the organisation once for many checks (cached)', async () => {
    const { accounts } = access();

    await Promise.all(
      ['111111111111', '333333333333', '444444444444', '111111111111'].map((id) => accounts.checkAllowed(id)),
    );

    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(2); // two pages, one listing
  });

  it('refuses (fails closed) when the organisation cannot be read, and says why', async () => {
    organizations.reset();
    organizations.on(ListAccountsCommand).rejects(
      Object.assign(new Error('You are not authorized to perform this operation.'), {
        name: 'AccessDeniedException',
      }),
    );
    const { accounts } = access();

    await expect(accounts.checkAllowed('444444444444')).rejects.toThrow(
      /could not be checked.*AccessDeniedException/,
    );
  });

  it('sees an account that joined the organisation after the last listing, a minute later', async () => {
    const { accounts } = access();
    await expect(accounts.checkAllowed('555555555555')).rejects.toBeInstanceOf(AccountNotAllowedError);
    organizations.reset();
    organizations.on(ListAccountsCommand).resolves(page(['555555555555']));
    nowMs += 61_000;

    await expect(accounts.checkAllowed('555555555555')).resolves.toBeUndefined();
  });
});
