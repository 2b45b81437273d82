import { STSClient } from '@aws-sdk/client-sts';
import type { ClientMaker } from '../member-clients';

export const stsClients: ClientMaker<STSClient> = { make: (base) => new STSClient(base) };
