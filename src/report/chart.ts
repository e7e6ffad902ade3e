import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeTextAtomic } from '../io/atomicWrite.js';

export type { TopLevelSpec } from 'vega-lite';

/**
 * Render a Vega-Lite specification to an SVG string, headless (renderer `none`, no canvas,
 * no browser). Text widths are Vega's estimates, so the same spec gives the same bytes on
 * every machine.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Render `spec` and write it to `path` atomically (temporary file, then rename). */
export async function writeSvg(path: string, spec: TopLevelSpec): Promise<void> {
  writeTextAtomic(path, (await renderSvg(spec)) + '\n');
}
