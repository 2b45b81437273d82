import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';
import { findSecrets, findWildcardActions } from './template-checks';

const role = (statements: unknown[]) => ({
  Resources: {
    WorkerRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    },
  },
});
const fn = (variables: Record<string, unknown>) => ({
  Resources: {
    Worker: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: variables } } },
  },
});

describe('findWildcardActions', () => {
  it.each([
    ['"*"', { Effect: 'Allow', Action: '*', Resource: '*' }],
    ['"*:*" in a list', { Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: '*' }],
  ])('reports a statement allowing %s with its path', (_label, statement) => {
    expect(
      findWildcardActions(role([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }, statement])),
    ).toEqual(['Resources.WorkerRole.Properties.Policies[0].PolicyDocument.Statement[1]: allows Action "*"']);
  });

  it('reports a wildcard hidden in a conditional statement of a YAML template', () => {
    const template = parseCloudFormation(`
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - !If
            - Admin
            - { Effect: Allow, Action: "*", Resource: "*" }
            - !Ref AWS::NoValue
`);

    expect(findWildcardActions(template)).toEqual([
      'Resources.Policy.Properties.PolicyDocument.Statement[0].Fn::If[1]: allows Action "*"',
    ]);
  });

  it('reports an Allow with NotAction', () => {
    expect(findWildcardActions(role([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]))).toHaveLength(
      1,
    );
  });

  it('accepts narrow actions and a Deny of everything', () => {
    const template = role([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        Resource: 'arn:aws:dynamodb:::table/x',
      },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } },
    ]);

    expect(findWildcardActions(template)).toEqual([]);
  });
});

describe('findSecrets', () => {
  it.each([
    ['a Slack bot token', 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['a Slack user token', 'xoxp-1234567890-1234567890123-AbCdEfGhIjKl'],
    ['an Airtable personal access token', `patAbCdEfGhIjKlMn.${'0123456789abcdef'.repeat(4)}`],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
  ])('finds %s anywhere in the template', (_label, secret) => {
    const template = {
      Resources: { Q: { Properties: { Tags: [{ Key: 'note', Value: `token ${secret} here` }] } } },
    };

    expect(findSecrets(template)).toEqual([
      expect.stringMatching(/^Resources\.Q\.Properties\.Tags\[0\]\.Value: holds a /),
    ]);
  });

  it.each(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'AIRTABLE_TOKEN'])(
    'refuses %s passed by value',
    (name) => {
      expect(findSecrets(fn({ [name]: 'anything' }))).toEqual([
        `Resources.Worker.Properties.Environment.Variables.${name}: a secret passed by value; pass ${name}_PARAM (an SSM parameter name)`,
      ]);
    },
  );

  it('accepts secrets passed by SSM parameter name', () => {
    const template = fn({
      SLACK_BOT_TOKEN_PARAM: '/aws-chatops/prod/slack-bot-token',
      SLACK_SIGNING_SECRET_PARAM: '/aws-chatops/prod/slack-signing-secret',
      AIRTABLE_TOKEN_PARAM: '/aws-chatops/prod/airtable-token',
      STATE_TABLE: { Ref: 'StateTable' },
    });

    expect(findSecrets(template)).toEqual([]);
  });
});

describe('the templates in infra/', () => {
  it('pass both checks', () => {
    const template = parseCloudFormation(
      readFileSync(join(import.meta.dirname, '../../infra/member-read-role.yaml'), 'utf8'),
    );

    expect([...findWildcardActions(template), ...findSecrets(template)]).toEqual([]);
  });
});
