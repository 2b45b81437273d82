import { ec2Clients } from '../aws/clients/ec2';
import { identityStoreClients } from '../aws/clients/identity-store';
import { taggingApiClients } from '../aws/clients/tagging-api';
import type { ClientMakers } from '../aws/member-clients';

/** What autotagEvent and autotagRetry reach: EC2's own tag call, the Tagging API, Identity Center names. */
export const AUTOTAG_CLIENT_MAKERS = {
  ec2: ec2Clients,
  taggingApi: taggingApiClients,
  identityStore: identityStoreClients,
} satisfies ClientMakers;
