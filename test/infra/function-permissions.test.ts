import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { failureQueueOf } from '../ci/template-checks';
import { parseCloudFormation } from '../support/cloudformation-yaml';
import { serverlessBuildConfig } from '../support/serverless-build-config';

/**
 * Each function's IAM role against the AWS calls its bundle can make with the function's own credentials.
 * Services the bot only reaches through member-account roles (S3, Support, Service Catalog, CloudFormation) are
 * checked in infra/ instead; DynamoDB and SSM statements are fixed by the shared store and secrets code.
 */
const OWN_CREDENTIAL_SERVICES: Record<string, string> = {
  ec2: 'ec2',
  sts: 'sts',
  organizations: 'organizations',
  lambda: 'lambda',
  sqs: 'sqs',
  health: 'health',
};
/** SDK command → IAM action where the names differ; commands that need no permission map to undefined. */
const ACTION_OF: Record<string, string | undefined> = {
  'lambda:Invoke': 'lambda:InvokeFunction',
  'sts:GetCallerIdentity': undefined,
};

/**
 * Dependent actions (Service Authorization Reference, "Dependent actions" column): IAM also checks these when
 * the call is made, so a role that makes the call needs them though no code names them.
 */
const DEPENDENT_ACTIONS: Record<string, string[]> = {
  'health:DescribeEventsForOrganization': ['organizations:ListAccounts'],
  'health:DescribeAffectedAccountsForOrganization': ['organizations:ListAccounts'],
  'health:DescribeEventDetailsForOrganization': ['organizations:ListAccounts'],
  'health:DescribeAffectedEntitiesForOrganization': ['organizations:ListAccounts'],
};

type Statement = { Effect: string; Action: string | string[] };
type Functions = Record<string, { iamRoleStatements?: Statement[] }>;

describe('IAM role of every function', () => {
  const service = parseCloudFormation(readFileSync('serverless.yml', 'utf8')) as {
    functions: Functions;
    resources: { Resources: never };
  };
  const { functions } = service;
  const resources = service.resources.Resources;
  const bundled = new Map<string, Set<string>>();

  beforeAll(async () => {
    const { functions: entries, esbuild } = serverlessBuildConfig();
    const result = await build({
      ...esbuild,
      entryPoints: Object.fromEntries(entries.map((fn) => [fn.name, fn.entry])),
      outdir: '.bench/permissions',
      write: false,
      metafile: true,
      sourcemap: false,
      logLevel: 'silent',
    });
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const name = /([^/]+)\.js$/.exec(file)?.[1];
      if (!name) continue;
      const actions = Object.keys(output.inputs).flatMap((input) => {
        const match = /@aws-sdk\/client-([a-z0-9-]+)\/dist-es\/commands\/(\w+)Command\.js$/.exec(input);
        const service = match?.[1] && OWN_CREDENTIAL_SERVICES[match[1]];
        if (!match || !service) return [];
        const command = `${service}:${match[2]}`;
        const action = command in ACTION_OF ? ACTION_OF[command] : command;
        return action ? [action, ...(DEPENDENT_ACTIONS[action] ?? [])] : [];
      });
      bundled.set(name, new Set(actions));
    }
  }, 60_000);

  function allowed(fn: string): Set<string> {
    return new Set(
      (functions[fn]?.iamRoleStatements ?? [])
        .filter((statement) => statement.Effect === 'Allow')
        .flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]))
        .filter((action) => Object.values(OWN_CREDENTIAL_SERVICES).includes(action.split(':')[0] ?? '')),
    );
  }

  it.each(Object.keys(functions))('%s may make every call its code makes, and no other', (fn) => {
    const calls = [...(bundled.get(fn) ?? [])].sort();
    const grants = [...allowed(fn)].sort();

    expect(
      calls.filter((action) => !allowed(fn).has(action)),
      'calls without permission',
    ).toEqual([]);
    expect(
      grants.filter((action) => !calls.includes(action)),
      'permissions no code uses',
    ).toEqual([]);
  });

  /**
   * Functions with a failure queue (an on-failure destination, or an SQS event source's dead-letter queue) send
   * malformed events there themselves (src/lambda/bad-input.ts).
   */
  const withFailureQueue = Object.entries(functions)
    .filter(([name, fn]) => failureQueueOf(name, fn as never, resources).arn !== undefined)
    .map(([name]) => name);

  it.each(withFailureQueue)('%s sends to its failure queue and may', (fn) => {
    expect(bundled.get(fn)).toContain('sqs:SendMessage');
    expect(allowed(fn)).toContain('sqs:SendMessage');
  });
});
