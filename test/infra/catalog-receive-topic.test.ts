import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RegoEngine, TemplateFile } from '@aws/cloudformation-validate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const TEMPLATE = resolve(__dirname, '../../infra/catalog-receive-topic.yaml');

/** YAML with CloudFormation short-form tags (!Ref, !Sub…) read as plain values. */
interface Template {
  Resources: Record<string, { Properties: Record<string, unknown> }>;
}

function readTemplate(): Template {
  const tags = ['Ref', 'Sub', 'GetAtt', 'Join'].map((name) => ({
    tag: `!${name}`,
    resolve: (value: unknown) => ({ [name]: value }),
  }));
  return parse(readFileSync(TEMPLATE, 'utf8'), { customTags: tags }) as Template;
}

describe('infra/catalog-receive-topic.yaml', () => {
  it('validates with no errors (fatal or error findings)', () => {
    const engine = new RegoEngine();
    try {
      const report = engine.validateStandard(new TemplateFile(TEMPLATE));
      const errors = report.diagnostics.filter(
        (d) => !['INFO', 'WARNING'].includes(String(d.severity).toUpperCase()),
      );
      expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
    } finally {
      engine.free();
    }
  }, 120_000); // offline validation is CPU-bound: slow on a loaded CI machine

  it('lets only principals of the organisation publish, and subscribes only the bot', () => {
    const template = readTemplate();
    const policy = template.Resources.ReceiveTopicPolicy?.Properties.PolicyDocument as {
      Statement: { Action: unknown; Condition?: unknown }[];
    };
    const publish = policy.Statement.filter((s) => JSON.stringify(s.Action).includes('sns:Publish'));

    expect(publish).toHaveLength(1);
    expect(publish[0]?.Condition).toEqual({
      StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
    });
    expect(template.Resources.BotSubscription?.Properties).toMatchObject({
      Protocol: 'lambda',
      Endpoint: { Ref: 'CatalogEventFunctionArn' },
    });
  });
});
