import { describe, expect, it } from 'vitest';
import { parseHealthArgs } from '../../src/health/parse-health-args';

describe('/aws-health arguments', () => {
  it('reads nothing as open events, "mutes", an event ARN or an event id', () => {
    const arn =
      'arn:aws:health:eu-west-1::event/EC2/AWS_EC2_OPERATIONAL_ISSUE/AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae';
    expect(parseHealthArgs('')).toEqual({ ok: true, query: { what: 'open' } });
    expect(parseHealthArgs(' Mutes ')).toEqual({ ok: true, query: { what: 'mutes' } });
    expect(parseHealthArgs(arn)).toEqual({ ok: true, query: { what: 'event', eventArn: arn } });
    expect(parseHealthArgs('AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae')).toEqual({
      ok: true,
      query: { what: 'event', eventId: 'AWS_EC2_OPERATIONAL_ISSUE_7f35c8ae' },
    });
  });

  it('refuses two words and text that is no event', () => {
    expect(parseHealthArgs('mutes please')).toMatchObject({ ok: false });
    expect(parseHealthArgs('<!channel>')).toMatchObject({ ok: false });
  });
});
