import type { STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it, vi } from 'vitest';
import { CrossAccountCredentials } from '../../src/aws/assume-role';
import { type MemberClients, memberClients } from '../../src/aws/member-clients';

const assumed: string[] = [];
/** AssumeRole answered in memory: the access key names the account, so a client's credentials say whose they are. */
const credentials = new CrossAccountCredentials({
  sts: {
    send: async (command: { input: { RoleArn: string } }) => {
      assumed.push(command.input.RoleArn);
      const account = command.input.RoleArn.split(':')[4];
      return { Credentials: { AccessKeyId: `ASIA${account}`, SecretAccessKey: 's', SessionToken: 't' } };
    },
  } as unknown as STSClient,
});
const factory = (partition: 'aws' | 'aws-us-gov' = 'aws') =>
  memberClients(credentials, { partition, supportConcurrency: 7 });
const member = { accountId: '222222222222', roleName: 'aws-chatops-read', region: 'eu-west-1' };
const SERVICES = ['ec2', 's3', 'sts', 'serviceCatalog', 'cloudFormation', 'support'] as const;

describe('memberClients: one cached client per service, account, role and region', () => {
  it.each(SERVICES)(
    '%s: the same client for the same target, another for another account, role or region',
    (service) => {
      const clients: MemberClients = factory();
      const make = clients[service];

      expect(make(member)).toBe(make({ ...member }));
      expect(make(member)).not.toBe(make({ ...member, accountId: '333333333333' }));
      expect(make(member)).not.toBe(make({ ...member, roleName: 'other-role' }));
      expect(make(member)).not.toBe(make({ accountId: member.accountId, region: member.region }));
      if (service !== 'support') expect(make(member)).not.toBe(make({ ...member, region: 'us-east-1' }));
    },
  );

  it.each(SERVICES)('%s acts with the role in the member account', async (service) => {
    const client = factory()[service](member);

    expect((await client.config.credentials()).accessKeyId).toBe('ASIA222222222222');
    expect(assumed).toContain('arn:aws:iam::222222222222:role/aws-chatops-read');
  });

  it("acts with the function's own credentials for its own account (no role: nothing assumed)", async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAOWN');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'own');
    const before = assumed.length;
    const ec2 = factory().ec2({ accountId: '111111111111', region: 'eu-west-1' });

    expect((await ec2.config.credentials()).accessKeyId).toBe('AKIAOWN');
    expect(assumed).toHaveLength(before);
    vi.unstubAllEnvs();
  });

  it('keeps each service quirk: S3 follows region redirects; catalog reads retry; Support is one attempt, one endpoint', async () => {
    const clients = factory();

    expect(clients.s3(member).config.followRegionRedirects).toBe(true);
    expect(await clients.s3(member).config.region()).toBe('eu-west-1');
    expect(await clients.ec2(member).config.region()).toBe('eu-west-1');
    expect(await clients.serviceCatalog(member).config.maxAttempts()).toBe(4);
    expect(await clients.serviceCatalog(member).config.region()).toBe('eu-west-1');
    expect(await clients.cloudFormation(member).config.maxAttempts()).toBe(4);
    expect(await clients.cloudFormation(member).config.region()).toBe('eu-west-1');
    const support = clients.support(member);
    expect(await support.config.region()).toBe('us-east-1');
    expect(await support.config.maxAttempts()).toBe(1);
    expect(await factory('aws-us-gov').support(member).config.region()).toBe('us-gov-west-1');
  });

  it('gives every Support client one keep-alive connection pool', () => {
    const clients = factory();
    const first = clients.support(member);
    const other = clients.support({ ...member, accountId: '333333333333' });

    expect(other.config.requestHandler).toBe(first.config.requestHandler);
  });

  it.each(SERVICES)(
    '%s: no endpoint set in code (AWS_ENDPOINT_URL_<SERVICE> is how stand-ins work)',
    (service) => {
      expect(factory()[service](member).config.endpoint).toBeUndefined();
    },
  );
});
