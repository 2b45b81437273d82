import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { ClientMaker } from '../member-clients';

export const cloudTrailClients: ClientMaker<CloudTrailClient> = {
  make: (base) => new CloudTrailClient(base),
};
