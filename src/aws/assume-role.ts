import { AssumeRoleCommand, type AssumeRoleCommandOutput, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** AssumeRole failed: the message says which role in which account and why, in words a person can act on. */
export class AssumeRoleError extends Error {
  override readonly name = 'AssumeRoleError';
  constructor(
    readonly accountId: string,
    readonly roleArn: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot assume ${roleArn} in account ${accountId}: ${reason}`, options);
  }
}

export interface CrossAccountOptions {
  sts: STSClient;
  partition?: string;
  externalId?: string;
  /** Shows in the member account's CloudTrail as the session name. */
  sessionName?: string;
  durationSeconds?: number;
  now?: () => number;
  /** Throws when the bot may not act in the account (AccountDirectory.checkAllowed); runs before every AssumeRole. */
  checkAccount?: (accountId: string) => Promise<void>;
}

/** Credentials this close to expiry are refreshed before use. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * The one way features reach another account: `credentialsFor(account, role)` returns a provider that assumes
 * the role on first use and caches the credentials per account and role until shortly before they expire.
 * Concurrent callers share one AssumeRole call.
 */
export class CrossAccountCredentials {
  private readonly cache = new Map<string, Promise<AwsCredentialIdentity>>();
  private readonly now: () => number;

  constructor(private readonly options: CrossAccountOptions) {
    this.now = options.now ?? Date.now;
  }

  roleArn(accountId: string, roleName: string): string {
    const path = roleName.includes('/') ? roleName.replace(/^\/+/, '') : roleName;
    return `arn:${this.options.partition ?? 'aws'}:iam::${accountId}:role/${path}`;
  }

  credentialsFor(accountId: string, roleName: string): AwsCredentialIdentityProvider {
    return () => this.get(accountId, roleName);
  }

  private async get(accountId: string, roleName: string): Promise<AwsCredentialIdentity> {
    const key = `${accountId}/${roleName}`;
    const cached = this.cache.get(key);
    if (cached) {
      const credentials = await cached.catch(() => undefined);
      if (credentials && !this.expiresSoon(credentials)) return credentials;
      if (this.cache.get(key) !== cached) return this.get(accountId, roleName);
    }
    const pending = this.assume(accountId, roleName);
    this.cache.set(key, pending);
    pending.catch(() => {
      if (this.cache.get(key) === pending) this.cache.delete(key);
    });
    return pending;
  }

  private expiresSoon(credentials: AwsCredentialIdentity): boolean {
    return (
      credentials.expiration !== undefined &&
      credentials.expiration.getTime() - this.now() < REFRESH_MARGIN_MS
    );
  }

  private async assume(accountId: string, roleName: string): Promise<AwsCredentialIdentity> {
    const roleArn = this.roleArn(accountId, roleName);
    await this.options.checkAccount?.(accountId);
    let out: AssumeRoleCommandOutput;
    try {
      out = await this.options.sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: this.options.sessionName ?? 'aws-chatops',
          ExternalId: this.options.externalId,
          DurationSeconds: this.options.durationSeconds ?? 3600,
        }),
      );
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      throw new AssumeRoleError(accountId, roleArn, `${name}: ${(error as Error).message}`, { cause: error });
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) {
      throw new AssumeRoleError(accountId, roleArn, 'STS returned no credentials');
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: c.Expiration,
      accountId,
    };
  }
}
