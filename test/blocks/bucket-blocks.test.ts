import { describe, expect, it } from 'vitest';
import { auditMessage } from '../../blocks/audit-message';
import { bucketInfoReply } from '../../blocks/bucket-info';
import { bucketListReply } from '../../blocks/bucket-list';
import {
  bucketConvertedReply,
  bucketCreatedReply,
  bucketNameHeldReply,
  bucketUploadedReply,
  bucketWebsiteReply,
} from '../../blocks/bucket-replies';
import { uploadModal } from '../../blocks/bucket-upload-modal';
import { bucketNoticeModal, websiteConfirmModal } from '../../blocks/bucket-website-modal';
import { checkSlackLimits } from '../../blocks/check-limits';

const longName = 'b'.repeat(63);
const longKey = `${'<k&>/'.repeat(204)}x.csv`;
const account = { id: '333333333333', name: `<!channel> ${'n'.repeat(60)}` };

describe('bucket messages stay inside Slack limits with worst-case inputs', () => {
  it.each([
    [
      'created',
      bucketCreatedReply({
        bucket: longName,
        account,
        region: 'ap-southeast-4',
        tags: { 'a<b': 'v&'.repeat(128) },
      }),
    ],
    [
      'held (yours)',
      bucketNameHeldReply({ bucket: longName, account, ownership: { state: 'yours', region: 'eu-west-1' } }),
    ],
    ['held (taken)', bucketNameHeldReply({ bucket: longName, account, ownership: { state: 'taken' } })],
    [
      'held (elsewhere)',
      bucketNameHeldReply({
        bucket: longName,
        account,
        ownership: { state: 'elsewhere', region: 'eu-west-1' },
      }),
    ],
    [
      'converted',
      bucketConvertedReply({
        bucket: longName,
        key: longKey,
        to: longKey,
        rows: 1e9,
        columns: Array(500).fill('c'.repeat(100)),
        jsonBytes: 1e9,
      }),
    ],
    [
      'website',
      bucketWebsiteReply({
        bucket: longName,
        account,
        endpoint: `http://${longName}.s3-website-eu-west-1.amazonaws.com`,
      }),
    ],
    ['uploaded', bucketUploadedReply({ bucket: longName, key: longKey, bytes: 1e9, account })],
    [
      'list (2,000 buckets)',
      bucketListReply({
        account,
        prefix: 'p<>',
        buckets: Array.from({ length: 2000 }, (_, i) => ({
          name: `${longName.slice(0, 55)}-${i}`,
          region: 'eu-west-1',
          createdAt: new Date(0),
        })),
        more: true,
      }),
    ],
    ['list (empty)', bucketListReply({ account, buckets: [], more: false })],
    [
      'info',
      bucketInfoReply({
        bucket: longName,
        account,
        region: 'eu-west-1',
        publicAccessBlocked: false,
        policyIsPublic: true,
        encryption: 'aws:kms:dsse',
        website: { indexDocument: longKey, errorDocument: longKey },
        tags: Object.fromEntries(
          Array.from({ length: 50 }, (_, i) => [`k${i}${'x'.repeat(120)}`, 'v'.repeat(256)]),
        ),
      }),
    ],
    [
      'info (unreadable)',
      bucketInfoReply({
        bucket: longName,
        account,
        publicAccessBlocked: 'unknown',
        policyIsPublic: 'unknown',
        encryption: 'unknown',
        website: 'unknown',
        tags: 'unknown',
      }),
    ],
    [
      'audit',
      auditMessage({
        action: 'bucket.website',
        actor: 'U0MAKER01',
        target: `s3://${longName}`,
        result: 'refused',
        at: new Date(),
        detail: { reason: 'r'.repeat(5000) },
      }),
    ],
    [
      'audit of a refused name of 4,000 "<" and a reason of 3,000 "&" (cut after escaping)',
      auditMessage({
        action: 'bucket.create',
        actor: 'U0MAKER01',
        target: `s3://${'<'.repeat(4000)}`,
        result: 'refused',
        at: new Date(),
        detail: { reason: '&'.repeat(3000), account: 'a&'.repeat(300) },
      }),
    ],
  ])('%s', (_label, message) => {
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('escapes what came from users and AWS', () => {
    const reply = bucketCreatedReply({ bucket: 'stg-a', account, region: 'eu-west-1', tags: {} });

    expect(JSON.stringify(reply.blocks)).not.toContain('<!channel>');
  });

  const injected = '<!channel>';
  it.each([
    ['created', bucketCreatedReply({ bucket: 'stg-a', account, region: 'eu-west-1', tags: {} })],
    [
      'converted',
      bucketConvertedReply({
        bucket: 'stg-a',
        key: injected,
        to: injected,
        rows: 1,
        columns: [],
        jsonBytes: 1,
      }),
    ],
    ['website', bucketWebsiteReply({ bucket: 'stg-a', account, endpoint: 'http://stg-a.example' })],
    ['uploaded', bucketUploadedReply({ bucket: 'stg-a', key: injected, bytes: 1, account })],
    ['list', bucketListReply({ account, prefix: injected, buckets: [{ name: 'stg-a' }], more: false })],
    ['list (empty)', bucketListReply({ account, prefix: injected, buckets: [], more: false })],
    [
      'info',
      bucketInfoReply({
        bucket: 'stg-a',
        account,
        publicAccessBlocked: true,
        policyIsPublic: false,
        encryption: 'AES256',
        website: undefined,
        tags: {},
      }),
    ],
    [
      'audit',
      auditMessage({
        action: 'bucket.upload',
        actor: 'U0MAKER01',
        target: injected,
        result: 'refused',
        at: new Date(),
      }),
    ],
  ])('escapes user and AWS strings in the %s text fallback too', (_label, message) => {
    expect(message.text).not.toContain(injected);
    expect(mrkdwnTexts(message.blocks).join('\n')).not.toContain(injected);
  });

  it.each([
    [
      'website confirmation',
      websiteConfirmModal({
        bucket: longName,
        account,
        indexDocument: longKey,
        errorDocument: longKey,
        privateMetadata: '{}',
      }),
    ],
    [
      'upload (many files and accounts)',
      uploadModal({
        files: Array.from({ length: 150 }, (_, i) => ({ id: `F${i}`, name: `${'f'.repeat(250)}${i}` })),
        accounts: Array.from({ length: 150 }, (_, i) => ({
          id: String(i).padStart(12, '0'),
          label: 'a'.repeat(120),
        })),
        defaultAccountId: '000000000001',
        privateMetadata: '{}',
      }),
    ],
    [
      'upload (files whose names are blank)',
      uploadModal({
        files: [
          { id: 'F0BLANK01', name: '   ' },
          { id: 'F0EMPTY01', name: '' },
        ],
        accounts: [{ id: '333333333333', label: ' ' }],
        privateMetadata: '{}',
      }),
    ],
    ['notice', bucketNoticeModal('A title longer than twenty-four', 'm<'.repeat(3000))],
  ])('%s modal', (_label, view) => {
    expect(checkSlackLimits(view, 'modal')).toEqual([]);
  });
});

/** Every mrkdwn text in blocks (plain_text is never parsed for mentions). */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'mrkdwn' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(record).flatMap(mrkdwnTexts)];
}
