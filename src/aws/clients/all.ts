import type { ClientMakers } from '../member-clients';
import { cloudFormationClients } from './cloudformation';
import { cloudTrailClients } from './cloudtrail';
import { ec2Clients } from './ec2';
import { identityStoreClients } from './identity-store';
import { s3Clients } from './s3';
import { serviceCatalogClients } from './service-catalog';
import { stsClients } from './sts';
import { type SupportClientsOptions, supportClients } from './support';
import { taggingApiClients } from './tagging-api';

/** Every service's maker: for the worker (it runs every feature's jobs) and tests; a function that needs fewer passes fewer. */
export function allClientMakers(options: SupportClientsOptions) {
  return {
    ec2: ec2Clients,
    s3: s3Clients,
    sts: stsClients,
    serviceCatalog: serviceCatalogClients,
    cloudFormation: cloudFormationClients,
    support: supportClients(options),
    taggingApi: taggingApiClients,
    cloudTrail: cloudTrailClients,
    identityStore: identityStoreClients,
  } satisfies ClientMakers;
}
