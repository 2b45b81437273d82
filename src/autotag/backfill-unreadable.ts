import { AssumeRoleError } from '../aws/assume-role';

const THROTTLED = /throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i;

/**
 * One account and region a backfill could not read, in words that say what to do: the tagging role missing or
 * not trusting the Slack worker, a role too old to read CloudTrail or tags, AWS throttling; else the error.
 */
export function whyUnreadable(account: string, region: string, error: unknown): string {
  const where = `${account} ${region}`;
  if (error instanceof AssumeRoleError) {
    const cause = (error.cause as Error | undefined)?.name ?? '';
    if (/AccessDenied/.test(cause)) {
      return `${where}: the tagging role could not be assumed (${cause}): deploy infra/autotag-tagging-role.yaml there with the slackWorker's role in TrustedRoleArns`;
    }
    return `${where}: ${error.message}`;
  }
  const { name, message } = error as Error;
  if (/AccessDenied|UnauthorizedOperation/.test(name)) {
    return `${where}: the tagging role may not read there (${name}): update infra/autotag-tagging-role.yaml in that account to the current version`;
  }
  if (THROTTLED.test(name)) return `${where}: throttled by AWS (${name}): run again later`;
  return `${where}: ${message.startsWith(name) ? message : `${name}: ${message}`}`;
}
