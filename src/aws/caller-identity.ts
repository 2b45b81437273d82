import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';

export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
}

export async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const out = await sts.send(new GetCallerIdentityCommand({}));
  if (!out.Account || !out.Arn || !out.UserId)
    throw new Error('GetCallerIdentity returned an incomplete identity');
  return { accountId: out.Account, arn: out.Arn, userId: out.UserId };
}
