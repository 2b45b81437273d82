import {
  DescribeProvisionedProductCommand,
  DescribeProvisioningArtifactCommand,
  DescribeRecordCommand,
  type ProvisionedProductAttribute,
  type ProvisionedProductDetail,
  type RecordDetail,
  SearchProvisionedProductsCommand,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { type EnrichmentGap, readOrGap } from './enrichment-gaps';

/** What Service Catalog says about a provisioned product and the operation that failed. */
export interface ServiceCatalogFacts {
  provisionedProductId: string;
  provisionedProductName?: string;
  provisionedProductStatus?: string;
  statusMessage?: string;
  productId?: string;
  productName?: string;
  artifactId?: string;
  versionName?: string;
  versionDescription?: string;
  /** Who launched it (IAM ARN) and the session name, when Service Catalog knows. */
  launchedBy?: string;
  launchedAt?: Date;
  record?: {
    id: string;
    type?: string;
    status?: string;
    createdAt?: Date;
    errors: { code: string; description: string }[];
  };
}

/**
 * DescribeProvisionedProduct, then SearchProvisionedProducts (product name, who), DescribeRecord (the operation
 * and its errors) and DescribeProvisioningArtifact (version name and description). Each failed call leaves a gap
 * and the rest still answer.
 */
export async function readServiceCatalog(
  serviceCatalog: ServiceCatalogClient,
  provisionedProductId: string,
  gaps: EnrichmentGap[],
): Promise<ServiceCatalogFacts> {
  const detail = await readOrGap(gaps, 'provisioned product', async () => {
    const out = await serviceCatalog.send(
      new DescribeProvisionedProductCommand({ Id: provisionedProductId }),
    );
    return out.ProvisionedProductDetail;
  });
  const [attributes, record] = await Promise.all([
    readOrGap(gaps, 'product name and who launched it', () =>
      searchById(serviceCatalog, provisionedProductId),
    ),
    detail?.LastRecordId
      ? readOrGap(gaps, 'provisioning record', async () => {
          const out = await serviceCatalog.send(new DescribeRecordCommand({ Id: detail.LastRecordId }));
          return out.RecordDetail;
        })
      : undefined,
  ]);
  const productId = detail?.ProductId ?? attributes?.ProductId ?? record?.ProductId;
  const artifactId =
    detail?.ProvisioningArtifactId ?? attributes?.ProvisioningArtifactId ?? record?.ProvisioningArtifactId;
  const artifact =
    productId && artifactId
      ? await readOrGap(gaps, 'version description', async () => {
          const out = await serviceCatalog.send(
            new DescribeProvisioningArtifactCommand({
              ProductId: productId,
              ProvisioningArtifactId: artifactId,
            }),
          );
          return out.ProvisioningArtifactDetail;
        })
      : undefined;
  return {
    ...fromDetail(provisionedProductId, detail, attributes, record),
    productId,
    artifactId,
    versionName: artifact?.Name ?? attributes?.ProvisioningArtifactName,
    versionDescription: artifact?.Description || undefined,
  };
}

async function searchById(
  serviceCatalog: ServiceCatalogClient,
  provisionedProductId: string,
): Promise<ProvisionedProductAttribute | undefined> {
  const out = await serviceCatalog.send(
    new SearchProvisionedProductsCommand({
      AccessLevelFilter: { Key: 'Account', Value: 'self' },
      Filters: { SearchQuery: [`id:${provisionedProductId}`] },
      PageSize: 5,
    }),
  );
  const found = out.ProvisionedProducts?.find((product) => product.Id === provisionedProductId);
  if (!found) throw new Error(`SearchProvisionedProducts did not return ${provisionedProductId}`);
  return found;
}

function fromDetail(
  id: string,
  detail: ProvisionedProductDetail | undefined,
  attributes: ProvisionedProductAttribute | undefined,
  record: RecordDetail | undefined,
): ServiceCatalogFacts {
  const who = attributes?.UserArn
    ? `${attributes.UserArn}${attributes.UserArnSession && !attributes.UserArn.endsWith(attributes.UserArnSession) ? ` (${attributes.UserArnSession})` : ''}`
    : undefined;
  return {
    provisionedProductId: id,
    provisionedProductName: detail?.Name ?? attributes?.Name ?? record?.ProvisionedProductName,
    provisionedProductStatus: detail?.Status ?? attributes?.Status,
    statusMessage: detail?.StatusMessage ?? attributes?.StatusMessage,
    productName: attributes?.ProductName,
    launchedBy: who,
    launchedAt: record?.CreatedTime ?? detail?.CreatedTime,
    record: record?.RecordId
      ? {
          id: record.RecordId,
          type: record.RecordType,
          status: record.Status,
          createdAt: record.CreatedTime,
          errors: (record.RecordErrors ?? []).map((error) => ({
            code: error.Code ?? 'Error',
            description: error.Description ?? '',
          })),
        }
      : undefined,
  };
}
