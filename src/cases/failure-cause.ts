/**
 * Why an account's cases cannot be read, in the few kinds a person fixes differently. Reports and
 * `/aws-cases coverage` group the accounts by it, each group with its fix.
 */
export const FAILURE_CAUSES = [
  'no-support-plan',
  'role',
  'not-allowed',
  'throttled',
  'unreachable',
  'other',
] as const;
export type FailureCause = (typeof FAILURE_CAUSES)[number];

export interface CauseAdvice {
  /** What is wrong, in a few words. */
  label: string;
  /** What to do about it. */
  fix: string;
}

/** `role` is the cases role name (`roles.cases`), `maxAttempts` the attempts made before giving up. */
export function adviceFor(cause: FailureCause, context: { role: string; maxAttempts: number }): CauseAdvice {
  switch (cause) {
    case 'no-support-plan':
      return {
        label: 'No Business or Enterprise support plan',
        fix: 'the Support API needs Business, Enterprise On-Ramp or Enterprise Support: upgrade the plan, or leave these accounts out of `accounts` / the organization report',
      };
    case 'role':
      return {
        label: `Role ${context.role} missing or not trusting the bot`,
        fix: `deploy infra/cases-read-role.yaml to these accounts (StackSet) with the bot's function roles in TrustedRoleArns and the same ExternalId as organization.externalId`,
      };
    case 'not-allowed':
      return {
        label: `Role ${context.role} may not read cases`,
        fix: `give ${context.role} support:DescribeCases and support:DescribeCommunications (infra/cases-read-role.yaml does)`,
      };
    case 'throttled':
      return {
        label: `Throttled out (${context.maxAttempts} attempts)`,
        fix: 'run the report again later, or lower cases.concurrency if it keeps happening',
      };
    case 'unreachable':
      return {
        label: `AWS errors or timeouts (${context.maxAttempts} attempts)`,
        fix: 'run the report again later; the failures CSV has the errors',
      };
    default:
      return { label: 'Other errors', fix: "AWS's error for each account is in the failures CSV" };
  }
}
