import type { STSClient } from '@aws-sdk/client-sts';
import type { SlackReply } from '../../blocks/message';
import { noticeReply } from '../../blocks/notice';
import { whoamiReply } from '../../blocks/whoami';
import { type AccountDirectory, AccountNotAllowedError } from '../aws/account-directory';
import { AssumeRoleError, type CrossAccountCredentials } from '../aws/assume-role';
import { callerIdentity } from '../aws/caller-identity';
import type { MemberClients } from '../aws/member-clients';
import type { WhoamiJob } from './whoami-job';

export interface WhoamiJobDeps {
  accounts: AccountDirectory;
  /** The bot's own STS client. */
  sts: STSClient;
  credentials: CrossAccountCredentials;
  /** STS acting through a role in a member account. */
  clients: Pick<MemberClients, 'sts'>;
}

/** STS GetCallerIdentity for the bot's own role, or through the configured role in a member account. */
export async function runWhoami(job: WhoamiJob, deps: WhoamiJobDeps): Promise<SlackReply> {
  if (!job.account) {
    const identity = await callerIdentity(deps.sts);
    const accountName = await deps.accounts.nameOf(identity.accountId);
    return whoamiReply({ ...identity, ...(accountName ? { accountName } : {}) });
  }
  const { id, name } = job.account;
  const role = deps.accounts.roleFor(id, 'whoami');
  try {
    const identity = await callerIdentity(deps.clients.sts({ accountId: id, roleName: role }));
    return whoamiReply({
      ...identity,
      ...(name ? { accountName: name } : {}),
      viaRole: deps.credentials.roleArn(id, role),
    });
  } catch (error) {
    if (error instanceof AccountNotAllowedError) {
      return noticeReply(
        'problem',
        error.message,
        'Name one of the configured accounts, or an account of the organisation.',
      );
    }
    if (!(error instanceof AssumeRoleError)) throw error;
    return noticeReply(
      'problem',
      `Could not reach account ${name ?? id}: ${error.reason}`,
      `Check that role ${role} exists in ${id} and trusts the bot's role (infra/ has a template for it).`,
    );
  }
}
