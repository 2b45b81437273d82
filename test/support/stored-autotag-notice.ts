import type { AutotagNotice } from '../../src/autotag/notice-record';
import { noticeKey } from '../../src/autotag/notice-record';
import type { StateStore } from '../../src/store/state-store';

/** Where the bot posted the notice, as a click on it carries it (channel.id / message.ts). */
export const NOTICE_MESSAGE = { channel: 'C0STAGING1', ts: '1700000000.000200' };

/**
 * A notice the bot announced for a RunInstances by IAM user alice (Slack user `creatorSlackUserId`), stored as
 * the auto-tagging function stores it; the record a Retag / It's mine click is checked against.
 */
export async function storeAnnouncedNotice(
  store: StateStore,
  noticeId: string,
  creatorSlackUserId: string,
): Promise<AutotagNotice> {
  const notice: AutotagNotice = {
    noticeId,
    eventName: 'RunInstances',
    account: { id: '333333333333', name: 'staging' },
    region: 'eu-west-1',
    partition: 'aws',
    createdAt: '2026-12-01T10:00:00.000Z',
    creator: {
      kind: 'IAMUser',
      label: 'alice',
      person: 'alice',
      arn: 'arn:aws:iam::333333333333:user/ops/alice',
      service: false,
    },
    creatorSlackUserId,
    instances: [{ id: 'i-0a000000000000001', type: 't3.micro' }],
    resources: [{ id: 'i-0a000000000000001', kind: 'instance', instanceType: 't3.micro' }],
    owner: { value: 'alice' },
    ownerKept: false,
    ownerTagKey: 'Owner',
    access: { accountId: '333333333333', region: 'eu-west-1', roleName: 'aws-chatops-tagger' },
    dryRun: false,
    problems: [],
    message: NOTICE_MESSAGE,
    history: [],
  };
  const { pk, sk } = noticeKey(noticeId);
  await store.create(pk, sk, notice);
  return notice;
}
