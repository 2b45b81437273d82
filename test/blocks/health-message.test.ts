import { describe, expect, it } from 'vitest';
import { checkSlackLimits } from '../../blocks/check-limits';
import { healthDashboardUrl } from '../../blocks/console-links';
import { healthChangeReply } from '../../blocks/health-change';
import { readableEventType } from '../../blocks/health-format';
import { healthEventMessage } from '../../blocks/health-message';
import { type HealthEventView, missingPages } from '../../src/health/event-view';
import { unsafeMrkdwn } from '../support/mrkdwn-safety';

const DASHBOARD = 'https://health.aws.amazon.com/health/home#/account/event-log?eventID=x';

function view(overrides: Partial<HealthEventView> = {}): HealthEventView {
  return {
    eventArn: 'arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_1',
    service: 'EC2',
    eventTypeCode: 'AWS_EC2_OPERATIONAL_ISSUE',
    category: 'issue',
    scope: 'ACCOUNT_SPECIFIC',
    region: 'us-east-1',
    status: 'open',
    startTime: '2024-05-14T08:41:00.000Z',
    endTime: undefined,
    lastUpdatedTime: '2024-05-14T09:00:00.000Z',
    description: 'Increased error rates.',
    accounts: {
      '222222222222': {
        name: 'prod-payments',
        entities: ['i-1'],
        channels: ['C1'],
        lastUpdatedTime: '2024-05-14T09:00:00.000Z',
      },
    },
    pages: {},
    entitiesTruncated: false,
    organizationView: false,
    ...overrides,
  };
}

const HOSTILE = '<!channel> <!here> <@U0ADMIN001> <https://evil.example|click> <!subteam^S1> & ';

