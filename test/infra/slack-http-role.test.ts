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

describe('the slackHttp function role in serverless.yml', () => {
  it('may query the state table (the Home tab reads its items with Query) but never scan it', () => {
    const table = (serverless.functions.slackHttp?.iamRoleStatements ?? []).filter(
      (s) => JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': ['StateTable', 'Arn'] }),
    );

    const actions = table.flatMap((s) => s.Action).sort();
    expect(actions).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
  });
});
