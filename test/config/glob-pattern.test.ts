import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { matchesNamePattern } from '../../src/buckets/bucket-name-rules';
import { compileRoutes, routeFor } from '../../src/catalog/alert-routing';
import { globMatches, globMatchSteps } from '../../src/config/glob-pattern';
import { healthConfigSchema } from '../../src/health/config-schema';
import { HealthRouter } from '../../src/health/health-router';

/** With a backtracking matcher (a RegExp of `.*`), 100 characters took > 4 s; 2,000 would never end. */
const HOSTILE_PATTERN = '*a*a*a*a*a*b';
const HOSTILE_VALUE = 'a'.repeat(100);
const accounts = new AccountDirectory({
  accounts: [{ id: '222222222222', name: 'prod-payments', roles: {} }],
  roles: {},
  organization: { partition: 'aws', lookUpAccountNames: false },
});

describe('globMatches: `*` any run, `?` one character, any case, the whole string', () => {
  it.each([
    ['eu-*', 'eu-west-1', true],
    ['eu-*', 'us-east-1', false],
    ['EC2', 'ec2', true],
    ['AWS_?DS_*', 'AWS_RDS_MAINTENANCE', true],
    ['stg-*', 'xstg-data', false],
    ['a.b', 'axb', false],
    ['*', '', true],
    ['?', '', false],
    ['?', '😀', true],
    ['[a]+(b)', '[a]+(b)', true],
    ['**x*', 'yyxyy', true],
  ])('%s matches %s: %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });

  it('takes at most (pattern + 1) × (value + 1) steps, whatever the pattern: no backtracking blow-up', () => {
    for (const [pattern, value] of [
      [HOSTILE_PATTERN, HOSTILE_VALUE],
      ['*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000)],
      ['?*?*?*?*?*?*c', 'ab'.repeat(500)],
    ] as const) {
      expect(globMatches(pattern, value)).toBe(false);
      expect(globMatchSteps(pattern, value)).toBeLessThanOrEqual((pattern.length + 1) * (value.length + 1));
    }
  });
});

describe('every glob in the config answers a hostile pattern at once', () => {
  const slow = { timeout: 2_000 };

  it('Health routes (services, event types, regions)', slow, () => {
    const router = new HealthRouter(
      healthConfigSchema.parse({ routes: [{ regions: [HOSTILE_PATTERN], channels: ['C0EU000001'] }] }),
      'C0DEFAULT1',
      accounts,
    );
    const subject = {
      category: 'issue',
      service: 'EC2',
      eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
      accountId: '222222222222',
      region: HOSTILE_VALUE,
      status: 'open' as const,
    };
    expect(router.route(subject, new Date()).channels).toEqual(['C0DEFAULT1']);
  });

  it('bucket name patterns', slow, () => {
    expect(matchesNamePattern(HOSTILE_VALUE, [HOSTILE_PATTERN])).toBe(false);
  });

  it('catalog product routes', slow, () => {
    const routes = compileRoutes([{ products: [HOSTILE_PATTERN], channel: 'C0PRODUCT1' }], accounts);
    const subject = { accountId: '222222222222', productId: undefined, productName: HOSTILE_VALUE };
    expect(routeFor(routes, { channel: 'C0FALLBACK' }, subject).channel).toBe('C0FALLBACK');
  });
});
