import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { ConfigError } from './config-error';
import type { Env } from './env';

/** How long a secret read from SSM stays cached in a warm Lambda (rotation is picked up after this). */
const SECRET_MAX_AGE_SECONDS = 300;

type SecretName = 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'AIRTABLE_TOKEN';

export type ParameterReader = (name: string) => Promise<string | undefined>;

const readSsmSecureString: ParameterReader = (name) =>
  getParameter(name, { decrypt: true, maxAge: SECRET_MAX_AGE_SECONDS });

/**
 * A secret by reference: the plain env var wins (local runs and tests), otherwise `<NAME>_PARAM` names an SSM
 * SecureString read at run time and cached. The template only ever holds the parameter's name. Under
 * serverless-offline (`npm run dev`) only the plain env var counts.
 */
export async function readSecret(
  env: Env,
  name: SecretName,
  readParameter: ParameterReader = readSsmSecureString,
): Promise<string | undefined> {
  const direct = env[name];
  if (direct !== undefined) return direct;
  const parameterName = env[`${name}_PARAM`];
  if (parameterName === undefined || env.IS_OFFLINE === 'true') return undefined;
  try {
    return await readParameter(parameterName);
  } catch (error) {
    throw new ConfigError(`${name}_PARAM: cannot read SSM parameter ${parameterName}`, [], { cause: error });
  }
}
