import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';
import {
  failureQueueOf,
  findAssumeRoleOutsideOrganization,
  findFailureQueueGaps,
  findOptionalExternalId,
  findSecrets,
  findUnthrottledPublicEndpoints,
  findWildcardActions,
} from './template-checks';

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

describe('findAssumeRoleOutsideOrganization', () => {
  it('reports an AssumeRole allowed without an organisation condition', () => {
    expect(
      findAssumeRoleOutsideOrganization(
        role([
          { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: 'arn:aws:iam::*:role/aws-chatops-read' },
        ]),
      ),
    ).toEqual([
      'Resources.WorkerRole.Properties.Policies[0].PolicyDocument.Statement[0]: allows sts:AssumeRole outside the organisation (no StringEquals aws:ResourceOrgID)',
    ]);
  });

  it('reports an empty organisation id', () => {
    const statement = {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceOrgID': '' } },
    };
    expect(findAssumeRoleOutsideOrganization(role([statement]))).toHaveLength(1);
  });

  it('accepts AssumeRole limited to an organisation, and trust policies (they name a principal)', () => {
    const limited = {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-a1b2c3d4e5' } },
    };
    const trust = {
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    };
    expect(findAssumeRoleOutsideOrganization(role([limited, trust]))).toEqual([]);
  });
});

describe('findOptionalExternalId', () => {
  const trustTemplate = (condition: object, parameter: Record<string, unknown>) => ({
    Parameters: { ExternalId: { Type: 'String', ...parameter } },
    Resources: {
      MemberRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::111111111111:role/bot' },
                Action: 'sts:AssumeRole',
                ...condition,
              },
            ],
          },
        },
      },
    },
  });
  const required = { Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } } };

  it('reports a trust policy that requires no ExternalId', () => {
    expect(findOptionalExternalId(trustTemplate({}, { MinLength: 16 }))).toEqual([
      'Resources.MemberRole.Properties.AssumeRolePolicyDocument.Statement[0]: lets an AWS principal assume the role without sts:ExternalId',
    ]);
  });

  it('reports an ExternalId required only when one is given (Fn::If)', () => {
    const optional = {
      Condition: { 'Fn::If': ['HasExternalId', required.Condition, { Ref: 'AWS::NoValue' }] },
    };
    expect(findOptionalExternalId(trustTemplate(optional, { Default: '' }))).toHaveLength(1);
  });

  it('reports an ExternalId parameter with a default or shorter than 16 characters', () => {
    expect(
      findOptionalExternalId(trustTemplate(required, { Default: 'x'.repeat(20), MinLength: 16 })),
    ).toEqual(['Parameters.ExternalId: has a default (every installation must generate its own)']);
    expect(findOptionalExternalId(trustTemplate(required, {}))).toEqual([
      'Parameters.ExternalId: MinLength must be at least 16',
    ]);
  });

  it('accepts a required, generated ExternalId', () => {
    expect(findOptionalExternalId(trustTemplate(required, { MinLength: 16 }))).toEqual([]);
  });
});

