import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';
import { signedBy, toXml } from './aws-xml';
import { catalogFixture } from './catalog-fixtures';

type Answers = Record<string, Record<string, unknown>>;

/** ISO times in `*Time` fields as the JSON protocols carry timestamps: epoch seconds. */
function epochTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(epochTimes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      typeof inner === 'string' && key.endsWith('Time') ? Date.parse(inner) / 1000 : epochTimes(inner),
    ]),
  );
}

/**
 * A member account's Service Catalog (JSON 1.1) and CloudFormation (query protocol) on one loopback server, for
 * AWS_ENDPOINT_URL_SERVICE_CATALOG and AWS_ENDPOINT_URL_CLOUDFORMATION. Answers come from
 * test/fixtures/catalog/member-account-answers.json; each call is recorded with the account and region it was
 * signed for.
 */
export class CatalogMemberStandIn extends LoopbackStandIn {
  constructor() {
    super('Service Catalog / CloudFormation');
  }
  readonly calls: { operation: string; account: string; region: string }[] = [];
  private readonly answers = catalogFixture<Answers>('member-account-answers');

  protected handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target ? (target.split('.')[1] ?? '') : (new URLSearchParams(body).get('Action') ?? '');
    this.calls.push({ operation, ...signedBy(req.headers.authorization) });
    const answer = this.answers[operation.charAt(0).toLowerCase() + operation.slice(1)];
    if (target) {
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (!answer) {
        res.statusCode = 400;
        return void res.end(JSON.stringify({ __type: 'InvalidParametersException', message: operation }));
      }
      return void res.end(JSON.stringify(epochTimes(answer)));
    }
    res.setHeader('content-type', 'text/xml');
    if (!answer) {
      res.statusCode = 400;
      return void res.end(
        `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>${operation}</Message></Error></ErrorResponse>`,
      );
    }
    res.end(
      `<${operation}Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><${operation}Result>${toXml(answer, 'member')}</${operation}Result><ResponseMetadata><RequestId>r-local</RequestId></ResponseMetadata></${operation}Response>`,
    );
  }
}
