import { ConfigError } from './config-error';
import type { Env } from './env';
import { readSecret } from './secrets';

/** A secret the function cannot work without: a clear error naming both ways to provide it. */
export async function requiredSecret(env: Env, name: 'SLACK_SIGNING_SECRET'): Promise<string> {
  const value = await readSecret(env, name);
  if (value === undefined)
    throw new ConfigError(`${name} is not set: set ${name}, or ${name}_PARAM to an SSM parameter name`);
  return value;
}
