import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackStandIn } from './http-server';

/**
 * AWS STS on loopback (query protocol), for AWS_ENDPOINT_URL_STS. The bot's own identity is `botArn`;
 * AssumeRole hands out keys `ASIA<account>` and GetCallerIdentity made with those keys answers as the assumed
 * role. Roles listed in `deniedRoles` answer AccessDenied; `throttleFirst` throttles the first N AssumeRole calls of a
 * role (STS's `Throttling`, HTTP 400). `delayMs` makes every call slow (benchmarks).
 */
export class StsStandIn extends LoopbackStandIn {
  readonly assumed: string[] = [];
  deniedRoles = new Set<string>();
  readonly throttleFirst = new Map<string, number>();
  delayMs = 0;

  constructor(readonly botArn = 'arn:aws:iam::999999999999:role/aws-chatops-dev-slackWorker') {
    super('STS');
  }

  protected async handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const form = new URLSearchParams(body);
    const action = form.get('Action');
    res.setHeader('content-type', 'text/xml');
    if (action === 'AssumeRole') {
      const roleArn = form.get('RoleArn') ?? '';
      const throttles = this.throttleFirst.get(roleArn) ?? 0;
      if (throttles > 0) {
        this.throttleFirst.set(roleArn, throttles - 1);
        res.statusCode = 400;
        return void res.end(errorXml('Throttling', 'Rate exceeded'));
      }
      if (this.deniedRoles.has(roleArn)) {
        res.statusCode = 403;
        return void res.end(
          errorXml(
            'AccessDenied',
            `User: ${this.botArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          ),
        );
      }
      this.assumed.push(roleArn);
      const account = roleArn.split(':')[4] ?? '000000000000';
      const expiration = new Date(Date.now() + 3600_000).toISOString();
      return void res.end(
        `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:${form.get('RoleSessionName')}</AssumedRoleId><Arn>${roleArn}</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>`,
      );
    }
    if (action === 'GetCallerIdentity') {
      const key = /Credential=(\w+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      const assumedAccount = /^ASIA(\d{12})$/.exec(key)?.[1];
      const [account, arn] = assumedAccount
        ? [assumedAccount, `arn:aws:sts::${assumedAccount}:assumed-role/aws-chatops-read/aws-chatops-worker`]
        : [this.botArn.split(':')[4] ?? '', this.botArn];
      return void res.end(
        `<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AROAEXAMPLE:aws-chatops</UserId><Account>${account}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
      );
    }
    res.statusCode = 400;
    res.end(errorXml('InvalidAction', `${action} is not played by the stand-in`));
  }
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`;
}
