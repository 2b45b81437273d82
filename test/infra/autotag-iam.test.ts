import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTOTAG_DEFAULTS } from '../../src/autotag/config-schema';
import { parseCloudFormation } from '../support/cloudformation-yaml';

interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const serverless = parseCloudFormation(
  readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
) as {
  custom: { autotagTagKeys: Record<string, string> };
  functions: Record<string, { iamRoleStatements: Statement[] }>;
};
const tagging = parseCloudFormation(
  readFileSync(join(import.meta.dirname, '../../infra/autotag-tagging-role.yaml'), 'utf8'),
) as {
  Parameters: { TagKeys: { Default: string } };
  Resources: {
    TaggingRole: { Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] } };
  };
};

const statementsOf = (fn: string, action: string) =>
  (serverless.functions[fn]?.iamRoleStatements ?? []).filter((s) => s.Action.includes(action));
/** A serverless variable as written in serverless.yml, e.g. `${self:custom.autotagRoleArns}`. */
const slsVar = (path: string) => `\${self:custom.${path}}`;
const tagKeysVar = (key: string) => slsVar(`autotagTagKeys.${key}`);

/**
 * DescribeUser needs both resource types (Service Authorization Reference, AWS Identity Store: `Identitystore`
 * `arn:${Partition}:identitystore::${Account}:identitystore/${IdentityStoreId}`, `User`
 * `arn:${Partition}:identitystore:::user/${UserId}`): the identity stores of the account the role is in, and
 * their users (user ARNs name no account or store).
 */
const IDENTITY_CENTER_USERS = [
  { 'Fn::Sub': 'arn:${AWS::Partition}:identitystore::${AWS::AccountId}:identitystore/*' },
  { 'Fn::Sub': 'arn:${AWS::Partition}:identitystore:::user/*' },
];

describe('auto-tagging IAM in serverless.yml and infra/autotag-tagging-role.yaml', () => {
  it('lets the Slack worker (which runs retags) write only the owner tag and assume the tagging role', () => {
    const createTags = statementsOf('slackWorker', 'ec2:CreateTags');
    const assume = statementsOf('slackWorker', 'sts:AssumeRole').map((s) => s.Resource);

    expect(createTags).toEqual([
      {
        Effect: 'Allow',
        Action: ['ec2:CreateTags'],
        Resource: slsVar('autotagOwnResources'),
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [tagKeysVar('owner')] } },
      },
    ]);
    expect(assume).toContain(slsVar('autotagRoleArns'));
  });

  it("lets the Slack worker name Identity Center users in a backfill, as autotagEvent does: users of the account's identity store only", () => {
    for (const fn of ['slackWorker', 'autotagEvent', 'autotagRetry']) {
      expect(statementsOf(fn, 'identitystore:DescribeUser'), fn).toEqual([
        { Effect: 'Allow', Action: ['identitystore:DescribeUser'], Resource: IDENTITY_CENTER_USERS },
      ]);
    }
  });

  it("lets a member account's tagging role name users of that account's identity store only, in a statement of its own", () => {
    const statements = tagging.Resources.TaggingRole.Properties.Policies.flatMap(
      (policy) => policy.PolicyDocument.Statement,
    );
    const describeUser = statements.filter((s) => [s.Action].flat().includes('identitystore:DescribeUser'));

    expect(describeUser).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['identitystore:DescribeUser'],
        Resource: IDENTITY_CENTER_USERS,
      }),
    ]);
  });

  it('gives no tagging rights to functions that do not tag', () => {
    for (const fn of ['slackHttp', 'catalogEvent', 'casesSchedule', 'healthEvent']) {
      expect(statementsOf(fn, 'ec2:CreateTags'), fn).toEqual([]);
      const assumed = statementsOf(fn, 'sts:AssumeRole').map((s) => s.Resource);
      expect(assumed, fn).not.toContain(slsVar('autotagRoleArns'));
    }
  });

  it('lets autotagEvent write only the configured tag keys', () => {
    const [createTags, ...more] = statementsOf('autotagEvent', 'ec2:CreateTags');

    expect(more).toEqual([]);
    expect(createTags?.Condition).toEqual({
      'ForAllValues:StringEquals': {
        'aws:TagKeys': Object.keys(AUTOTAG_DEFAULTS.tagKeys).map(tagKeysVar),
      },
    });
  });

  it('defaults the deploy-time tag keys and the tagging role to the config defaults', () => {
    const deployDefaults = Object.fromEntries(
      Object.entries(serverless.custom.autotagTagKeys).map(([key, value]) => [
        key,
        /, '([^']+)'\}$/.exec(value)?.[1],
      ]),
    );

    expect(deployDefaults).toEqual(AUTOTAG_DEFAULTS.tagKeys);
    expect(tagging.Parameters.TagKeys.Default.split(',')).toEqual(Object.values(AUTOTAG_DEFAULTS.tagKeys));
  });
});
