import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './chart.js';
import type { RateFigure } from './rateFigure.js';

/** The series names of a rate chart (its legend). */
export const RATE_SERIES = { measured: 'measured (mean +- 2 se)', fitted: 'fitted trend', bound: 'bound' } as const;

/**
 * The Vega-Lite chart of a rate experiment (src/audit/rateFigure.ts): the grid's means with
 * bars of two standard errors; for a slope test, the fitted trend and the bound as straight
 * lines on log-log axes through the points' geometric centre (the slopes are what the test
 * compares; where the lines sit is only for the eye); for the eps-rate, the level R at the
 * smallest eps is held to, as a dashed rule. The y axis is logarithmic when every mean is
 * positive and the figure has slopes, linear otherwise (an excess R can be 0 or below).
 */
export function rateChartSpec(fig: RateFigure): TopLevelSpec {
  const pts = fig.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.mean));
  const logY = fig.slopes !== undefined && pts.every((p) => p.mean > 0 && p.mean - 2 * p.se > 0);
  const rows: Record<string, number | string>[] = pts.map((p) => ({
    x: p.x,
    y: p.mean,
    lo: logY ? Math.max(p.mean - 2 * p.se, p.mean / 100) : p.mean - 2 * p.se,
    hi: p.mean + 2 * p.se,
    series: RATE_SERIES.measured,
  }));
  const lines: Record<string, number | string>[] = [];
  if (fig.slopes && pts.length >= 2 && pts.every((p) => p.mean > 0)) {
    const lx = pts.map((p) => Math.log(p.x));
    const ly = pts.map((p) => Math.log(p.mean));
    const cx = lx.reduce((a, b) => a + b, 0) / lx.length;
    const cy = ly.reduce((a, b) => a + b, 0) / ly.length;
    const ends = [Math.min(...lx), Math.max(...lx)];
    for (const [series, slope] of [
      [RATE_SERIES.fitted, fig.slopes.fitted],
      [RATE_SERIES.bound, fig.slopes.bound],
    ] as const)
      for (const e of ends) lines.push({ x: Math.exp(e), y: Math.exp(cy + slope * (e - cx)), series });
  }
  const x = { field: 'x', type: 'quantitative' as const, title: fig.xTitle, scale: { type: 'log' as const, nice: false, padding: 12 } };
  const y = {
    field: 'y',
    type: 'quantitative' as const,
    title: fig.yTitle,
    scale: logY ? { type: 'log' as const, nice: false, padding: 12 } : { zero: false },
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: null,
    scale: { domain: Object.values(RATE_SERIES), range: ['#1f77b4', '#2ca02c', '#d62728'] },
    legend: { labelLimit: 300, orient: 'bottom' as const },
  };
  const layers: object[] = [
    { data: { values: rows }, mark: { type: 'rule' }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } },
    { data: { values: rows }, mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } },
  ];
  if (lines.length)
    layers.push({
      data: { values: lines },
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: { x, y, color, strokeDash: { field: 'series', type: 'nominal', legend: null } },
    });
  if (fig.level && Number.isFinite(fig.level.bound))
    layers.push({
      data: { values: [{ y: fig.level.bound, series: RATE_SERIES.bound, label: fig.level.label }] },
      mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y, color, tooltip: { field: 'label' } },
    });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: fig.title, subtitle: fig.caption, fontSize: 12, subtitleFontSize: 10 },
    width: 360,
    height: 220,
    config: { font: 'sans-serif' },
    layer: layers,
  } as TopLevelSpec;
}

/** The SVG of each figure, by its property id (figures render headless: src/report/chart.ts). */
export async function renderRateFigures(figures: readonly RateFigure[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of figures) out.set(f.id, await renderSvg(rateChartSpec(f)));
  return out;
}
