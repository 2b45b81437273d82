import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  RESOURCE_TYPES,
  ruleEventNames,
  ruleEventSources,
  TAGGED_CALLS,
  tagActions,
} from '../../src/autotag/tagged-call-table';
import { parseCloudFormation } from '../support/cloudformation-yaml';

interface Statement {
  Effect: string;
  Action: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

const read = (path: string): unknown => parseCloudFormation(readFileSync(path, 'utf8'));
const serverless = read('serverless.yml') as {
  custom: Record<string, string[]>;
  functions: Record<string, { iamRoleStatements: Statement[]; events: Record<string, unknown>[] }>;
};
const forwarding = read('infra/autotag-forwarding-rule.yaml') as {
  Resources: { ForwardCreateCalls: { Properties: { EventPattern: { detail: Record<string, unknown> } } } };
};
const taggingRole = read('infra/autotag-tagging-role.yaml') as {
  Resources: { TaggingRole: { Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] } } };
};

const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** The custom list a `${self:custom.<name>}` variable names, or the list itself. */
const resolved = (value: unknown): unknown[] => {
  const name = typeof value === 'string' ? /^\$\{self:custom\.(\w+)\}$/.exec(value)?.[1] : undefined;
  return name ? (serverless.custom[name] ?? []) : (value as unknown[]);
};

/** Every action a role may only use with the configured tag keys (`ForAllValues:StringEquals aws:TagKeys`). */
const keyLimitedActions = (statements: Statement[]) =>
  statements
    .filter((s) => s.Effect === 'Allow' && s.Condition?.['ForAllValues:StringEquals']?.['aws:TagKeys'])
    .flatMap((s) => resolved(s.Action))
    .sort();

describe('the table of tagged create calls', () => {
  it('covers at least 45 resource types across at least 15 services, one row per CloudTrail call', () => {
    const services = new Set(RESOURCE_TYPES.map((type) => type.split(':')[0]));
    const calls = TAGGED_CALLS.map((row) => `${row.eventSource} ${row.eventName}`);

    expect(RESOURCE_TYPES.length).toBeGreaterThanOrEqual(45);
    expect(services.size).toBeGreaterThanOrEqual(15);
    expect(new Set(calls).size).toBe(calls.length);
  });

  it('names the types the issue asks for', () => {
    expect(RESOURCE_TYPES).toEqual(
      expect.arrayContaining([
        's3:bucket',
        'rds:db',
        'rds:cluster',
        'rds:snapshot',
        'lambda:function',
        'dynamodb:table',
        'elasticloadbalancing:loadbalancer',
        'elasticloadbalancing:targetgroup',
        'ecs:cluster',
        'ecs:service',
        'ecs:task-definition',
        'eks:cluster',
        'eks:nodegroup',
        'sns:topic',
        'sqs:queue',
        'kms:key',
        'secretsmanager:secret',
        'logs:log-group',
        'ecr:repository',
        'elasticache:cluster',
        'es:domain',
        'kinesis:stream',
        'states:stateMachine',
        'apigateway:restapis',
        'elasticfilesystem:file-system',
        'sagemaker:notebook-instance',
        'sagemaker:endpoint',
        'ec2:instance',
      ]),
    );
  });

  it('never tags a CloudFormation stack (TagResources would run UpdateStack on it) but still reads its CreateStack', () => {
    expect(RESOURCE_TYPES).not.toContain('cloudformation:stack');
    expect(tagActions()).not.toContain('cloudformation:TagResource');
    expect(ruleEventNames()).toEqual(expect.arrayContaining(['CreateStack', 'UpdateStack']));
  });

  it('is what the EventBridge rules of the bot and of the member accounts match, no more, no less', () => {
    const rule = serverless.functions.autotagEvent?.events[0]?.eventBridge as
      | { pattern: { detail: Record<string, unknown> } }
      | undefined;
    const pattern = rule?.pattern.detail ?? {};
    const forwarded = forwarding.Resources.ForwardCreateCalls.Properties.EventPattern.detail;

    expect(resolved(pattern.eventSource)).toEqual(ruleEventSources());
    expect(resolved(pattern.eventName)).toEqual(ruleEventNames());
    expect(forwarded.eventSource).toEqual(ruleEventSources());
    expect(forwarded.eventName).toEqual(ruleEventNames());
    expect(forwarded.errorCode).toEqual([{ exists: false }]);
  });

  // Measured on 2 Dec 2026: 1,772 characters as JSON for both rules (27 event sources, 54 event names: the
  // table's create calls and the remembered stack calls). EventBridge's default quota for an event pattern is
  // 2,048 characters; past it the deploy fails. The lower bound shows the lists were resolved, not a variable.
  it("keeps both rules' event patterns within EventBridge's default 2,048-character limit (1,772 today)", () => {
    const rule = serverless.functions.autotagEvent?.events[0]?.eventBridge as {
      pattern: { detail: Record<string, unknown> };
    };
    const bot = {
      ...rule.pattern,
      detail: {
        ...rule.pattern.detail,
        eventSource: resolved(rule.pattern.detail.eventSource),
        eventName: resolved(rule.pattern.detail.eventName),
      },
    };
    const member = forwarding.Resources.ForwardCreateCalls.Properties.EventPattern;

    for (const pattern of [bot, member]) {
      expect(JSON.stringify(pattern).length).toBeGreaterThan(1_000);
      expect(JSON.stringify(pattern).length).toBeLessThanOrEqual(2_048);
    }
  });

  it("is what the tagging roles may do, only with the configured tag keys: the bot's own and the member accounts'", () => {
    const memberStatements = taggingRole.Resources.TaggingRole.Properties.Policies.flatMap(
      (policy) => policy.PolicyDocument.Statement,
    );
    for (const fn of ['autotagEvent', 'autotagRetry']) {
      const own = keyLimitedActions(serverless.functions[fn]?.iamRoleStatements ?? []);
      // The retry function tags what was not ready and a stack's EC2 resources that waited for their stack.
      expect(own, fn).toEqual(tagActions());
    }
    expect(keyLimitedActions(memberStatements)).toEqual(tagActions());
    const unlimited = memberStatements.filter((s) => !s.Condition).flatMap(actionsOf);
    expect(unlimited.filter((action) => tagActions().includes(action))).toEqual([]);
  });
});
