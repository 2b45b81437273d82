import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error';
import { type AppConfig, appConfigSchema } from './schema';
import { describeZodProblems } from './zod-problems';

/** Parses config text (YAML, of which JSON is a subset) and validates it; `source` names it in errors. */
export function parseConfig(text: string, source: string): AppConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ConfigError(`${source}: not valid YAML or JSON: ${(error as Error).message}`, [], {
      cause: error,
    });
  }
  const result = appConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    throw new ConfigError(`${source}: invalid configuration`, describeZodProblems(result.error));
  }
  return result.data;
}

/** Where the config file is: absolute, or relative to the working directory (the task root in Lambda). */
export function resolveConfigPath(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}

export function loadConfigFile(path: string): AppConfig {
  const fullPath = resolveConfigPath(path);
  let text: string;
  try {
    text = readFileSync(fullPath, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${fullPath} (set CHATOPS_CONFIG to its path)`, [], {
      cause: error,
    });
  }
  return parseConfig(text, path);
}
