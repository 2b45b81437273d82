import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { resolveConfigPath } from '../config/load-config';

/** Bundled with the functions that draw charts (serverless.yml `package.patterns`), so text renders anywhere. */
export const CHART_FONT_FILE = 'src/cases/chart-font/DejaVuSans.ttf';

export class ChartRenderError extends Error {
  override readonly name = 'ChartRenderError';
}

/**
 * vega-lite spec → SVG (vega, headless) → PNG (resvg, with the bundled font and no system fonts, so the picture
 * is the same on a laptop and in Lambda). Loaded lazily by the worker: nothing else pays for vega.
 */
export async function renderChartPng(spec: TopLevelSpec): Promise<Buffer> {
  try {
    const view = new View(parse(compile(spec).spec), { renderer: 'none' });
    const svg = await view.toSVG(2);
    view.finalize();
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: [resolveConfigPath(CHART_FONT_FILE)],
        loadSystemFonts: false,
        defaultFontFamily: 'DejaVu Sans',
      },
      background: '#ffffff',
    });
    return resvg.render().asPng();
  } catch (error) {
    throw new ChartRenderError(`cannot draw the chart: ${(error as Error).message}`, { cause: error });
  }
}
