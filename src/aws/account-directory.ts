import type { AccountConfig, AppConfig } from '../config/schema';
import { unknownAccountProblem } from './unknown-account';

export interface AccountRef {
  id: string;
  name: string | undefined;
}

/**
 * Purposes that need a role made for them and so never fall back to the read-only `roles.default`: catalog reads
 * through Control Tower's execution role (in every member account), autotag writes through
 * infra/autotag-tagging-role.yaml. Every function and the worker resolve them the same way.
 */
export const PURPOSE_ROLE_DEFAULTS: Readonly<Record<string, string>> = {
  catalog: 'AWSControlTowerExecution',
  autotag: 'aws-chatops-tagger',
};

/** A person named an account the bot does not know. */
export class UnknownAccountError extends Error {
  override readonly name = 'UnknownAccountError';
  constructor(
    readonly input: string,
    readonly known: readonly string[],
  ) {
    super(`Unknown account "${input}"`);
  }
}

/** What a person gets for an account name or id: the account, or what was wrong with the word. */
export type AccountChoice = { ok: true; account: AccountRef } | { ok: false; problem: string };

/** The bot does not act in this account: it is neither configured nor in the organisation. */
export class AccountNotAllowedError extends Error {
  override readonly name = 'AccountNotAllowedError';
  constructor(
    readonly accountId: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Accounts the bot knows: from the config file, with names for other ids looked up in Organizations
 * (DescribeAccount, cached) when `organization.lookUpAccountNames` is on. Also the one place that says which
 * role to assume in an account for a purpose.
 */
export class AccountDirectory {
  private readonly byId = new Map<string, AccountConfig>();
  private readonly byName = new Map<string, AccountConfig>();
  private readonly lookedUp = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly config: Pick<AppConfig, 'accounts' | 'roles' | 'organization'>,
    /** Name lookup for ids not in config (Organizations, see organization-account-names.ts). */
    private readonly lookUpName?: (accountId: string) => Promise<string | undefined>,
    /** Organisation membership (Organizations ListAccounts, see organization-members.ts). */
    private readonly isOrganizationMember?: (accountId: string) => Promise<boolean>,
  ) {
    for (const account of config.accounts) {
      this.byId.set(account.id, account);
      this.byName.set(account.name.toLowerCase(), account);
    }
  }

  get configured(): readonly AccountConfig[] {
    return this.config.accounts;
  }

  /** `123456789012` or a configured name (any case). A 12-digit id not in config is accepted as-is. */
  resolve(idOrName: string): AccountRef {
    const input = idOrName.trim();
    const account = this.byId.get(input) ?? this.byName.get(input.toLowerCase());
    if (account) return { id: account.id, name: account.name };
    if (/^\d{12}$/.test(input)) return { id: input, name: undefined };
    throw new UnknownAccountError(
      input,
      this.config.accounts.map((a) => a.name),
    );
  }

  /** Like {@link resolve}, but an unknown word is an answer for the person (what was wrong, the known names). */
  tryResolve(idOrName: string): AccountChoice {
    try {
      return { ok: true, account: this.resolve(idOrName) };
    } catch (error) {
      if (!(error instanceof UnknownAccountError)) throw error;
      return { ok: false, problem: unknownAccountProblem(error.input, error.known) };
    }
  }

  /**
   * Resolves when the bot may act in `accountId`: a configured account, or one of the organisation. Otherwise
   * throws AccountNotAllowedError with a message for the person (also when membership cannot be checked: fail
   * closed). Every AssumeRole goes through this check (member-account-access.ts).
   */
  async checkAllowed(accountId: string): Promise<void> {
    if (this.byId.has(accountId)) return;
    const refuse = (why: string, cause?: unknown): AccountNotAllowedError =>
      new AccountNotAllowedError(
        accountId,
        `Account ${accountId} ${why}, so the bot does not act in it. An admin can add it under \`accounts:\` in the config file.`,
        cause === undefined ? undefined : { cause },
      );
    if (!this.isOrganizationMember) throw refuse('is not a configured account');
    let member: boolean;
    try {
      member = await this.isOrganizationMember(accountId);
    } catch (error) {
      const reason = `${(error as { name?: string }).name ?? 'Error'}: ${(error as Error).message}`;
      throw refuse(
        `is not a configured account and could not be checked against the organisation (${reason})`,
        error,
      );
    }
    if (!member) throw refuse('is neither a configured account nor in the organisation');
  }

  /**
   * The role name to assume in `accountId` for `purpose`: per-account override, then global, then the purpose's
   * own default (PURPOSE_ROLE_DEFAULTS), then `default`.
   */
  roleFor(accountId: string, purpose: string): string {
    const account = this.byId.get(accountId);
    return (
      account?.roles[purpose] ??
      this.config.roles[purpose] ??
      PURPOSE_ROLE_DEFAULTS[purpose] ??
      account?.roles.default ??
      this.config.roles.default ??
      'aws-chatops-read'
    );
  }

  /** The configured name, else the Organizations name when lookups are on; undefined when unknown. */
  async nameOf(accountId: string): Promise<string | undefined> {
    const configured = this.byId.get(accountId)?.name;
    if (configured !== undefined) return configured;
    if (!this.lookUpName || !this.config.organization.lookUpAccountNames) return undefined;
    let pending = this.lookedUp.get(accountId);
    if (!pending) {
      pending = this.lookUpName(accountId).catch(() => {
        this.lookedUp.delete(accountId); // a failed lookup is not remembered: the next call tries again
        return undefined;
      });
      this.lookedUp.set(accountId, pending);
    }
    return pending;
  }
}
