import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

/** Client classes keep their names in the bundles (`keepNames`), so a bundle holding a client names it. */
const CLIENTS = [
  'EC2Client',
  'S3Client',
  'SupportClient',
  'ServiceCatalogClient',
  'CloudFormationClient',
  'ResourceGroupsTaggingAPIClient',
  'CloudTrailClient',
  'IdentitystoreClient',
] as const;

/** The member-account clients each event function calls; any other one is dead weight in its cold start. */
const EXPECTED: Record<string, readonly (typeof CLIENTS)[number][]> = {
  autotagEvent: ['EC2Client', 'ResourceGroupsTaggingAPIClient', 'IdentitystoreClient'],
  autotagRetry: ['EC2Client', 'ResourceGroupsTaggingAPIClient', 'IdentitystoreClient'],
  catalogEvent: ['ServiceCatalogClient', 'CloudFormationClient'],
  casesSchedule: ['SupportClient'],
  supportCaseEvent: ['SupportClient'],
  healthEvent: [],
  slackHttp: [],
};

describe('the bundles hold only the AWS SDK clients their function calls', () => {
  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const file = inject('bundles').files[name];
    if (!file) throw new Error(`no bundle for ${name}`);
    const code = readFileSync(file, 'utf8');

    const held = CLIENTS.filter((client) => code.includes(`"${client}"`));

    expect(held.sort()).toEqual([...expected].sort());
  });
});