describe('findUnthrottledPublicEndpoints (issue 11.16)', () => {
  /** The shape `serverless package` generates for an httpApi event. */
  const httpApi = (fnProperties: Record<string, unknown>, routeSettings?: Record<string, unknown>) => ({
    Resources: {
      SlackHttpLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: fnProperties },
      HttpApiStage: {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          StageName: '$default',
          ...(routeSettings ? { DefaultRouteSettings: routeSettings } : {}),
        },
      },
      HttpApiIntegrationSlackHttp: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { IntegrationUri: { 'Fn::GetAtt': ['SlackHttpLambdaFunction', 'Arn'] } },
      },
    },
  });

  it('reports an HTTP API function without reserved concurrency and a stage without throttling', () => {
    expect(findUnthrottledPublicEndpoints(httpApi({}, { DetailedMetricsEnabled: false }))).toEqual([
      'Resources.HttpApiStage: the API stage has no DefaultRouteSettings.ThrottlingRateLimit',
      'Resources.HttpApiStage: the API stage has no DefaultRouteSettings.ThrottlingBurstLimit',
      'Resources.SlackHttpLambdaFunction: serves an HTTP API (HttpApiIntegrationSlackHttp) without ReservedConcurrentExecutions',
    ]);
  });

  it('accepts a throttled stage in front of a function with reserved concurrency', () => {
    const template = httpApi(
      { ReservedConcurrentExecutions: 25 },
      { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
    );

    expect(findUnthrottledPublicEndpoints(template)).toEqual([]);
  });

  it('serverless.yml gives slackHttp reserved concurrency and throttles the HTTP API stage', () => {
    const service = parseCloudFormation(
      readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
    ) as {
      functions: Record<string, { reservedConcurrency?: unknown; events?: { httpApi?: unknown }[] }>;
      resources: {
        Resources: Record<string, { Properties?: { DefaultRouteSettings?: Record<string, unknown> } }>;
      };
    };
    const httpFunctions = Object.entries(service.functions).filter(([, fn]) =>
      (fn.events ?? []).some((event) => event.httpApi !== undefined),
    );

    expect(httpFunctions.map(([name]) => name)).toContain('slackHttp');
    for (const [, fn] of httpFunctions) expect(fn.reservedConcurrency).toEqual(expect.any(Number));
    expect(service.resources.Resources.HttpApiStage?.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
  });
});

describe('the templates in infra/ and the functions of serverless.yml', () => {
  const infra = join(import.meta.dirname, '../../infra');
  const templates = readdirSync(infra).filter((file) => file.endsWith('.yaml') && !file.includes('manifest'));

  it.each(templates)('infra/%s passes every check', (file) => {
    const template = parseCloudFormation(readFileSync(join(infra, file), 'utf8'));

    expect([
      ...findWildcardActions(template),
      ...findSecrets(template),
      ...findAssumeRoleOutsideOrganization(template),
      ...findOptionalExternalId(template),
    ]).toEqual([]);
  });

  it('serverless.yml lets no function assume a role outside the organisation', () => {
    const service = parseCloudFormation(
      readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
    );

    expect(findAssumeRoleOutsideOrganization(service)).toEqual([]);
  });
});

