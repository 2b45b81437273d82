import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountDirectory } from '../../src/aws/account-directory';
import { parseConfig } from '../../src/config/load-config';
import { HealthRouter } from '../../src/health/health-router';

describe('the health section of chatops.config.yaml', () => {
  it('is valid, and its routes resolve against the configured accounts', () => {
    const config = parseConfig(
      readFileSync(resolve(__dirname, '../../chatops.config.yaml'), 'utf8'),
      'example',
    );

    const router = new HealthRouter(config.health, config.slack.defaultChannel, new AccountDirectory(config));

    expect(config.health.routes.length).toBeGreaterThan(0);
    const decision = router.route(
      {
        category: 'issue',
        service: 'EC2',
        eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
        accountId: '222222222222',
        region: 'eu-west-1',
        status: 'open',
      },
      new Date(),
    );
    expect(decision.channels).toEqual(['#prod-oncall']);
  });

  it('points at the bad field when a route is wrong', () => {
    const text =
      'slack: { defaultChannel: C0ALERTS01 }\nhealth:\n  routes:\n    - categories: [outage]\n      channels: [C0X0000001]\n';
    expect(() => parseConfig(text, 'bad')).toThrow(/health\.routes\[0\]\.categories\[0\]/);
  });
});
