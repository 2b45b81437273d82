import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { ClientMaker } from '../member-clients';
import { ENRICH_MAX_ATTEMPTS } from './enrich-attempts';

/** Throttled reads retried (SDK standard retry) before the catalog alert shows a gap. */
export const cloudFormationClients: ClientMaker<CloudFormationClient> = {
  make: (base) => new CloudFormationClient({ ...base, maxAttempts: ENRICH_MAX_ATTEMPTS }),
};