describe('findFailureQueueGaps (issue 12: one bad-input policy)', () => {
  const queueArn = { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] };
  const service = (fn: Record<string, unknown>) => ({
    functions: {
      eventFn: {
        destinations: { onFailure: { type: 'sqs', arn: queueArn } },
        environment: { FAILED_EVENTS_QUEUE_URL: { Ref: 'FailedEventsQueue' } },
        iamRoleStatements: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queueArn }],
        ...fn,
      },
    },
  });

  it('accepts a function that sends to its own on-failure queue only', () => {
    expect(findFailureQueueGaps(service({}))).toEqual([]);
  });

  it('reports a function with an on-failure queue but no FAILED_EVENTS_QUEUE_URL', () => {
    expect(findFailureQueueGaps(service({ environment: {} }))).toEqual([
      'functions.eventFn.environment.FAILED_EVENTS_QUEUE_URL: must be !Ref FailedEventsQueue',
    ]);
  });

  it('reports a function that may not send to its on-failure queue', () => {
    expect(findFailureQueueGaps(service({ iamRoleStatements: [] }))).toEqual([
      'functions.eventFn: may not sqs:SendMessage to FailedEventsQueue',
    ]);
  });

  it('accepts sending to a queue the function is handed in its environment, and no other', () => {
    const retryArn = { 'Fn::GetAtt': ['RetryQueue', 'Arn'] };
    const otherArn = { 'Fn::GetAtt': ['OtherQueue', 'Arn'] };
    const environment = {
      FAILED_EVENTS_QUEUE_URL: { Ref: 'FailedEventsQueue' },
      RETRY_QUEUE_URL: { Ref: 'RetryQueue' },
    };
    const sendTo = (arn: unknown) => [
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queueArn },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: arn },
    ];

    expect(findFailureQueueGaps(service({ environment, iamRoleStatements: sendTo(retryArn) }))).toEqual([]);
    expect(findFailureQueueGaps(service({ environment, iamRoleStatements: sendTo(otherArn) }))).toEqual([
      'functions.eventFn: sqs:SendMessage allowed on more than FailedEventsQueue',
    ]);
  });

  it('reports sqs:SendMessage on any queue, or with other SQS actions', () => {
    const wide = [{ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:DeleteMessage'], Resource: '*' }];

    expect(findFailureQueueGaps(service({ iamRoleStatements: wide }))).toEqual([
      'functions.eventFn: sqs:SendMessage allowed on more than FailedEventsQueue',
      'functions.eventFn: the sqs:SendMessage statement allows other actions too',
    ]);
  });

  describe('a function fed by an SQS queue', () => {
    const retryQueueArn = { 'Fn::GetAtt': ['RetryQueue', 'Arn'] };
    const fedByQueue = (fn: Record<string, unknown>, redrive?: unknown) => ({
      functions: {
        retryFn: {
          events: [{ sqs: { arn: retryQueueArn, batchSize: 1 } }],
          environment: { FAILED_EVENTS_QUEUE_URL: { Ref: 'FailedEventsQueue' } },
          iamRoleStatements: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: queueArn }],
          ...fn,
        },
      },
      resources: {
        Resources: {
          RetryQueue: { Type: 'AWS::SQS::Queue', Properties: redrive ? { RedrivePolicy: redrive } : {} },
        },
      },
    });
    const toFailedEvents = { deadLetterTargetArn: queueArn, maxReceiveCount: 3 };

    it("takes its queue's dead-letter queue as its failure queue", () => {
      expect(findFailureQueueGaps(fedByQueue({}, toFailedEvents))).toEqual([]);
      expect(findFailureQueueGaps(fedByQueue({ environment: {} }, toFailedEvents))).toEqual([
        'functions.retryFn.environment.FAILED_EVENTS_QUEUE_URL: must be !Ref FailedEventsQueue',
      ]);
    });

    it('reports destinations or retry attempts, which do nothing for an SQS event source', () => {
      const destinations = { onFailure: { type: 'sqs', arn: queueArn } };

      expect(
        findFailureQueueGaps(fedByQueue({ destinations, maximumRetryAttempts: 2 }, toFailedEvents)),
      ).toEqual([
        "functions.retryFn: destinations and maximumRetryAttempts have no effect on an SQS event source (its queue's RedrivePolicy decides)",
      ]);
    });

    it('reports a queue without a dead-letter queue', () => {
      expect(findFailureQueueGaps(fedByQueue({}))).toEqual([
        'functions.retryFn: its SQS event source has no RedrivePolicy to a queue of this template',
      ]);
    });
  });

  it('serverless.yml: every function with a failure queue gets its URL and may send to it alone', () => {
    const serverless = parseCloudFormation(
      readFileSync(join(import.meta.dirname, '../../serverless.yml'), 'utf8'),
    ) as { functions: Record<string, Parameters<typeof failureQueueOf>[1]>; resources: { Resources: never } };
    const withQueue = Object.entries(serverless.functions)
      .filter(([name, fn]) => failureQueueOf(name, fn, serverless.resources.Resources).arn !== undefined)
      .map(([name]) => name);

    expect(withQueue.sort()).toEqual(
      [
        'autotagEvent',
        'autotagRetry',
        'casesSchedule',
        'catalogEvent',
        'healthDigests',
        'healthEvent',
        'healthReconcile',
        'healthReminders',
        'slackWorker',
        'supportCaseEvent',
      ].sort(),
    );
    expect(findFailureQueueGaps(serverless)).toEqual([]);
  });
});
