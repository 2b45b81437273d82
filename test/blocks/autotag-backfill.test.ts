import { describe, expect, it } from 'vitest';
import { type BackfillSummary, backfillSummary } from '../../blocks/autotag-backfill';
import { checkSlackLimits } from '../../blocks/check-limits';

const NOTHING: BackfillSummary = {
  planId: 'plan-1',
  windowDays: 30,
  itemCount: 0,
  counts: {},
  leftOut: 0,
  unreadable: [],
};
const DENIED =
  '222222222222 us-east-1: the tagging role could not be assumed (AccessDenied): deploy infra/autotag-tagging-role.yaml there';

describe("the backfill scan's answer", () => {
  it('says "Nothing to backfill" only when every place was read', () => {
    const message = backfillSummary(NOTHING);

    expect(message.text).toContain('Nothing to backfill');
    expect(JSON.stringify(message.blocks)).toContain(':white_check_mark:');
  });

  it('is a problem, not a green "nothing to backfill", when places could not be read, and lists each with what to do', () => {
    const unreadable = [
      DENIED,
      ...Array.from({ length: 11 }, (_, i) => `33333333333${i % 10} eu-west-${i}: x`),
    ];
    const message = backfillSummary({ ...NOTHING, unreadable });
    const shown = JSON.stringify(message.blocks);

    expect(message.text).not.toContain('Nothing to backfill');
    const said = [
      ':warning:',
      '12 accounts and regions could not be read',
      'tagging-role.yaml there',
      'and 2 more',
    ];
    expect(said.filter((part) => !shown.includes(part))).toEqual([]);
    expect(checkSlackLimits(message)).toEqual([]);
  });

  it('lists what could not be read beside the resources that were found, one place a line', () => {
    const message = backfillSummary({
      ...NOTHING,
      itemCount: 3,
      counts: { 'SQS queue': 3 },
      unreadable: [DENIED, '333333333333 eu-west-1: throttled by AWS (ThrottlingException): run again later'],
    });
    const shown = JSON.stringify(message.blocks);

    expect(shown).toContain(`• ${DENIED}\\n• 333333333333 eu-west-1: throttled`);
    expect(checkSlackLimits(message)).toEqual([]);
  });
});
