/**
 * Security checks on a CloudFormation template (the one `serverless package` generates, and those in infra/):
 * no IAM statement that allows every action, and no secret value anywhere in it.
 */

/** Secrets by shape: Slack tokens, Airtable tokens, AWS access keys. */
const SECRET_PATTERNS: readonly [string, RegExp][] = [
  ['Slack token', /\bxox[abposre]-[A-Za-z0-9-]{8,}/],
  ['Slack app-level token', /\bxapp-\d-[A-Za-z0-9-]{8,}/],
  ['Airtable personal access token', /\bpat[A-Za-z0-9]{14}\.[A-Fa-f0-9]{32,}/],
  ['Airtable API key', /\bkey[A-Za-z0-9]{14}\b/],
  ['AWS access key id', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/],
];

/** Environment variables that must only ever be passed by reference (`<NAME>_PARAM`). */
const SECRET_ENV_NAMES = /(SECRET|TOKEN|PASSWORD|PRIVATE_KEY)$/;

type Json = unknown;

/** Every value in the template with its path, e.g. `Resources.X.Properties.Environment.Variables.Y`. */
function* walk(value: Json, path: string): Generator<[string, Json]> {
  yield [path, value];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* walk(item, `${path}[${index}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* walk(item, path ? `${path}.${key}` : key);
  }
}

const asList = (value: Json): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * IAM statements that allow `*` or `*:*`, or allow everything but a list (`NotAction`). Statements are found by
 * shape (an object with `Effect` and `Action`/`NotAction`), so those inside `Fn::If` and in any policy type count.
 */
export function findWildcardActions(template: Json): string[] {
  const problems: string[] = [];
  for (const [path, value] of walk(template, '')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const statement = value as { Effect?: Json; Action?: Json; NotAction?: Json };
    if (statement.Effect !== 'Allow') continue;
    if (asList(statement.Action).some((action) => action === '*' || action === '*:*')) {
      problems.push(`${path}: allows Action "*"`);
    }
    if (statement.NotAction !== undefined) problems.push(`${path}: allows everything but NotAction`);
  }
  return problems;
}

/** Secret values anywhere in the template, and secret env vars passed by value instead of by `_PARAM`. */
export function findSecrets(template: Json): string[] {
  const problems: string[] = [];
  for (const [path, value] of walk(template, '')) {
    if (typeof value === 'string') {
      for (const [what, pattern] of SECRET_PATTERNS) {
        if (pattern.test(value)) problems.push(`${path}: holds a ${what}`);
      }
    }
    if (path.endsWith('.Environment.Variables') && typeof value === 'object' && value !== null) {
      for (const name of Object.keys(value)) {
        if (SECRET_ENV_NAMES.test(name)) {
          problems.push(
            `${path}.${name}: a secret passed by value; pass ${name}_PARAM (an SSM parameter name)`,
          );
        }
      }
    }
  }
  return problems;
}
