import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { compileRoutes, routeFor } from '../../src/catalog/alert-routing';
import { ConfigError } from '../../src/config/config-error';
import { parseConfig } from '../../src/config/load-config';

const config = parseConfig(
  `
accounts:
  - { id: "222222222222", name: prod-payments }
  - { id: "333333333333", name: staging, roles: { catalog: staging-catalog-reader } }
slack: { defaultChannel: C0ALERTS01 }
catalog:
  routes:
    - { accounts: [PROD-PAYMENTS], products: ["Network*"], channel: C0PAYNET01 }
    - { accounts: ["222222222222"], channel: C0PAYMENTS, mention: S0PAYTEAM1 }
    - { products: [prod-abcd1234efgh5, "*bucket*"], channel: C0STORAGE1 }
`,
  'test',
);
const accounts = new AccountDirectory(config);
const routes = compileRoutes(config.catalog.routes, accounts);
const fallback = { channel: 'C0ALERTS01' };

describe('catalog alert routing', () => {
  it.each([
    ['account name and product glob both match', '222222222222', 'Network baseline', 'C0PAYNET01'],
    ['account matches, product does not', '222222222222', 'Encrypted S3 bucket', 'C0PAYMENTS'],
    ['product glob matches in another account', '333333333333', 'Encrypted S3 Bucket', 'C0STORAGE1'],
    ['nothing matches', '333333333333', 'Database', 'C0ALERTS01'],
    ['product unknown (Service Catalog unreadable)', '333333333333', undefined, 'C0ALERTS01'],
  ])('routes when %s', (_label, accountId, productName, channel) => {
    expect(routeFor(routes, fallback, { accountId, productName, productId: undefined }).channel).toBe(
      channel,
    );
  });

  it('matches product ids too and carries the mention of the route', () => {
    expect(
      routeFor(routes, fallback, {
        accountId: '333333333333',
        productName: undefined,
        productId: 'prod-abcd1234efgh5',
      }),
    ).toEqual({
      channel: 'C0STORAGE1',
    });
    expect(
      routeFor(routes, fallback, { accountId: '222222222222', productName: 'x', productId: undefined })
        .mention,
    ).toBe('S0PAYTEAM1');
  });

  it('stops start-up naming the field when a route names an unknown account', () => {
    const bad = [{ accounts: ['prod-payments', 'prod-paymnets'], channel: 'C0PAYMENTS' }];

    expect(() => compileRoutes(bad, accounts)).toThrow(ConfigError);
    expect(() => compileRoutes(bad, accounts)).toThrow(
      /catalog\.routes\[0\]\.accounts\[1\]: "prod-paymnets" is neither a 12-digit account id nor a configured account name/,
    );
  });

  it('refuses, when the config is loaded (serverless package), a route naming an account not in accounts', () => {
    const yaml = (name: string) =>
      `accounts: [{ id: "222222222222", name: prod-payments }]\nslack: { defaultChannel: C0ALERTS01 }\ncatalog: { routes: [{ accounts: [PROD-payments, "444444444444", ${name}], channel: C0PAYMENTS }] }`;

    expect(() => parseConfig(yaml('prod-paymnets'), 't')).toThrow(
      /catalog\.routes\[0\]\.accounts\[2\]: "prod-paymnets" is neither a 12-digit account id nor a configured account name/,
    );
    expect(parseConfig(yaml('"555555555555"'), 't').catalog.routes[0]?.accounts).toHaveLength(3);
  });

  it('refuses a route with neither accounts nor products, and an unknown failure status', () => {
    expect(() =>
      parseConfig(
        'slack: { defaultChannel: C0ALERTS01 }\ncatalog: { routes: [{ channel: C0X1234567 }] }',
        't',
      ),
    ).toThrow(/catalog\.routes\[0\]: a route needs/);
    expect(() =>
      parseConfig(
        'slack: { defaultChannel: C0ALERTS01 }\ncatalog: { failureStatuses: [ROLLBACK_COMPLET] }',
        't',
      ),
    ).toThrow(/catalog\.failureStatuses\[0\]/);
  });
});

describe('catalog role', () => {
  it('is AWSControlTowerExecution unless roles.catalog or the account says otherwise', () => {
    expect(accounts.roleFor('222222222222', 'catalog')).toBe('AWSControlTowerExecution');
    expect(accounts.roleFor('333333333333', 'catalog')).toBe('staging-catalog-reader');
    const global = parseConfig('slack: { defaultChannel: C0ALERTS01 }\nroles: { catalog: sc-reader }', 't');
    expect(new AccountDirectory(global).roleFor('222222222222', 'catalog')).toBe('sc-reader');
  });

  it('leaves every other purpose as configured', () => {
    expect(accounts.roleFor('222222222222', 'whoami')).toBe('aws-chatops-read');
  });
});

describe('the documented example config', () => {
  it('parses, and its routes compile', async () => {
    const { loadConfigFile } = await import('../../src/config/load-config');
    const example = loadConfigFile('chatops.config.yaml');

    expect(compileRoutes(example.catalog.routes, new AccountDirectory(example))).toHaveLength(2);
  });
});
