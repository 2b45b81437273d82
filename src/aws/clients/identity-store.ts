import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import type { ClientMaker } from '../member-clients';

export const identityStoreClients: ClientMaker<IdentitystoreClient> = {
  make: (base) => new IdentitystoreClient(base),
};
