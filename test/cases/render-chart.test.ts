import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { casesPerDaySpec } from '../../src/cases/chart-spec';
import { CHART_FONT_FILE, renderChartPng } from '../../src/cases/render-chart';
import { resolveConfigPath } from '../../src/config/load-config';

const spec = casesPerDaySpec(
  [
    { day: '2024-05-01', severity: 'urgent', count: 3 },
    { day: '2024-05-03', severity: 'low', count: 5 },
  ],
  ['2024-05-01', '2024-05-02', '2024-05-03'],
  'Support cases per day',
);

/** The same chart drawn with no font at all: bars and axes, but no title, labels or legend text. */
async function pngWithoutText(): Promise<Buffer> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG(2);
  view.finalize();
  return new Resvg(svg, { font: { fontFiles: [], loadSystemFonts: false } }).render().asPng();
}

describe('renderChartPng', () => {
  it('draws cases per day by severity as a PNG', async () => {
    const png = await renderChartPng(spec);

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('draws the text with the bundled font, with no system fonts', async () => {
    const png = await renderChartPng(spec);
    const withoutText = await pngWithoutText();

    expect(existsSync(resolveConfigPath(CHART_FONT_FILE))).toBe(true);
    // Title, axis labels and legend add far more detail than the bars alone (≈ 32 kB against ≈ 11 kB).
    expect(png.length).toBeGreaterThan(withoutText.length * 2);
  });
});
