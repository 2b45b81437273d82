import { AssumeRoleError } from '../aws/assume-role';

const THROTTLING = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttling',
  'RequestLimitExceeded',
]);

/** Why one account could not be read, in words an on-call engineer can act on. */
export function accountFailureReason(error: unknown, context: { role: string; maxAttempts: number }): string {
  if (error instanceof AssumeRoleError) return `cannot assume role ${context.role}: ${error.reason}`;
  const name = (error as { name?: string }).name ?? 'Error';
  const message = (error as { message?: string }).message ?? String(error);
  if (name === 'SubscriptionRequiredException') {
    return 'SubscriptionRequiredException: the Support API needs a Business, Enterprise On-Ramp or Enterprise plan';
  }
  if (THROTTLING.has(name)) return `${name}: still throttled after ${context.maxAttempts} attempts`;
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return `${name}: role ${context.role} may not call support:DescribeCases`;
  }
  return `${name}: ${message}`;
}
