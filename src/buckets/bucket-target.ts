import { accountLabel } from '../../blocks/bucket-replies';

/** `s3://bucket` with the account, the target every bucket audit entry names. */
export function bucketTarget(bucket: string, account: { id: string; name?: string | undefined }): string {
  return `s3://${bucket} in ${accountLabel(account)}`;
}
