import { AssumeRoleError } from '../aws/assume-role';
import type { FailureCause } from './failure-cause';

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'RequestLimitExceeded',
]);

/** Node's codes for a connection that dropped or never answered. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN']);

interface AwsError {
  name?: string;
  code?: string;
  $retryable?: { throttling?: boolean };
  $metadata?: { httpStatusCode?: number };
}

/** The AWS error itself (an AssumeRoleError carries STS's as its cause). */
function awsError(error: unknown): AwsError | undefined {
  return (error instanceof AssumeRoleError ? error.cause : error) as AwsError | undefined;
}

function isThrottling(error: unknown): boolean {
  const aws = awsError(error);
  return THROTTLING.has(errorName(aws)) || aws?.$retryable?.throttling === true;
}

/** A call worth making again later: throttled, a server error (5xx), a timeout or a dropped connection. */
export function isWorthRetrying(error: unknown): boolean {
  const aws = awsError(error);
  return (
    isThrottling(error) ||
    aws?.$retryable !== undefined ||
    (aws?.$metadata?.httpStatusCode ?? 0) >= 500 ||
    errorName(aws) === 'TimeoutError' ||
    NETWORK_CODES.has(aws?.code ?? '')
  );
}

/**
 * Why one account could not be read: `reason` in words an on-call engineer can act on, the same for every account
 * that failed the same way (the report groups by it); `detail` is AWS's own error, for the failures CSV.
 */
export function accountFailureReason(
  error: unknown,
  context: { role: string; maxAttempts: number },
): { reason: string; detail: string; cause: FailureCause } {
  if (error instanceof AssumeRoleError) {
    const code = error.cause === undefined ? 'no credentials' : errorName(error.cause);
    const retried = isWorthRetrying(error) ? `: still failing after ${context.maxAttempts} attempts` : '';
    const cause = isThrottling(error) ? 'throttled' : isWorthRetrying(error) ? 'unreachable' : 'role';
    return { reason: `cannot assume role ${context.role} (${code})${retried}`, detail: error.reason, cause };
  }
  const name = errorName(error);
  const detail = `${name}: ${(error as { message?: string }).message ?? String(error)}`;
  if (name === 'SubscriptionRequiredException') {
    const reason = `${name}: the Support API needs a Business, Enterprise On-Ramp or Enterprise plan`;
    return { reason, detail, cause: 'no-support-plan' };
  }
  if (isThrottling(error)) {
    return {
      reason: `${name}: still throttled after ${context.maxAttempts} attempts`,
      detail,
      cause: 'throttled',
    };
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return {
      reason: `${name}: role ${context.role} may not call support:DescribeCases`,
      detail,
      cause: 'not-allowed',
    };
  }
  if (isWorthRetrying(error)) {
    return {
      reason: `${name}: still failing after ${context.maxAttempts} attempts`,
      detail,
      cause: 'unreachable',
    };
  }
  return { reason: detail, detail, cause: 'other' };
}

function errorName(error: unknown): string {
  return (error as { name?: string } | undefined)?.name ?? 'Error';
}
