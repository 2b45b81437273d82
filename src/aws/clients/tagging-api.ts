import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import type { ClientMaker } from '../member-clients';

export const taggingApiClients: ClientMaker<ResourceGroupsTaggingAPIClient> = {
  make: (base) => new ResourceGroupsTaggingAPIClient(base),
};
