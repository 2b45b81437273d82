/**
 * Security checks on a CloudFormation template (the one `serverless package` generates, and those in infra/):
 * no IAM statement that allows every action, no secret value anywhere in it, no AssumeRole outside the
 * organisation, and member roles that require a generated ExternalId.
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

type Statement = { Effect?: Json; Action?: Json; Resource?: Json; Principal?: Json; Condition?: Json };

/** IAM statements (objects with Effect and Action), with their paths. */
function* statements(template: Json): Generator<[string, Statement]> {
  for (const [path, value] of walk(template, '')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const statement = value as Statement;
    if (statement.Effect !== undefined && statement.Action !== undefined) yield [path, statement];
  }
}

const allowsAssumeRole = (statement: Statement): boolean =>
  statement.Effect === 'Allow' &&
  asList(statement.Action).some((action) => action === 'sts:AssumeRole' || action === 'sts:*');

/** The value of `Condition.StringEquals[key]`, when the condition is plain (not inside Fn::If). */
function stringEquals(statement: Statement, key: string): Json {
  const condition = statement.Condition as { StringEquals?: Record<string, Json> } | undefined;
  return condition?.StringEquals?.[key];
}

/**
 * Identity-policy statements that allow sts:AssumeRole without `StringEquals aws:ResourceOrgID` (a non-empty
 * organisation id): the bot must not assume roles in accounts outside its organisation. Trust policies (they name
 * a Principal) are not identity policies and are skipped.
 */
export function findAssumeRoleOutsideOrganization(template: Json): string[] {
  const problems: string[] = [];
  for (const [path, statement] of statements(template)) {
    if (!allowsAssumeRole(statement) || statement.Principal !== undefined) continue;
    const orgId = stringEquals(statement, 'aws:ResourceOrgID');
    if (orgId === undefined || orgId === '' || orgId === null) {
      problems.push(
        `${path}: allows sts:AssumeRole outside the organisation (no StringEquals aws:ResourceOrgID)`,
      );
    }
  }
  return problems;
}

/**
 * Trust-policy statements that let an AWS principal (another account's role) assume the role without
 * `StringEquals sts:ExternalId`, and ExternalId parameters that have a default or allow fewer than 16 characters:
 * every installation generates its own (docs/install.md).
 */
export function findOptionalExternalId(template: Json): string[] {
  const problems: string[] = [];
  const parameters = ((template as { Parameters?: Record<string, Record<string, Json>> }).Parameters ??
    {}) as Record<string, Record<string, Json>>;
  const referenced = new Set<string>();
  for (const [path, statement] of statements(template)) {
    const principal = statement.Principal as { AWS?: Json } | undefined;
    if (!allowsAssumeRole(statement) || principal?.AWS === undefined) continue;
    const externalId = stringEquals(statement, 'sts:ExternalId');
    if (externalId === undefined || externalId === '') {
      problems.push(`${path}: lets an AWS principal assume the role without sts:ExternalId`);
      continue;
    }
    const ref = (externalId as { Ref?: string }).Ref;
    if (ref) referenced.add(ref);
  }
  for (const name of referenced) {
    const parameter = parameters[name] ?? {};
    if (parameter.Default !== undefined) {
      problems.push(`Parameters.${name}: has a default (every installation must generate its own)`);
    }
    if (typeof parameter.MinLength !== 'number' || parameter.MinLength < 16) {
      problems.push(`Parameters.${name}: MinLength must be at least 16`);
    }
  }
  return problems;
}

type Resource = { Type?: Json; Properties?: Record<string, Json> };

/**
 * The public Slack endpoint must not spend without bound (each request, signed or not, is an invocation): every
 * API Gateway v2 stage throttles (`DefaultRouteSettings` with `ThrottlingRateLimit` and `ThrottlingBurstLimit`),
 * and every Lambda function behind an HTTP API integration has `ReservedConcurrentExecutions`.
 */
export function findUnthrottledPublicEndpoints(template: Json): string[] {
  const problems: string[] = [];
  const resources = ((template as { Resources?: Record<string, Resource> }).Resources ?? {}) as Record<
    string,
    Resource
  >;
  for (const [name, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::ApiGatewayV2::Stage') {
      const settings = (resource.Properties?.DefaultRouteSettings ?? {}) as Record<string, Json>;
      for (const limit of ['ThrottlingRateLimit', 'ThrottlingBurstLimit']) {
        if (typeof settings[limit] !== 'number') {
          problems.push(`Resources.${name}: the API stage has no DefaultRouteSettings.${limit}`);
        }
      }
    }
    if (resource.Type !== 'AWS::ApiGatewayV2::Integration') continue;
    const target = (resource.Properties?.IntegrationUri as { 'Fn::GetAtt'?: Json } | undefined)?.[
      'Fn::GetAtt'
    ];
    const functionName = Array.isArray(target) ? target[0] : undefined;
    if (typeof functionName !== 'string') continue;
    const fn = resources[functionName];
    if (
      fn?.Type === 'AWS::Lambda::Function' &&
      typeof fn.Properties?.ReservedConcurrentExecutions !== 'number'
    ) {
      problems.push(
        `Resources.${functionName}: serves an HTTP API (${name}) without ReservedConcurrentExecutions`,
      );
    }
  }
  return problems;
}

