import { once } from '../lambda/once';
import type { ChartRenderer } from './prepare-report';

/**
 * vega + resvg, imported on first use and kept for the container: only case reports draw charts, so nothing else
 * pays for loading them (the report starts it early, so loading overlaps the AWS calls).
 */
export const loadChartRenderer: () => Promise<ChartRenderer> = once(
  async () => (await import('./render-chart')).renderChartPng,
);
