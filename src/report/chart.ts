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
    return canonicalIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Vega numbers the gradients it defines (`gradient_7`) with a counter shared by every chart
 * of the process, so a chart's bytes depended on how many were drawn before it (which, with
 * reproductions running side by side, depends on timing). Renumber them from 0 in order of
 * appearance, so the same spec always gives the same bytes.
 */
export function canonicalIds(svg: string): string {
  const ids = new Map<string, string>();
  return svg.replace(/\bgradient_\d+\b/g, (id) => {
    let canonical = ids.get(id);
    if (canonical === undefined) {
      canonical = `gradient_${ids.size}`;
      ids.set(id, canonical);
    }
    return canonical;
  });
}

/** Task form of renderSvg (for a worker thread): the SVG text of `spec`. */
export function renderSvgTask(spec: TopLevelSpec): Promise<string> {
  return renderSvg(spec);
}

/** Render `spec` and write it to `path` atomically (temporary file, then rename). */
export async function writeSvg(path: string, spec: TopLevelSpec): Promise<void> {
  writeTextAtomic(path, `${await renderSvg(spec)}\n`);
}
