import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthStandIn, type StandInHealthEvent } from '../../src/local/health-stand-in';
import { HEALTH_AIRTABLE_TABLE, HealthBotHarness } from '../support/health-bot-harness';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

/** An EC2 issue for prod-payments as DescribeEventsForOrganization lists it (AWS Health API reference shapes). */
function ec2Issue(
  id: string,
  updatedHoursAgo: number,
  status: StandInHealthEvent['statusCode'] = 'open',
): StandInHealthEvent {
  return {
    arn: `arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_${id}`,
    service: 'EC2',
    eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
    eventTypeCategory: 'issue',
    eventScopeCode: 'ACCOUNT_SPECIFIC',
    region: 'eu-west-1',
    startTime: ago(updatedHoursAgo + 1),
    ...(status === 'closed' ? { endTime: ago(updatedHoursAgo) } : {}),
    lastUpdatedTime: ago(updatedHoursAgo),
    statusCode: status,
    description: `Increased error rates (${id}).`,
    accounts: { '222222222222': [{ entityValue: `i-${id}`, statusCode: 'IMPAIRED' }] },
  };
}

describe('healthReconcile: the Health API fills in what EventBridge did not deliver (Health stand-in, dynalite)', () => {
  const bot = new HealthBotHarness();
  const health = new HealthStandIn();
  beforeAll(async () => {
    await health.start();
    await bot.start({ AWS_ENDPOINT_URL_HEALTH: health.url });
    bot.use('healthReconcile', (await import('../../handlers/health-reconcile')).handler);
  });
  afterAll(() => Promise.all([bot.stop(), health.stop()]));

  const postsDuring = async (act: () => Promise<unknown>) => {
    const before = bot.slack.calls.length;
    await act();
    return bot.slack.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
  };

  it('first run: posts the recent event and every open one once, not an old closed one; again: nothing', async () => {
    health.events.push(ec2Issue('recent', 1), ec2Issue('old-open', 48), ec2Issue('old-closed', 48, 'closed'));

    const first = await postsDuring(() => bot.invoke('healthReconcile'));

    expect(first.map((c) => c.body.channel)).toEqual(['C0PRODOPS1', 'C0PRODOPS1']);
    const text = JSON.stringify(first.map((c) => c.body.blocks));
    expect(text).toContain('Increased error rates (recent).');
    expect(text).toContain('Increased error rates (old-open).');
    expect(text).toContain('`i-recent` _impaired_');
    expect(text).not.toContain('old-closed');
    const rows = bot.airtable.rows(HEALTH_AIRTABLE_TABLE).map((row) => row.EventArn);
    expect(rows).toContain(health.events[0]?.arn);
    expect(health.calls.map((c) => c.operation)).toContain('DescribeEventsForOrganization');

    expect(await postsDuring(() => bot.invoke('healthReconcile'))).toEqual([]);
  });

  it('later runs look back only the configured hours, and bring in a newer version as an update', async () => {
    health.events.push(ec2Issue('old-open-2', 48));
    const recent = health.events[0] as StandInHealthEvent;
    Object.assign(recent, {
      statusCode: 'closed',
      endTime: ago(0.1),
      lastUpdatedTime: ago(0.1),
      accounts: { '222222222222': [{ entityValue: 'i-recent', statusCode: 'RESOLVED' }] },
    });
    const before = bot.slack.calls.length;

    await bot.invoke('healthReconcile');

    const calls = bot.slack.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['chat.update', 'chat.postMessage']);
    expect(JSON.stringify(calls[0]?.body.blocks)).toContain('Resolved: EC2 Operational issue');
    expect(JSON.stringify(calls.map((c) => c.body))).not.toContain('old-open-2');
  });
  it('brings in a public event with its description and entities (no account id asked for it)', async () => {
    const open = ec2Issue('public', 0.5);
    health.events.push({
      ...open,
      eventScopeCode: 'PUBLIC',
      description: 'Public: increased EC2 launch error rates in eu-west-1.',
      accounts: { '111111111111': [{ entityValue: 'i-public', statusCode: 'IMPAIRED' }] },
    });

    const posts = await postsDuring(() => bot.invoke('healthReconcile'));

    const text = JSON.stringify(posts.map((c) => c.body.blocks));
    expect(text).toContain('Public: increased EC2 launch error rates in eu-west-1.');
    expect(text).toContain('`i-public` _impaired_');
  });
});
