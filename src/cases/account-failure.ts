import { AssumeRoleError } from '../aws/assume-role';

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'RequestLimitExceeded',
]);

export function isThrottling(error: unknown): boolean {
  const name = errorName(error instanceof AssumeRoleError ? error.cause : error);
  return (
    THROTTLING.has(name) ||
    (error as { $retryable?: { throttling?: boolean } }).$retryable?.throttling === true
  );
}

/**
 * Why one account could not be read: `reason` in words an on-call engineer can act on, the same for every account
 * that failed the same way (the report groups by it); `detail` is AWS's own error, for the failures CSV.
 */
export function accountFailureReason(
  error: unknown,
  context: { role: string; maxAttempts: number },
): { reason: string; detail: string } {
  if (error instanceof AssumeRoleError) {
    const code = error.cause === undefined ? 'no credentials' : errorName(error.cause);
    return { reason: `cannot assume role ${context.role} (${code})`, detail: error.reason };
  }
  const name = errorName(error);
  const detail = `${name}: ${(error as { message?: string }).message ?? String(error)}`;
  if (name === 'SubscriptionRequiredException') {
    const reason = `${name}: the Support API needs a Business, Enterprise On-Ramp or Enterprise plan`;
    return { reason, detail };
  }
  if (isThrottling(error)) {
    return { reason: `${name}: still throttled after ${context.maxAttempts} attempts`, detail };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return { reason: `${name}: role ${context.role} may not call support:DescribeCases`, detail };
  }
  return { reason: detail, detail };
}

function errorName(error: unknown): string {
  return (error as { name?: string } | undefined)?.name ?? 'Error';
}
