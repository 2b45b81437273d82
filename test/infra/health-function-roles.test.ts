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

const resourcesOf = (fn: string, action: string) =>
  (serverless.functions[fn]?.iamRoleStatements ?? [])
    .filter((s) => s.Action.includes(action))
    .map((s) => JSON.stringify(s.Resource));

const HEALTH_EVENTS = JSON.stringify({ 'Fn::Sub': 'arn:${AWS::Partition}:health:*::event/*' });
const ORG_ACCOUNTS = JSON.stringify({
  'Fn::Sub': 'arn:${AWS::Partition}:organizations::*:account/${self:custom.organizationId}/*',
});

// Service Authorization Reference, "Actions, resources, and condition keys for AWS Health APIs and Notifications":
// DescribeEventDetails and DescribeAffectedEntities take the `event` resource type; the organisation-view and
// list calls take none ("*"). Organizations' DescribeAccount takes the `account` resource type.
describe('the Health function roles in serverless.yml', () => {
  it('healthReconcile reads event details and entities of Health events only', () => {
    for (const action of ['health:DescribeEventDetails', 'health:DescribeAffectedEntities'])
      expect(resourcesOf('healthReconcile', action), action).toEqual([HEALTH_EVENTS]);
    for (const action of [
      'health:DescribeEventsForOrganization',
      'health:DescribeAffectedAccountsForOrganization',
      'health:DescribeEventDetailsForOrganization',
      'health:DescribeAffectedEntitiesForOrganization',
      'health:DescribeEvents',
    ])
      expect(resourcesOf('healthReconcile', action), action).toEqual(['"*"']);
  });

  it('healthReconcile and healthEvent look up only accounts of the organisation they run in', () => {
    for (const fn of ['healthReconcile', 'healthEvent'])
      expect(resourcesOf(fn, 'organizations:DescribeAccount'), fn).toEqual([ORG_ACCOUNTS]);
  });

  it('healthReconcile may list the organisation’s accounts, the dependent action of the organisation-view calls', () => {
    expect(resourcesOf('healthReconcile', 'organizations:ListAccounts')).toEqual(['"*"']);
  });
});
