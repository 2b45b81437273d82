import { describe, expect, it } from 'vitest';
import { endedPeriod } from '../../src/health/digest-queue';

describe('the period a digest covers', () => {
  const at = (iso: string) => new Date(iso);

  it('ends on the last full hour for hourly digests', () => {
    expect(endedPeriod('hourly', at('2026-12-01T10:17:42Z'))).toEqual({
      key: 'hourly@2026-12-01T10:00:00.000Z',
      end: at('2026-12-01T10:00:00Z'),
    });
  });

  it('ends at the last HH:MM UTC passed for daily digests (yesterday’s before that time)', () => {
    expect(endedPeriod('daily 08:30', at('2026-12-01T10:00:00Z')).end).toEqual(at('2026-12-01T08:30:00Z'));
    expect(endedPeriod('daily 08:30', at('2026-12-01T08:00:00Z')).end).toEqual(at('2026-11-30T08:30:00Z'));
  });
});
