import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';

type Resources = Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }>;

const read = (path: string) =>
  parseCloudFormation(readFileSync(join(import.meta.dirname, '../..', path), 'utf8')) as {
    Resources: Resources;
    Conditions: Record<string, unknown>;
    resources?: { Resources: Resources };
    functions?: Record<string, unknown>;
  };

describe('Support Case Update forwarding (infra/support-case-forwarding.yaml, serverless.yml)', () => {
  const forwarding = read('infra/support-case-forwarding.yaml');
  const service = read('serverless.yml');
  const pattern = { source: ['aws.support'], 'detail-type': ['Support Case Update'] };

  it("forwards only Support Case Update events to the bot's bus, with a role that may put there and nowhere else", () => {
    const rule = forwarding.Resources.ForwardSupportCaseEvents;
    expect(rule?.Properties.EventPattern).toEqual(pattern);
    expect(rule?.Properties.Targets).toEqual([
      {
        Id: 'aws-chatops-support-case-bus',
        Arn: { Ref: 'TargetEventBusArn' },
        RoleArn: { 'Fn::GetAtt': ['ForwardingRole', 'Arn'] },
      },
    ]);
    const policy = JSON.stringify(forwarding.Resources.ForwardingRole?.Properties.Policies);
    expect(policy).toContain('"Action":"events:PutEvents","Resource":{"Ref":"TargetEventBusArn"}');
    expect(rule?.Condition).toBe('ShouldForward');
  });

  it('has the supportCaseEvent function listen on its own default bus and on the forwarded bus', () => {
    const resources = service.resources?.Resources ?? {};
    for (const name of ['SupportCaseRuleDefaultBus', 'SupportCaseRuleForwardedBus']) {
      expect(resources[name]?.Properties.EventPattern).toEqual(pattern);
      expect(JSON.stringify(resources[name]?.Properties.Targets)).toContain('SupportCaseEventLambdaFunction');
    }
    expect(resources.SupportCaseRuleForwardedBus?.Properties.EventBusName).toEqual({
      Ref: 'SupportCaseEventBus',
    });
    expect(JSON.stringify(resources.SupportCaseEventBusOrganizationPolicy?.Properties)).toContain(
      'aws:PrincipalOrgID',
    );
    expect(Object.keys(service.functions ?? {})).toContain('supportCaseEvent');
  });

  it('lets the cases role read cases and their communications, nothing else', () => {
    const role = read('infra/cases-read-role.yaml').Resources.CasesReadRole;
    const statements = JSON.parse(JSON.stringify(role?.Properties.Policies)) as {
      PolicyDocument: { Statement: { Action: string[] }[] };
    }[];
    expect(statements.flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => s.Action))).toEqual([
      'support:DescribeCases',
      'support:DescribeCommunications',
    ]);
  });
});
