import type { STSClient } from '@aws-sdk/client-sts';
import { ownerReply } from '../../blocks/autotag-owner-reply';
import type { SlackReply } from '../../blocks/message';
import type { AccountDirectory } from '../aws/account-directory';
import { callerIdentity } from '../aws/caller-identity';
import type { MemberClients } from '../aws/member-clients';
import type { AppConfig } from '../config/schema';
import { logger } from '../lambda/logger';
import { tagAccessFor } from './ec2-access';
import type { AutotagOwnerJob, OwnerTarget } from './owner-job';
import { ec2Arn } from './tagged-calls-ec2';
import { readTags } from './tagging-api';

export interface OwnerJobDeps {
  config: AppConfig;
  accounts: AccountDirectory;
  sts: STSClient;
  clients: Pick<MemberClients, 'taggingApi'>;
  botRegion: string;
}

/** Where to look: one account and region when the ARN says, else every configured account × its regions. */
function places(target: OwnerTarget, deps: OwnerJobDeps): { account: string; region: string; arn: string }[] {
  const partition = deps.config.organization.partition;
  if (target.kind === 'arn') {
    const [, , , region = '', account = ''] = target.arn.split(':');
    if (account) return [{ account, region: region || deps.botRegion, arn: target.arn }];
  }
  const regionsOf = (account: AppConfig['accounts'][number]) =>
    account.regions ?? deps.config.autotag.lookupRegions ?? [deps.botRegion];
  return deps.config.accounts.flatMap((account) =>
    regionsOf(account).map((region) => ({
      account: account.id,
      region,
      arn:
        target.kind === 'instance'
          ? ec2Arn(partition, region, account.id, 'instance', target.id)
          : target.kind === 'bucket'
            ? `arn:${partition}:s3:::${target.name}`
            : target.arn,
    })),
  );
}

/**
 * Who created a resource, when, and its owner, from its tags (Tagging API GetResources through the tagging
 * role, or the worker's own role in its own account). The first account and region that knows it answers.
 */
export async function runAutotagOwner(job: AutotagOwnerJob, deps: OwnerJobDeps): Promise<SlackReply> {
  const own = (await callerIdentity(deps.sts)).accountId;
  const where = places(job.target, deps);
  const failures: string[] = [];
  for (const place of where) {
    try {
      const access = tagAccessFor(place.account, place.region, own, deps.accounts);
      const tags = (await readTags(deps.clients.taggingApi(access), [place.arn])).get(place.arn);
      if (!tags) continue;
      return ownerReply({
        arn: place.arn,
        account: { id: place.account, ...(await nameOf(deps, place.account)) },
        region: place.region,
        partition: deps.config.organization.partition,
        tags: Object.fromEntries(tags),
        keys: deps.config.autotag.tagKeys,
      });
    } catch (error) {
      logger.warn('owner lookup failed in one account and region', { ...place, error });
      failures.push(`${place.account} ${place.region}: ${(error as Error).name}`);
    }
  }
  return ownerReply({ notFound: { searched: where.length, failures } });
}

async function nameOf(deps: OwnerJobDeps, account: string): Promise<{ name?: string }> {
  const name = await deps.accounts.nameOf(account);
  return name ? { name } : {};
}
