import { describe, expect, it } from 'vitest';
import { casesPerDaySpec } from '../../src/cases/chart-spec';
import { renderChartPng } from '../../src/cases/render-chart';

describe('renderChartPng', () => {
  it('draws cases per day by severity as a PNG with the bundled font', async () => {
    const spec = casesPerDaySpec(
      [
        { day: '2024-05-01', severity: 'urgent', count: 3 },
        { day: '2024-05-03', severity: 'low', count: 5 },
      ],
      ['2024-05-01', '2024-05-02', '2024-05-03'],
      'Support cases per day',
    );

    const png = await renderChartPng(spec);

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5000);
  });
});