describe('healthEventMessage', () => {
  it('stays inside Slack limits with a 12,000-character description and 600 entities, and links to the rest', () => {
    const entities = Array.from(
      { length: 600 },
      (_, i) => `arn:aws:ec2:us-east-1:222222222222:instance/i-${String(i).padStart(17, '0')}`,
    );
    const message = healthEventMessage({
      view: view({
        description: `${'A long description line. '.repeat(480)}`.slice(0, 12_000),
        accounts: {
          '222222222222': {
            name: 'prod',
            entities,
            channels: ['C1'],
            lastUpdatedTime: '2024-05-14T09:00:00.000Z',
          },
        },
      }),
      dashboardUrl: DASHBOARD,
      missingPages: { count: 0, ranges: [] },
    });

    expect(checkSlackLimits(message)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Read the full description in AWS Health');
    expect(json).toContain('Affected resources (600)');
    expect(json).toContain('…and 585 more resources');
  });

  it('escapes every mention and link that came from AWS, in blocks and in the fallback text', () => {
    const message = healthEventMessage({
      view: view({
        description: HOSTILE.repeat(400),
        service: '<!channel>',
        region: '<@U1>',
        accounts: {
          '222222222222': {
            name: '<!here>',
            entities: [HOSTILE],
            channels: ['C1'],
            lastUpdatedTime: '2024-05-14T09:00:00.000Z',
          },
          '333333333333': {
            name: '<@U2>',
            entities: ['<https://x|y>'],
            channels: ['C1'],
            lastUpdatedTime: '2024-05-14T09:00:00.000Z',
          },
        },
      }),
      dashboardUrl: DASHBOARD,
      missingPages: { count: 0, ranges: [] },
    });

    expect(unsafeMrkdwn(message)).toEqual([]);
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('lists every account of an organisation-wide event (the first ones, then how many more) within limits', () => {
    const accounts = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        String(100000000000 + i),
        {
          name: `account-${i}`,
          entities: [`i-${i}`, `i-${i}b`],
          channels: ['C1'],
          lastUpdatedTime: '2024-05-14T09:00:00.000Z',
        },
      ]),
    );

    const message = healthEventMessage({
      view: view({ accounts }),
      dashboardUrl: DASHBOARD,
      missingPages: { count: 2, ranges: [[2, 3]] },
    });

    expect(checkSlackLimits(message)).toEqual([]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('Affected accounts (300)');
    expect(json).toContain('…and 280 more accounts');
    expect(json).toContain('waiting for page(s) 2, 3');
    expect(message.text).toMatch(/300 accounts/);
  });

  it.each([
    ['open', 'issue', ':red_circle: Open'],
    ['upcoming', 'scheduledChange', ':calendar: Upcoming'],
    ['closed', 'issue', ':white_check_mark: Resolved'],
  ] as const)('shows status %s of a %s at a glance in the header', (status, category, header) => {
    const message = healthEventMessage({
      view: view({ status, category }),
      dashboardUrl: DASHBOARD,
      missingPages: { count: 0, ranges: [] },
    });

    expect(JSON.stringify(message.blocks[0])).toContain(header);
    expect(message.text).toMatch(/^\[(Open|Upcoming|Resolved)\] AWS Health: EC2 Operational issue/);
  });
});

describe('healthChangeReply', () => {
  it('says what changed, within limits, even for huge changes', () => {
    const reply = healthChangeReply({
      category: 'issue',
      changes: [
        { kind: 'status', from: 'open', to: 'closed' },
        { kind: 'endTime', from: undefined, to: '2024-05-14T11:05:00.000Z' },
        { kind: 'description', description: HOSTILE.repeat(500) },
        {
          kind: 'entities',
          accountId: '222222222222',
          accountName: '<!here>',
          added: Array.from({ length: 600 }, (_, i) => `i-${i}`),
        },
        {
          kind: 'accounts',
          added: Array.from({ length: 200 }, (_, i) => ({ id: String(100000000000 + i), name: undefined })),
        },
      ],
    });

    expect(checkSlackLimits(reply)).toEqual([]);
    expect(unsafeMrkdwn(reply)).toEqual([]);
    expect(reply.text).toMatch(/status open → closed; end time set; description updated; 600 new resources/);
  });
});

describe('readableEventType', () => {
  it.each([
    ['AWS_EC2_OPERATIONAL_ISSUE', 'EC2', 'Operational issue'],
    ['AWS_CLOUDFORMATION_OPERATIONAL_NOTIFICATION', 'CLOUDFORMATION', 'Operational notification'],
    ['AWS_RDS_MAINTENANCE_SCHEDULED', 'RDS', 'Maintenance scheduled'],
    ['AWS_HEALTH_SOMETHING', 'EC2', 'Health something'],
  ])('%s of %s reads %s', (code, service, readable) => {
    expect(readableEventType(code, service)).toBe(readable);
  });
});

describe('healthEventMessage with unbounded AWS strings (Slack would answer invalid_blocks)', () => {
  const flood = (n: number) => '<'.repeat(n);

  it('keeps a 3,000-character region, service, event type and account name inside Slack limits, escaped', () => {
    const message = healthEventMessage({
      view: view({
        region: flood(3000),
        service: flood(3000),
        eventTypeCode: flood(3000),
        accounts: {
          '222222222222': {
            name: flood(3000),
            entities: [flood(3000)],
            channels: ['C1'],
            lastUpdatedTime: '2024-05-14T09:00:00.000Z',
          },
        },
      }),
      dashboardUrl: DASHBOARD,
      missingPages: { count: 0, ranges: [] },
    });

    expect(checkSlackLimits(message)).toEqual([]);
    expect(unsafeMrkdwn(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('*Region*\\n&lt;&lt;');
  });

  it('links a 400-character multibyte event ARN through a dashboard URL Slack accepts (≤ 3,000)', () => {
    const arnView = view({ eventArn: `arn:aws:health:us-east-1::event/EC2/X/${'事'.repeat(400)}` });

    const dashboardUrl = healthDashboardUrl(arnView, 'aws');
    const message = healthEventMessage({
      view: arnView,
      dashboardUrl,
      missingPages: { count: 0, ranges: [] },
    });

    expect(checkSlackLimits(message)).toEqual([]);
    expect(dashboardUrl.startsWith('https://health.aws.amazon.com/health/home#/account/event-log')).toBe(
      true,
    );
  });

  it.each([
    [4_294_967_296, '4,294,967,295 pages missing'],
    [5_000_000, '4,999,999 pages missing'],
  ])('says pages are missing when Health announces %d pages, without listing them', (total, words) => {
    const paged = view({ pages: { 'comm-1': { received: [1], total } } });

    const missing = missingPages(paged);
    const message = healthEventMessage({ view: paged, dashboardUrl: DASHBOARD, missingPages: missing });

    expect(missing.count).toBe(total - 1);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(words);
    expect(json).toContain(`waiting for page(s) 2–${total.toLocaleString('en-US')}`);
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('lists the few pages still missing, as ranges', () => {
    const paged = view({ pages: { 'comm-1': { received: [1, 4, 5], total: 9 } } });

    expect(missingPages(paged)).toEqual({
      count: 6,
      ranges: [
        [2, 3],
        [6, 9],
      ],
    });
  });
});
