/**
 * Stands in for `vega-canvas` in bundles and tsx runs. Charts are drawn as SVG (renderer `none` + `toSVG`), so no
 * canvas is needed; the real module's top-level `await import('canvas')` cannot be bundled as CommonJS.
 */
export const canvas = (): null => null;
export const domCanvas = (): null => null;
export const nodeCanvas = (): null => null;
export const image = (): null => null;
