import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';

interface Statement {
  Action: string[];
  Resource: unknown;
}

const serverless = parseCloudFormation(
  readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
) as { functions: Record<string, { iamRoleStatements: Statement[] }> };

/** `Action Resource` pairs of a function's role, `${self:custom.x}` written `custom.x`. */
const grants = (fn: string) =>
  (serverless.functions[fn]?.iamRoleStatements ?? []).flatMap((s) =>
    s.Action.map(
      (action) =>
        `${action} ${JSON.stringify(s.Resource).replace(/\$\{self:custom\.([^}]+)\}/g, 'custom.$1')}`,
    ),
  );

describe('the catalogEvent function role in serverless.yml', () => {
  it('may only use the state table, the bot token, the catalog roles, reads of its own stacks, account names and membership, and the failure queue', () => {
    expect(grants('catalogEvent')).toEqual([
      'ssm:GetParameter "custom.ssmSecretsArn"',
      'dynamodb:PutItem {"Fn::GetAtt":["StateTable","Arn"]}',
      'dynamodb:GetItem {"Fn::GetAtt":["StateTable","Arn"]}',
      'dynamodb:DeleteItem {"Fn::GetAtt":["StateTable","Arn"]}',
      'dynamodb:Query {"Fn::GetAtt":["StateTable","Arn"]}',
      'sts:AssumeRole "custom.catalogRoleArns"',
      'cloudformation:DescribeStackEvents {"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":cloudformation:*:",{"Ref":"AWS::AccountId"},":stack/*"]]}',
      'servicecatalog:DescribeProvisionedProduct "*"',
      'servicecatalog:SearchProvisionedProducts "*"',
      'servicecatalog:DescribeRecord "*"',
      'servicecatalog:DescribeProvisioningArtifact "*"',
      'organizations:DescribeAccount "*"',
      'organizations:ListAccounts "*"',
      'sqs:SendMessage {"Fn::GetAtt":["FailedEventsQueue","Arn"]}',
    ]);
  });

  it('leaves the retag grants (EC2 tags, the tagging role) to the worker that runs retag jobs', () => {
    expect(grants('slackWorker')).toEqual(
      expect.arrayContaining([
        'ec2:CreateTags "custom.autotagOwnResources"',
        'sts:AssumeRole "custom.autotagRoleArns"',
      ]),
    );
  });
});