type ServiceFunction = {
  destinations?: { onFailure?: { type?: Json; arn?: Json } };
  maximumRetryAttempts?: Json;
  events?: { sqs?: Json }[];
  environment?: Record<string, Json>;
  iamRoleStatements?: Statement[];
};

const sameValue = (a: Json, b: Json): boolean => JSON.stringify(a) === JSON.stringify(b);

const queueArnOf = (sqsEvent: Json): Json =>
  typeof sqsEvent === 'object' && sqsEvent !== null && 'arn' in sqsEvent ? sqsEvent.arn : sqsEvent;

/**
 * Where a function's failed events end up: its on-failure destination (asynchronous invocations), or for a
 * function fed by an SQS queue, that queue's dead-letter queue (RedrivePolicy): Lambda destinations and
 * maximumRetryAttempts do not apply to SQS event sources. Problems are what makes either missing or misleading.
 */
export function failureQueueOf(
  name: string,
  fn: ServiceFunction,
  resources: Record<string, Resource>,
): { arn?: Json; problems: string[] } {
  const fedBy = (fn.events ?? [])
    .filter((event) => event.sqs !== undefined)
    .map((event) => queueArnOf(event.sqs));
  if (fedBy.length === 0) {
    const onFailure = fn.destinations?.onFailure;
    return onFailure?.type === 'sqs' ? { arn: onFailure.arn, problems: [] } : { problems: [] };
  }
  const problems: string[] = [];
  if (fn.destinations !== undefined || fn.maximumRetryAttempts !== undefined) {
    problems.push(
      `functions.${name}: destinations and maximumRetryAttempts have no effect on an SQS event source (its queue's RedrivePolicy decides)`,
    );
  }
  const deadLetters = fedBy.map((arn) => {
    const queue = (arn as { 'Fn::GetAtt'?: Json[] } | undefined)?.['Fn::GetAtt']?.[0];
    const redrive = typeof queue === 'string' ? resources[queue]?.Properties?.RedrivePolicy : undefined;
    return (redrive as { deadLetterTargetArn?: Json } | undefined)?.deadLetterTargetArn;
  });
  const [first] = deadLetters;
  if (first === undefined || !deadLetters.every((arn) => sameValue(arn, first))) {
    problems.push(`functions.${name}: its SQS event source has no RedrivePolicy to a queue of this template`);
    return { problems };
  }
  return { arn: first, problems };
}

/**
 * Every function with a failure queue (`failureQueueOf`) also sends there itself (malformed events, killed
 * runs: src/lambda/bad-input.ts): `FAILED_EVENTS_QUEUE_URL` is that queue's `Ref`, and sqs:SendMessage is allowed
 * on that queue and nothing else (least privilege) — besides the queues of this template the function is handed
 * in its environment (`<NAME>_QUEUE_URL: !Ref <Queue>`, e.g. auto-tagging's retry queue), since those are the
 * only others it can name.
 */
export function findFailureQueueGaps(service: Json): string[] {
  const problems: string[] = [];
  const functions = ((service as { functions?: Record<string, ServiceFunction> }).functions ?? {}) as Record<
    string,
    ServiceFunction
  >;
  const resources =
    (service as { resources?: { Resources?: Record<string, Resource> } }).resources?.Resources ?? {};
  for (const [name, fn] of Object.entries(functions)) {
    const failureQueue = failureQueueOf(name, fn, resources);
    problems.push(...failureQueue.problems);
    if (failureQueue.arn === undefined) continue;
    const queue = (failureQueue.arn as { 'Fn::GetAtt'?: Json[] } | undefined)?.['Fn::GetAtt']?.[0];
    if (typeof queue !== 'string') {
      problems.push(`functions.${name}: the on-failure queue is not a queue of this template (Fn::GetAtt)`);
      continue;
    }
    if (!sameValue(fn.environment?.FAILED_EVENTS_QUEUE_URL, { Ref: queue })) {
      problems.push(`functions.${name}.environment.FAILED_EVENTS_QUEUE_URL: must be !Ref ${queue}`);
    }
    const sends = (fn.iamRoleStatements ?? []).filter(
      (statement) =>
        statement.Effect === 'Allow' &&
        asList(statement.Action).some((action) => action === 'sqs:SendMessage' || action === 'sqs:*'),
    );
    if (sends.length === 0) problems.push(`functions.${name}: may not sqs:SendMessage to ${queue}`);
    const handed = Object.entries(fn.environment ?? {})
      .filter(([key]) => key.endsWith('_QUEUE_URL'))
      .map(([, value]) => (value as { Ref?: Json } | undefined)?.Ref)
      .filter((ref): ref is string => typeof ref === 'string')
      .map((ref): Json => ({ 'Fn::GetAtt': [ref, 'Arn'] }));
    const allowed = [failureQueue.arn, ...handed];
    for (const statement of sends) {
      const resources = asList(statement.Resource);
      if (
        resources.length === 0 ||
        !resources.every((resource) => allowed.some((a) => sameValue(resource, a)))
      ) {
        problems.push(`functions.${name}: sqs:SendMessage allowed on more than ${queue}`);
      }
      if (asList(statement.Action).some((action) => action !== 'sqs:SendMessage')) {
        problems.push(`functions.${name}: the sqs:SendMessage statement allows other actions too`);
      }
    }
  }
  return problems;
}
