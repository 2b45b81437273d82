import { AssumeRoleError } from '../aws/assume-role';
import { InstancesNotFoundError } from './ec2-inventory';

/** AWS answers that a retry will not change: reported in the notice instead of retried. */
const PERMANENT = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'AuthFailure',
  'InvalidClientTokenId',
  'OptInRequired',
  'InvalidParameterValue',
  'InvalidVolume.NotFound',
  'InvalidNetworkInterfaceID.NotFound',
]);

/** A sentence for a person when `error` will not go away by retrying; undefined for transient errors. */
export function permanentProblem(error: unknown): string | undefined {
  if (error instanceof AssumeRoleError) return `Could not reach the account: ${error.message}`;
  if (error instanceof InstancesNotFoundError) return error.message;
  const name = (error as { name?: string }).name ?? '';
  if (PERMANENT.has(name)) return `EC2 refused (${name}): ${(error as Error).message}`;
  return undefined;
}
