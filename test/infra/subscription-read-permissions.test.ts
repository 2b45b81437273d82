import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from '../support/cloudformation-yaml';

type Statement = { Effect: string; Action: string[]; Resource: unknown };
type Functions = Record<string, { iamRoleStatements?: Statement[] }>;

/**
 * Health subscriptions are one partition of the state table, read with Query (src/store/subscriptions.ts):
 * every function that reads them needs dynamodb:Query on the table, or the call is denied in AWS (dynalite in the
 * tests checks no IAM).
 */
describe('functions that read Health subscriptions', () => {
  const functions = (parseCloudFormation(readFileSync('serverless.yml', 'utf8')) as { functions: Functions })
    .functions;

  it.each([
    ['slackHttp', '/aws-health subscribe | subscriptions, Remove, Add subscription'],
    ['healthEvent', 'each delivery finds its subscribers'],
    ['healthReconcile', 'reconciled events go through the same delivery'],
    ['catalogEvent', 'a failure reaches its account’s subscribers'],
    [
      'slackWorker',
      'the Home re-published after an Unmute, Retag or It’s mine clicked on it reads them and the Home items',
    ],
  ])('%s may Query the state table (%s)', (name) => {
    const statements = functions[name]?.iamRoleStatements ?? [];
    const queries = statements.filter(
      (s) =>
        s.Effect === 'Allow' &&
        s.Action.includes('dynamodb:Query') &&
        JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': ['StateTable', 'Arn'] }),
    );
    expect(queries).toHaveLength(1);
  });
});
