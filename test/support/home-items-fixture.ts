import type { HomeItem } from '../../src/store/home-items';

const CATEGORIES = ['issue', 'accountNotification', 'scheduledChange'] as const;

/**
 * `items` Home items over `accounts` accounts, as the feature paths record them: Health events of every kind and
 * open or upcoming, catalog failures, one case report, launches of `userId` and others, and a few mutes. Names carry Slack
 * markup so escaping shows.
 */
export function manyHomeItems(options: {
  accounts: number;
  items: number;
  now: Date;
  userId?: string;
}): HomeItem[] {
  const { accounts, items, now } = options;
  const userId = options.userId ?? 'U0ADA0001';
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const account = (i: number) => ({
    id: String(100000000000 + (i % accounts)),
    name: `acct-${i % accounts} <!channel> & co`,
  });
  const out: HomeItem[] = [];
  for (let i = 0; out.length < items; i += 1) {
    const slot = i % 10;
    if (slot < 6) {
      out.push({
        kind: 'health',
        key: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/e-${i}`,
        account: account(i),
        at: ago(i * 7),
        fields: {
          eventArn: `arn:aws:health:us-east-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/e-${i}`,
          service: 'EC2',
          eventTypeCode: `AWS_EC2_OPERATIONAL_ISSUE_${i}`,
          category: CATEGORIES[i % 3] ?? 'issue',
          status: slot === 5 ? 'upcoming' : 'open',
          region: 'us-east-1',
          alert: { channelId: 'C0PRODOPS1', ts: `1700000000.${String(i).padStart(6, '0')}` },
        },
      });
    } else if (slot < 8) {
      out.push({
        kind: 'catalog',
        key: `arn:aws:cloudformation:us-east-1:${account(i).id}:stack/SC-x-pp-${i}/1#ROLLBACK_COMPLETE`,
        account: account(i),
        at: ago(i * 11),
        fields: {
          stackName: `SC-${account(i).id}-pp-${i}`,
          product: `product <${i}>`,
          status: 'ROLLBACK_COMPLETE',
          region: 'eu-west-1',
          alert: { channelId: 'C0CATALOG1', ts: `1700000001.${String(i).padStart(6, '0')}` },
        },
      });
    } else if (slot === 8) {
      out.push({
        kind: 'launch',
        key: `notice-${i}`,
        account: account(i),
        at: ago(i * 3),
        fields: {
          noticeId: `notice-${i}`,
          launcher: 'alice@example.com via SSO',
          ...(i % 20 === 8 ? { launcherUserId: userId } : { launcherUserId: 'U0OTHER01' }),
          owner: 'alice@example.com',
          resources: `i-0a${i} (t3.micro) and 2 more`,
          region: 'us-east-1',
          notice: { channelId: 'C0AUTOTAG1', ts: `1700000002.${String(i).padStart(6, '0')}` },
        },
      });
    } else {
      out.push({
        kind: 'cases',
        key: 'report',
        account: account(i),
        at: ago(3 * 24 * 60),
        fields: { open: i % 4, total: i % 7, window: '7d' },
      });
    }
  }
  out.push({
    kind: 'mute',
    key: 'mute-1',
    at: ago(60),
    fields: { muteId: 'mute-1', scope: 'AWS_VPN_REDUNDANCY_LOSS in prod', until: ago(-600), by: userId },
  });
  return out;
}
