import { describe, expect, it } from 'vitest';
import { changesSince, changesWorthAReply, snapshotOf } from '../../src/health/event-changes';
import { MAX_STORED_ENTITIES, mergeDelivery, missingPages, sameView } from '../../src/health/event-view';
import { MAX_TOTAL_PAGES, toDelivery } from '../../src/health/health-delivery';
import { healthEventSchema } from '../../src/health/health-event-schema';
import { healthFixture } from '../support/health-harness';

const delivery = (name: string, patch: (e: Record<string, unknown>) => void = () => undefined) => {
  const event = structuredClone(healthFixture(name));
  patch(event);
  return toDelivery(healthEventSchema.parse(event));
};
const merge = (view: Parameters<typeof mergeDelivery>[0], name: string, channels = ['C1']) =>
  mergeDelivery(view, { delivery: delivery(name), accountName: undefined, channels });

describe('health event schema and delivery', () => {
  it('reads RFC 1123 dates, string page numbers and the organisational view', () => {
    const cfn = delivery('cloudformation-notification-ap-northeast-2');
    expect(cfn.startTime).toBe('2022-11-02T07:30:00.000Z');
    expect(cfn.status).toBe('open');
    expect(cfn.organizationView).toBe(false);
    const paged = delivery('paged-page-2-of-2');
    expect([paged.page, paged.totalPages]).toEqual([2, 2]);
    const org = delivery('org-view-staging');
    expect([org.accountId, org.organizationView]).toEqual(['333333333333', true]);
  });

  it('names every problem of a malformed event', () => {
    const result = healthEventSchema.safeParse(healthFixture('malformed-missing-arn'));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['detail.eventArn', 'detail.startTime']));
  });
});

describe('mergeDelivery', () => {
  it('is idempotent: the same delivery twice gives the same view', () => {
    const once = merge(undefined, 'ec2-issue-open');
    expect(sameView(merge(once, 'ec2-issue-open'), once)).toBe(true);
  });

  it('takes status, dates and description only from newer deliveries, entities from any', () => {
    const closed = merge(merge(undefined, 'ec2-issue-open'), 'ec2-issue-closed');
    const late = merge(closed, 'ec2-issue-update');
    expect(late.status).toBe('closed');
    expect(late.description).toBe(closed.description);
    expect(late.accounts['222222222222']?.entities).toHaveLength(5);
  });

  it('keeps routing sticky: a channel that got the event keeps getting its updates', () => {
    const first = merge(undefined, 'ec2-issue-open', ['C1']);
    const next = merge(first, 'ec2-issue-closed', []);
    expect(next.accounts['222222222222']?.channels).toEqual(['C1']);
  });

  it('tracks the pages of a paged event until all arrived', () => {
    const first = merge(undefined, 'paged-page-1-of-2');
    expect(missingPages(first)).toEqual({ count: 1, ranges: [[2, 2]] });
    expect(missingPages(merge(first, 'paged-page-2-of-2'))).toEqual({ count: 0, ranges: [] });
  });

  it('also completes a paged event whose pages all carry the same communicationId', () => {
    const first = merge(undefined, 'paged-page-1-of-2');
    const samePageId = delivery('paged-page-2-of-2', (event) => {
      (event.detail as { communicationId: string }).communicationId =
        'c0ffee0123456789abcdef0123456789abcdef01-1';
    });
    const both = mergeDelivery(first, { delivery: samePageId, accountName: undefined, channels: ['C1'] });
    expect(missingPages(both)).toEqual({ count: 0, ranges: [] });
    expect(Object.keys(both.pages)).toEqual(['c0ffee0123456789abcdef0123456789abcdef01']);
  });

  it('caps stored entities to keep the state item small, and says so', () => {
    const many = delivery('ec2-issue-open');
    many.entities = Array.from({ length: MAX_STORED_ENTITIES + 50 }, (_, i) => `i-${i}`);
    const view = mergeDelivery(undefined, { delivery: many, accountName: undefined, channels: [] });
    expect(view.accounts['222222222222']?.entities).toHaveLength(MAX_STORED_ENTITIES);
    expect(view.entitiesTruncated).toBe(true);
  });
});

describe('changes since the last render', () => {
  it('lists status, end, description and new entities, and keeps account joins and later pages out of the thread', () => {
    const open = merge(undefined, 'ec2-issue-open');
    const closed = merge(merge(open, 'ec2-issue-update'), 'ec2-issue-closed');
    const kinds = changesSince(snapshotOf(open), closed).map((c) => c.kind);
    // All five resources are RESOLVED in the closing update (issue 13: the reply counts them).
    expect(kinds).toEqual(['status', 'endTime', 'description', 'entities', 'recovered']);

    const page1 = merge(undefined, 'paged-page-1-of-2');
    const page2 = merge(page1, 'paged-page-2-of-2');
    const pageChanges = changesSince(snapshotOf(page1), page2);
    expect(pageChanges.map((c) => c.kind)).toEqual(['entities']);
    expect(changesWorthAReply(snapshotOf(page1), page2, pageChanges)).toEqual([]);

    const org = merge(undefined, 'org-view-staging');
    const more = merge(org, 'org-view-unlisted-account');
    const orgChanges = changesSince(snapshotOf(org), more);
    expect(orgChanges.map((c) => c.kind)).toEqual(['accounts']);
    expect(changesWorthAReply(snapshotOf(org), more, orgChanges)).toEqual([]);
  });
});

describe('a paged event announcing more pages than Health could ever send', () => {
  it('takes at most MAX_TOTAL_PAGES, so the alert still says which pages are missing', () => {
    const event = healthEventSchema.parse({
      ...healthFixture('paged-page-1-of-2'),
      detail: { ...(healthFixture('paged-page-1-of-2').detail as object), totalPages: '4294967296' },
    });

    const delivery = toDelivery(event);

    expect(delivery.totalPages).toBe(MAX_TOTAL_PAGES);
  });
});
