import { AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssumeRoleError, CrossAccountCredentials } from '../../src/aws/assume-role';

const HOUR_MS = 60 * 60 * 1000;
const sts = mockClient(STSClient);

/** STS answering with credentials that expire one hour after `now()`, numbered by call. */
function stsIssuesCredentials(now: () => number): void {
  let issued = 0;
  sts.on(AssumeRoleCommand).callsFake(async () => {
    issued += 1;
    return {
      Credentials: {
        AccessKeyId: `ASIA${issued}`,
        SecretAccessKey: 'secret',
        SessionToken: `token-${issued}`,
        Expiration: new Date(now() + HOUR_MS),
      },
    };
  });
}

describe('CrossAccountCredentials', () => {
  let clock = Date.parse('2024-01-01T00:00:00Z');
  const now = () => clock;
  let credentials: CrossAccountCredentials;

  beforeEach(() => {
    sts.reset();
    clock = Date.parse('2024-01-01T00:00:00Z');
    credentials = new CrossAccountCredentials({ sts: new STSClient({ region: 'us-east-1' }), now });
  });
  afterEach(() => sts.reset());

  it('assumes the role by ARN with the session name and returns its credentials', async () => {
    // Prepare
    stsIssuesCredentials(now);

    // Act
    const identity = await credentials.credentialsFor('222222222222', 'aws-chatops-read')();

    // Assess
    expect(identity).toMatchObject({
      accessKeyId: 'ASIA1',
      sessionToken: 'token-1',
      accountId: '222222222222',
    });
    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toMatchObject({
      RoleArn: 'arn:aws:iam::222222222222:role/aws-chatops-read',
      RoleSessionName: 'aws-chatops',
      DurationSeconds: 3600,
    });
  });

  it('sends the configured ExternalId and builds ARNs in the configured partition', async () => {
    stsIssuesCredentials(now);
    const gov = new CrossAccountCredentials({
      sts: new STSClient({ region: 'us-gov-west-1' }),
      partition: 'aws-us-gov',
      externalId: 'ext-123',
      now,
    });

    await gov.credentialsFor('222222222222', '/ops/reader')();

    expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toMatchObject({
      RoleArn: 'arn:aws-us-gov:iam::222222222222:role/ops/reader',
      ExternalId: 'ext-123',
    });
  });

  it('caches credentials per account and role', async () => {
    stsIssuesCredentials(now);

    const first = await credentials.credentialsFor('222222222222', 'reader')();
    const again = await credentials.credentialsFor('222222222222', 'reader')();
    const otherRole = await credentials.credentialsFor('222222222222', 'writer')();
    const otherAccount = await credentials.credentialsFor('333333333333', 'reader')();

    expect(again).toBe(first);
    expect(otherRole.accessKeyId).not.toBe(first.accessKeyId);
    expect(otherAccount.accessKeyId).not.toBe(first.accessKeyId);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(3);
  });

  it('makes one STS call for many concurrent callers', async () => {
    // Prepare: STS answers only when the test says so
    let answer: () => void = () => undefined;
    sts.on(AssumeRoleCommand).callsFake(
      () =>
        new Promise((resolve) => {
          answer = () =>
            resolve({
              Credentials: {
                AccessKeyId: 'ASIA1',
                SecretAccessKey: 's',
                SessionToken: 't',
                Expiration: new Date(clock + HOUR_MS),
              },
            });
        }),
    );

    // Act
    const callers = Array.from({ length: 10 }, () => credentials.credentialsFor('222222222222', 'reader')());
    await new Promise((resolve) => setImmediate(resolve));
    answer();
    const results = await Promise.all(callers);

    // Assess
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    expect(new Set(results.map((r) => r.accessKeyId))).toEqual(new Set(['ASIA1']));
  });

  it('refreshes credentials within five minutes of expiry, and not before', async () => {
    stsIssuesCredentials(now);
    const provider = credentials.credentialsFor('222222222222', 'reader');
    await provider();

    clock += HOUR_MS - 5 * 60 * 1000 - 1;
    const stillCached = await provider();
    clock += 2;
    const refreshed = await provider();

    expect(stillCached.accessKeyId).toBe('ASIA1');
    expect(refreshed.accessKeyId).toBe('ASIA2');
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('shares one refresh between concurrent callers of expiring credentials', async () => {
    stsIssuesCredentials(now);
    const provider = credentials.credentialsFor('222222222222', 'reader');
    await provider();
    clock += HOUR_MS;

    const results = await Promise.all(Array.from({ length: 5 }, () => provider()));

    expect(results.map((r) => r.accessKeyId)).toEqual(Array(5).fill('ASIA2'));
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
  });

  it('turns AccessDenied into an AssumeRoleError naming the role, account and reason', async () => {
    // Prepare
    const denied = new STSServiceException({
      name: 'AccessDenied',
      $fault: 'client',
      $metadata: {},
      message:
        'User: arn:aws:sts::999999999999:assumed-role/bot is not authorized to perform: sts:AssumeRole',
    });
    sts.on(AssumeRoleCommand).rejects(denied);

    // Act
    const attempt = credentials.credentialsFor('222222222222', 'aws-chatops-read')();

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AssumeRoleError);
    const error = (await attempt.catch((e: unknown) => e)) as AssumeRoleError;
    expect(error.accountId).toBe('222222222222');
    expect(error.roleArn).toBe('arn:aws:iam::222222222222:role/aws-chatops-read');
    expect(error.reason).toMatch(/^AccessDenied: User: .* is not authorized to perform: sts:AssumeRole$/);
    expect(error.message).toMatch(
      /^Cannot assume arn:aws:iam::222222222222:role\/aws-chatops-read in account 222222222222: AccessDenied/,
    );
    expect(error.cause).toBe(denied);
  });

  it('does not cache a failure: the next call tries again', async () => {
    sts
      .on(AssumeRoleCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }))
      .resolves({
        Credentials: {
          AccessKeyId: 'ASIA-OK',
          SecretAccessKey: 's',
          SessionToken: 't',
          Expiration: new Date(clock + HOUR_MS),
        },
      });
    const provider = credentials.credentialsFor('222222222222', 'reader');

    await expect(provider()).rejects.toMatchObject({ reason: 'Throttling: Rate exceeded' });
    const second = await provider();

    expect(second.accessKeyId).toBe('ASIA-OK');
  });

  it('refuses an STS answer without credentials', async () => {
    sts.on(AssumeRoleCommand).resolves({});

    await expect(credentials.credentialsFor('222222222222', 'reader')()).rejects.toMatchObject({
      name: 'AssumeRoleError',
      reason: 'STS returned no credentials',
    });
  });
});
