import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CloudFormationClient,
  DescribeStackEventsCommand,
  type DescribeStackEventsCommandOutput,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeProvisionedProductCommand,
  DescribeProvisioningArtifactCommand,
  DescribeRecordCommand,
  SearchProvisionedProductsCommand,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import type { AwsClientStub } from 'aws-sdk-client-mock';

const DIR = resolve(__dirname, '../fixtures/catalog');

/** A fixture from test/fixtures/catalog, parsed fresh on every call (tests may change it). */
export function catalogFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8')) as T;
}

/** The same fixture with every occurrence of `from` replaced (e.g. another client request token). */
export function catalogFixtureWith<T = Record<string, unknown>>(name: string, from: string, to: string): T {
  return JSON.parse(readFileSync(resolve(DIR, `${name}.json`), 'utf8').replaceAll(from, to)) as T;
}

/** AWS SDK answers carry Dates; JSON fixtures carry ISO strings in `*Time` and `Timestamp` fields. */
export function withDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withDates) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      typeof inner === 'string' && /(Time|^Timestamp)$/.test(key) ? new Date(inner) : withDates(inner),
    ]),
  ) as T;
}

export const ROLLBACK_TOKEN = 'a3f0c7e2-5b1d-4c8e-9f26-1d7b3e8a4c51';
export const PAYMENTS_STACK_ID =
  'arn:aws:cloudformation:eu-west-1:222222222222:stack/SC-222222222222-pp-7fzq2lmd4xk3e/4b1c5e70-1f0a-11ef-9a1b-0a3c4d5e6f70';

/** Member-account Service Catalog / CloudFormation calls answer as member-account-answers.json says. */
export function answerMemberCallsFromFixtures(
  serviceCatalog: AwsClientStub<ServiceCatalogClient>,
  cloudFormation: AwsClientStub<CloudFormationClient>,
): void {
  const answers = withDates(catalogFixture<Record<string, object>>('member-account-answers'));
  serviceCatalog.reset();
  cloudFormation.reset();
  serviceCatalog.on(DescribeProvisionedProductCommand).resolves(answers.describeProvisionedProduct ?? {});
  serviceCatalog.on(SearchProvisionedProductsCommand).resolves(answers.searchProvisionedProducts ?? {});
  serviceCatalog.on(DescribeProvisioningArtifactCommand).resolves(answers.describeProvisioningArtifact ?? {});
  serviceCatalog.on(DescribeRecordCommand).resolves(answers.describeRecord ?? {});
  cloudFormation
    .on(DescribeStackEventsCommand)
    .resolves((answers.describeStackEvents ?? {}) as DescribeStackEventsCommandOutput);
}
