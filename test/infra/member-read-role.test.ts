import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';

interface RoleTemplate {
  Parameters: Record<string, { Default?: unknown; AllowedPattern?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

const template = parseCloudFormation(
  readFileSync(join(import.meta.dirname, '../../infra/member-read-role.yaml'), 'utf8'),
) as RoleTemplate;
const role = template.Resources.ChatOpsReadRole;

describe('infra/member-read-role.yaml', () => {
  it('creates aws-chatops-read by default, the role name the config uses', () => {
    expect(template.Parameters.RoleName?.Default).toBe('aws-chatops-read');
    expect(role?.Properties.RoleName).toEqual({ Ref: 'RoleName' });
  });

  it("trusts only the bot's worker role, and only with the installation's ExternalId", () => {
    expect(role?.Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OnlyTheChatOpsWorker',
          Effect: 'Allow',
          Principal: { AWS: { Ref: 'BotRoleArn' } },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
        },
      ],
    });
  });

  it('grants no permissions (GetCallerIdentity needs none)', () => {
    expect(role?.Properties.Policies).toBeUndefined();
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    expect(Object.values(template.Resources).map((r) => r.Type)).toEqual(['AWS::IAM::Role']);
  });

  it.each([
    ['arn:aws:iam::123456789012:role/aws-chatops-prod-slackWorker-us-east-1-lambdaRole', true],
    ['arn:aws-us-gov:iam::123456789012:role/path/name', true],
    ['arn:aws:iam::123456789012:root', false],
    ['*', false],
    ['arn:aws:iam::*:role/x', false],
  ])('accepts only a role ARN as BotRoleArn: %s → %s', (arn, accepted) => {
    const pattern = new RegExp(template.Parameters.BotRoleArn?.AllowedPattern ?? '');

    expect(pattern.test(arn)).toBe(accepted);
  });
});
