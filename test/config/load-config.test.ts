import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { ConfigError } from '../../src/config/config-error';
import { loadConfigFile, parseConfig, resolveConfigPath } from '../../src/config/load-config';

const fixturePath = join(import.meta.dirname, '../fixtures/config/chatops.yaml');
const validConfig = () => parseYaml(readFileSync(fixturePath, 'utf8')) as Record<string, unknown>;

/** Parses `config` and returns the ConfigError it raises (fails the test when it raises none). */
function configErrorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'chatops.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('reads the checked-in example config and the test fixture', () => {
    const example = readFileSync(join(import.meta.dirname, '../../chatops.config.yaml'), 'utf8');

    const config = parseConfig(example, 'chatops.config.yaml');
    const fixture = parseConfig(readFileSync(fixturePath, 'utf8'), 'chatops.yaml');

    expect(config.accounts.map((a) => a.name)).toContain('prod-payments');
    expect(fixture.accounts[2]?.roles).toMatchObject({ whoami: 'staging-reader' });
  });

  it('fills defaults for optional sections', () => {
    const config = parseConfig('slack: { defaultChannel: "#aws-alerts" }', 'min.yaml');

    expect(config.organization).toEqual({ partition: 'aws', lookUpAccountNames: false });
    expect(config.accounts).toEqual([]);
    expect(config.roles).toEqual({ default: 'aws-chatops-read' });
    expect(config.slack.admins).toEqual({ users: [], userGroups: [] });
  });

  it('accepts JSON as well as YAML', () => {
    const config = parseConfig(JSON.stringify(validConfig()), 'chatops.json');

    expect(config.slack.defaultChannel).toBe('C0ALERTS01');
  });

  it('names the field and the problem for an account id that is not 12 digits', () => {
    // Prepare
    const raw = validConfig();
    (raw.accounts as { id: unknown }[])[1] = { id: 22222222222, name: 'prod-payments' } as never;

    // Act
    const error = configErrorOf(stringify(raw));

    // Assess
    expect(error.problems).toEqual([
      'accounts[1].id: must be a 12-digit AWS account id in quotes (YAML reads unquoted digits as a number)',
    ]);
    expect(error.message).toContain('chatops.yaml: invalid configuration');
  });

  it('explains that an unquoted id lost its meaning (must be a 12-digit id)', () => {
    const raw = validConfig();
    (raw.accounts as { id: unknown }[])[0] = { id: '12345', name: 'short' } as never;

    const error = configErrorOf(stringify(raw));

    expect(error.problems).toEqual(['accounts[0].id: must be a 12-digit AWS account id (quote it in YAML)']);
  });

  it('refuses duplicate account names (any case) and ids, pointing at the second one', () => {
    const raw = validConfig();
    const accounts = raw.accounts as { id: string; name: string }[];
    accounts.push({ id: '444444444444', name: 'Staging' }, { id: '111111111111', name: 'other' });

    const error = configErrorOf(stringify(raw));

    expect(error.problems).toEqual([
      'accounts[3]: duplicates accounts[2] (staging); ids and names must be unique',
      'accounts[4]: duplicates accounts[0] (111111111111); ids and names must be unique',
    ]);
  });

  it('names an unknown key, so a typo does not silently do nothing', () => {
    const raw = validConfig();
    (raw.slack as Record<string, unknown>).defaultChanel = '#typo';

    const error = configErrorOf(stringify(raw));

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^slack: .*defaultChanel/);
  });

  it('names a missing required section', () => {
    const error = configErrorOf('accounts: []');

    expect(error.problems).toEqual([expect.stringMatching(/^slack: /)]);
  });

  it.each([
    ['a bad channel', { slack: { defaultChannel: 'alerts' } }, 'slack.defaultChannel: must be a channel id'],
    [
      'a bad admin user id',
      { slack: { defaultChannel: '#a', admins: { users: ['bob'] } } },
      'slack.admins.users[0]: must be a Slack user id',
    ],
    [
      'a bad role name',
      { roles: { default: 'has space' }, slack: { defaultChannel: '#a' } },
      'roles.default: must be an IAM role name',
    ],
    [
      'a bad partition',
      { organization: { partition: 'aws-mars' }, slack: { defaultChannel: '#a' } },
      'organization.partition: ',
    ],
    [
      'an ExternalId the member-role templates would refuse (under 16 characters)',
      { organization: { externalId: 'short-id' }, slack: { defaultChannel: '#a' } },
      'organization.externalId: ',
    ],
    [
      'a bad region',
      { accounts: [{ id: '111111111111', name: 'a', regions: ['mars-1'] }], slack: { defaultChannel: '#a' } },
      'accounts[0].regions[0]: must be an AWS region',
    ],
  ])('names the field for %s', (_label, raw, expected) => {
    const error = configErrorOf(JSON.stringify(raw));

    expect(error.problems).toEqual([expect.stringContaining(expected)]);
  });

  it('reports text that is not YAML with the source name and the YAML position', () => {
    const error = configErrorOf('slack:\n  defaultChannel: [unclosed\naccounts: {');

    expect(error.message).toMatch(/^chatops\.yaml: not valid YAML or JSON: /);
    expect(error.message).toMatch(/line \d+/);
    expect(error.cause).toBeDefined();
  });
});

describe('loadConfigFile', () => {
  it('reads a config file from an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatops-config-'));
    const path = join(dir, 'chatops.yaml');
    writeFileSync(path, stringify(validConfig()));

    expect(loadConfigFile(path).slack.defaultChannel).toBe('C0ALERTS01');
  });

  it('says which file it could not read and how to point at another', () => {
    expect(() => loadConfigFile('/nonexistent/chatops.yaml')).toThrow(
      /Cannot read config file \/nonexistent\/chatops\.yaml \(set CHATOPS_CONFIG/,
    );
  });
});

describe('resolveConfigPath', () => {
  it('resolves a relative path against the working directory (the task root in Lambda) and keeps absolute ones', () => {
    expect(resolveConfigPath('.serverless-config/c.json')).toBe(
      join(process.cwd(), '.serverless-config/c.json'),
    );
    expect(resolveConfigPath('/etc/c.yaml')).toBe('/etc/c.yaml');
  });
});
