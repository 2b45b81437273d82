import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SignedCall, signedBy } from './aws-wire';
import { LoopbackStandIn } from './http-server';

/** The four read answers of one provisioned product, as the SDK returns them (dates as ISO strings). */
export interface ServiceCatalogAnswers {
  describeProvisionedProduct: { ProvisionedProductDetail: { Id: string } & Record<string, unknown> };
  searchProvisionedProducts: Record<string, unknown>;
  describeRecord: { RecordDetail: { RecordId: string } & Record<string, unknown> };
  describeProvisioningArtifact: Record<string, unknown>;
}

const TARGET_PREFIX = 'AWS242ServiceCatalogService.';

/**
 * AWS Service Catalog on loopback (JSON 1.1 protocol), for AWS_ENDPOINT_URL_SERVICE_CATALOG: the reads a catalog
 * failure alert makes, answered from `products` (one entry per provisioned product). Dates go on the wire as
 * epoch seconds, as Service Catalog sends them. Each call is recorded in `calls` with the account and region it
 * was signed for.
 */
export class ServiceCatalogStandIn extends LoopbackStandIn {
  constructor() {
    super('Service Catalog');
  }

  readonly products: ServiceCatalogAnswers[] = [];
  readonly calls: SignedCall[] = [];

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const operation = String(req.headers['x-amz-target'] ?? '').replace(TARGET_PREFIX, '');
    this.calls.push({ operation, ...signedBy(req) });
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    const answer = this.answer(operation, body);
    if (!answer)
      return void notFound(res, `${operation} ${JSON.stringify(body)}: nothing like that in the demo`);
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    res.end(JSON.stringify(answer, (_key, value) => (isIsoDate(value) ? Date.parse(value) / 1000 : value)));
  }

  private answer(operation: string, body: Record<string, unknown>): unknown {
    const byProduct = (id: unknown) =>
      this.products.find((p) => p.describeProvisionedProduct.ProvisionedProductDetail.Id === id);
    switch (operation) {
      case 'DescribeProvisionedProduct':
        return byProduct(body.Id)?.describeProvisionedProduct;
      case 'DescribeRecord':
        return this.products.find((p) => p.describeRecord.RecordDetail.RecordId === body.Id)?.describeRecord;
      case 'DescribeProvisioningArtifact':
        return this.products[0]?.describeProvisioningArtifact;
      case 'SearchProvisionedProducts': {
        const filter = JSON.stringify(body.Filters ?? {});
        return (
          this.products.find((p) => filter.includes(p.describeProvisionedProduct.ProvisionedProductDetail.Id))
            ?.searchProvisionedProducts ?? { ProvisionedProducts: [], TotalResultsCount: 0 }
        );
      }
      default:
        return undefined;
    }
  }
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value);
}

function notFound(res: ServerResponse, message: string): void {
  res.statusCode = 400;
  res.setHeader('content-type', 'application/x-amz-json-1.1');
  res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message }));
}
