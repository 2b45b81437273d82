import { type LocalServer, startServer } from './http-server';

/**
 * AWS Systems Manager Parameter Store on loopback (JSON 1.1), for AWS_ENDPOINT_URL_SSM: GetParameter answers the
 * SecureStrings in `parameters` (decrypted when asked), ParameterNotFound otherwise. Names asked are recorded.
 */
export class SsmStandIn {
  readonly parameters = new Map<string, string>();
  readonly asked: string[] = [];
  private server: LocalServer | undefined;

  get url(): string {
    if (!this.server) throw new Error('SSM stand-in not started');
    return this.server.url;
  }

  async start(): Promise<this> {
    this.server = await startServer((req, raw, res) => {
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
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
