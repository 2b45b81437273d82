import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { ClientMaker } from '../member-clients';
import { ENRICH_MAX_ATTEMPTS } from './enrich-attempts';

/** Throttled reads retried (SDK standard retry) before the catalog alert shows a gap. */
export const serviceCatalogClients: ClientMaker<ServiceCatalogClient> = {
  make: (base) => new ServiceCatalogClient({ ...base, maxAttempts: ENRICH_MAX_ATTEMPTS }),
};
