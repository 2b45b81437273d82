import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from '../../src/local/http-server';

/**
 * AWS Systems Manager Parameter Store on loopback (JSON 1.1), for AWS_ENDPOINT_URL_SSM: GetParameter answers the
 * SecureStrings in `parameters` (decrypted when asked), ParameterNotFound otherwise. Names asked are recorded.
 */
export class SsmStandIn extends LoopbackStandIn {
  constructor() {
    super('SSM');
  }
  readonly parameters = new Map<string, string>();
  readonly asked: string[] = [];

  /**
   * Keeps the secrets in SSM and answers the environment that passes them by reference, as serverless.yml does:
   * `<NAME>_PARAM` naming the parameter, the plain variable emptied, the SDK pointed at this stand-in.
   */
  secretsByReference(secrets: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = { AWS_ENDPOINT_URL_SSM: this.url };
    for (const [name, value] of Object.entries(secrets)) {
      const parameter = `/aws-chatops/test/${name.toLowerCase().replaceAll('_', '-')}`;
      this.parameters.set(parameter, value);
      Object.assign(env, { [name]: '', [`${name}_PARAM`]: parameter });
    }
    return env;
  }

  protected handle(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const body = JSON.parse(raw || '{}') as { Name?: string; WithDecryption?: boolean };
    const name = body.Name ?? '';
    this.asked.push(name);
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    const value = this.parameters.get(name);
    if (req.headers['x-amz-target'] !== 'AmazonSSM.GetParameter' || value === undefined) {
      res.statusCode = 400;
      return void res.end(JSON.stringify({ __type: 'ParameterNotFound', message: name }));
    }
    res.end(
      JSON.stringify({
        Parameter: {
          Name: name,
          Type: 'SecureString',
          Value: body.WithDecryption ? value : 'AQICAHencrypted',
          Version: 1,
          LastModifiedDate: 1717400000,
          ARN: `arn:aws:ssm:us-east-1:999999999999:parameter${name}`,
          DataType: 'text',
        },
      }),
    );
  }
}
