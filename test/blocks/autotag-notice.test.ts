import { describe, expect, it } from 'vitest';
import { autotagNotice } from '../../blocks/autotag-notice';
import { retagModal } from '../../blocks/autotag-retag-modal';
import { retagThreadReply } from '../../blocks/autotag-retag-reply';
import { checkSlackLimits } from '../../blocks/check-limits';
import type { AutotagNotice } from '../../src/autotag/notice-record';

const INJECTION = '<!channel> <https://evil.example|click> *x* & ';

function notice(overrides: Partial<AutotagNotice> = {}): AutotagNotice {
  return {
    noticeId: 'evt-1',
    eventName: 'RunInstances',
    account: { id: '222222222222', name: 'prod-payments' },
    region: 'eu-west-1',
    partition: 'aws',
    createdAt: '2026-03-02T09:15:27Z',
    creator: {
      kind: 'IAMUser',
      label: 'alice',
      person: 'alice',
      arn: 'arn:aws:iam::222222222222:user/alice',
      service: false,
    },
    instances: [{ id: 'i-1', type: 't3.large', imageId: 'ami-1', name: 'web-1' }],
    resources: [
      { id: 'i-1', kind: 'instance' },
      { id: 'vol-1', kind: 'volume', instanceId: 'i-1' },
    ],
    owner: { value: 'alice' },
    ownerKept: false,
    ownerTagKey: 'Owner',
    access: { accountId: '222222222222', region: 'eu-west-1', roleName: 'aws-chatops-tagger' },
    dryRun: false,
    problems: [],
    message: { channel: 'C0ALERTS01', ts: '1700000000.000001' },
    history: [],
    ...overrides,
  };
}

/** 1,000 instances (RunInstances' maximum) with volumes and ENIs, and every user string at its worst. */
function worstCase(): AutotagNotice {
  const long = `${INJECTION}${'x'.repeat(3000)}`;
  const instances = Array.from({ length: 1000 }, (_, i) => ({
    id: `i-${i}`,
    type: 't3.large',
    imageId: 'ami-1',
    name: long,
  }));
  return notice({
    account: { id: '222222222222', name: long },
    creator: { kind: 'AssumedRole', label: long, person: long, arn: long, service: false },
    instances,
    resources: instances.flatMap((i) => [
      { id: i.id, kind: 'instance' as const },
      { id: `vol-${i.id}`, kind: 'volume' as const, instanceId: i.id },
      { id: `eni-${i.id}`, kind: 'network-interface' as const, instanceId: i.id },
    ]),
    owner: { value: long },
    problems: Array.from({ length: 50 }, () => long),
    history: [{ jobId: 'j', from: long, to: long, by: 'U0ADMIN001', at: '2026-03-02T10:00:00Z' }],
  });
}

/** Every mrkdwn text in blocks (plain_text is shown literally by Slack, so only mrkdwn can inject). */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const own = node.type === 'mrkdwn' && typeof node.text === 'string' ? [node.text] : [];
  return [...own, ...Object.values(node).flatMap(mrkdwnTexts)];
}

describe('autotagNotice', () => {
  it('shows who launched what, where, with console links and both buttons carrying only the notice id', () => {
    const message = autotagNotice(notice());

    const json = JSON.stringify(message.blocks);
    expect(json).toContain(
      'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-1',
    );
    expect(json).toContain('`t3.large`');
    expect(json).toContain('*web-1*');
    expect(json).toContain('prod-payments (222222222222)');
    const actions = message.blocks.find((b) => b.type === 'actions');
    expect(
      actions && 'elements' in actions ? actions.elements.map((e) => ('value' in e ? e.value : '')) : [],
    ).toEqual(['evt-1', 'evt-1']);
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('stays inside Slack limits and escapes everything in the worst case', () => {
    const message = autotagNotice(worstCase());

    expect(checkSlackLimits(message)).toEqual([]);
    for (const text of [message.text, ...mrkdwnTexts(message.blocks)]) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil');
    }
  });

  it('cuts the creator ARN after escaping: 1,500 `<` stay inside the context limit, escaped', () => {
    const arn = '<'.repeat(1500);
    const message = autotagNotice(
      notice({ creator: { kind: 'IAMUser', label: 'alice', person: 'alice', arn, service: false } }),
    );

    expect(checkSlackLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('Creator ARN: `&lt;&lt;');
    expect(JSON.stringify(message.blocks)).not.toMatch(/&(l|lt|g|gt|a|am|amp)?…/);
  });

  it('keeps a 3,000-character region, instance type, image id and tag key inside Slack limits', () => {
    const flood = '<'.repeat(3000);
    const message = autotagNotice(
      notice({
        region: flood,
        ownerTagKey: flood,
        instances: [{ id: 'i-1', type: flood, imageId: flood, name: 'web-1' }],
      }),
    );

    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('says why nothing was tagged when the account could not be reached', () => {
    const message = autotagNotice(notice({ problems: ['Could not reach the account: AccessDenied'] }));

    expect(JSON.stringify(message.blocks)).toContain(':warning: Not tagged (1 instance, 1 volume).');
    expect(JSON.stringify(message.blocks)).toContain('AccessDenied');
  });

  it('builds the modal and the thread reply inside Slack limits with worst-case values', () => {
    const worst = worstCase();

    const modal = retagModal(worst, {
      noticeId: 'evt-1',
      responseUrl: 'https://hooks.slack.com/actions/T/1/x',
    });
    const reply = retagThreadReply({
      by: 'U0ADMIN001',
      from: worst.owner.value,
      to: worst.owner.value,
      resources: 3000,
      confirmed: false,
    });

    expect(checkSlackLimits(modal, 'modal')).toEqual([]);
    expect(modal.private_metadata?.length ?? 0).toBeLessThanOrEqual(3000);
    expect(checkSlackLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
  });
});
