import type { TopLevelSpec } from 'vega-lite';

/** One point of a line chart. */
export type Row = Record<string, string | number>;

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  readonly title: string;
  readonly x: { readonly field: string; readonly title: string; readonly log?: boolean };
  readonly y: { readonly field: string; readonly title: string; readonly log?: boolean };
  /** Field naming the series (one line each). */
  readonly series: string;
  /** Optional field splitting the chart into panels side by side. */
  readonly facet?: string;
  /** Wrap the panels after this many (default: one row). */
  readonly facetColumns?: number;
  /** Give each panel its own x scale (panels of different quantities). */
  readonly independentX?: boolean;
  /** Optional horizontal reference lines: {value, label}; drawn dashed in every panel. */
  readonly rules?: readonly { readonly value: number; readonly label: string }[];
  readonly width?: number;
  readonly height?: number;
}

/** A line chart with points, one line per series, optional panels and dashed reference lines. */
export function lineChart(rows: readonly Row[], o: LineChartOptions): TopLevelSpec {
  const x = {
    field: o.x.field,
    type: 'quantitative' as const,
    title: o.x.title,
    scale: o.x.log ? { type: 'log' as const } : { zero: false },
  };
  const y = {
    field: o.y.field,
    type: 'quantitative' as const,
    title: o.y.title,
    scale: o.y.log ? { type: 'log' as const } : { zero: false },
  };
  const layers: object[] = [
    {
      mark: { type: 'line', point: true, strokeWidth: 1.5 },
      encoding: {
        x,
        y,
        color: { field: o.series, type: 'nominal', title: o.series },
        strokeDash: { field: o.series, type: 'nominal', title: o.series },
      },
    },
  ];
  if (o.rules?.length) {
    layers.push({
      data: { values: o.rules.map((r) => ({ rule: r.value, label: r.label })) },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
      encoding: { y: { field: 'rule', type: 'quantitative' }, tooltip: { field: 'label' } },
    });
  }
  const inner = { width: o.width ?? 320, height: o.height ?? 220, layer: layers };
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    data: { values: rows },
    config: { font: 'sans-serif' },
  };
  if (!o.facet) return { ...base, ...inner } as TopLevelSpec;
  const resolve = o.independentX ? { resolve: { scale: { x: 'independent' } } } : {};
  if (o.facetColumns)
    return {
      ...base,
      facet: { field: o.facet, type: 'nominal', title: null },
      columns: o.facetColumns,
      spec: inner,
      ...resolve,
    } as TopLevelSpec;
  return { ...base, facet: { column: { field: o.facet, type: 'nominal', title: null } }, spec: inner, ...resolve } as TopLevelSpec;
}

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly valueTitle: string;
  /** Optional field splitting the chart into panels side by side (present on cells and curves). */
  readonly facet?: string;
  readonly width?: number;
  readonly height?: number;
}

/**
 * A heat map with curves on top. `cells` rows carry `x0, x1, y0, y1` (the cell) and `value`;
 * `curves` rows carry `x, y`, a `curve` name and an `order` along it. The colour scale is
 * diverging and centred at 0, so the sign of the value (e.g. of lambda_min) reads at a glance.
 * Both go in one dataset (a `layer` field tells them apart) because Vega-Lite facets one dataset.
 */
export function heatmap(cells: readonly Row[], curves: readonly Row[], o: HeatmapOptions): TopLevelSpec {
  const values = [...cells.map((c) => ({ ...c, layer: 'cell' })), ...curves.map((c) => ({ ...c, layer: 'curve' }))];
  const q = 'quantitative' as const;
  const inner = {
    width: o.width ?? 260,
    height: o.height ?? 260,
    layer: [
      {
        transform: [{ filter: "datum.layer === 'cell'" }],
        mark: { type: 'rect', strokeWidth: 0 },
        encoding: {
          x: { field: 'x0', type: q, title: o.xTitle, scale: { zero: false, nice: false } },
          x2: { field: 'x1' },
          y: { field: 'y0', type: q, title: o.yTitle, scale: { zero: false, nice: false } },
          y2: { field: 'y1' },
          color: { field: 'value', type: q, title: o.valueTitle, scale: { scheme: 'redblue', domainMid: 0 } },
        },
      },
      {
        transform: [{ filter: "datum.layer === 'curve'" }],
        mark: { type: 'line', color: 'black', strokeWidth: 2 },
        encoding: {
          x: { field: 'x', type: q },
          y: { field: 'y', type: q },
          order: { field: 'order', type: q },
          detail: { field: 'curve', type: 'nominal' },
        },
      },
    ],
  };
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    data: { values },
    config: { font: 'sans-serif' },
  };
  if (!o.facet) return { ...base, ...inner } as TopLevelSpec;
  return {
    ...base,
    facet: { column: { field: o.facet, type: 'nominal', title: null } },
    spec: inner,
    resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' } },
  } as TopLevelSpec;
}

/** Options of {@link tileChart}. */
export interface TileChartOptions {
  readonly title: string;
  readonly x: { readonly field: string; readonly title: string };
  readonly y: { readonly field: string; readonly title: string };
  readonly value: { readonly field: string; readonly title: string };
  /** Field with the text printed in each tile. */
  readonly label: string;
}

/**
 * A table as a picture: one tile per (x, y) category pair, coloured by `value` on a log
 * scale (errors span decades), with its label printed in the tile.
 */
export function tileChart(rows: readonly Row[], o: TileChartOptions): TopLevelSpec {
  const x = { field: o.x.field, type: 'nominal' as const, title: o.x.title, sort: null };
  const y = { field: o.y.field, type: 'nominal' as const, title: o.y.title, sort: null };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    data: { values: rows },
    config: { font: 'sans-serif' },
    width: { step: 64 },
    height: { step: 22 },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: o.value.field, type: 'quantitative', title: o.value.title, scale: { type: 'log', scheme: 'orangered' } },
        },
      },
      { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: o.label, type: 'nominal' } } },
    ],
  } as TopLevelSpec;
}

/** Options of {@link scatterChart}. */
export interface ScatterOptions {
  readonly title: string;
  readonly x: { readonly field: string; readonly title: string; readonly log?: boolean };
  readonly y: { readonly field: string; readonly title: string; readonly log?: boolean };
  readonly series: string;
  /** A reference curve drawn as a dashed line: rows with the same x and y fields. */
  readonly curve?: readonly Row[];
  readonly curveLabel?: string;
}

/** Points coloured by series, with an optional dashed reference curve (e.g. a bound). */
export function scatterChart(rows: readonly Row[], o: ScatterOptions): TopLevelSpec {
  const scale = (log?: boolean): object => (log ? { type: 'log' } : { zero: false });
  const x = { field: o.x.field, type: 'quantitative' as const, title: o.x.title, scale: scale(o.x.log) };
  const y = { field: o.y.field, type: 'quantitative' as const, title: o.y.title, scale: scale(o.y.log) };
  const values = [...rows.map((r) => ({ ...r, layer: 'point' })), ...(o.curve ?? []).map((r, k) => ({ ...r, layer: 'curve', order: k }))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: o.title,
    data: { values },
    config: { font: 'sans-serif' },
    width: 360,
    height: 260,
    layer: [
      {
        transform: [{ filter: "datum.layer === 'point'" }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: {
          x,
          y,
          color: { field: o.series, type: 'nominal', title: o.series },
          shape: { field: o.series, type: 'nominal', title: o.series },
        },
      },
      {
        transform: [{ filter: "datum.layer === 'curve'" }],
        mark: { type: 'line', strokeDash: [4, 4], color: '#555' },
        encoding: { x, y, order: { field: 'order', type: 'quantitative' }, tooltip: { value: o.curveLabel ?? 'bound' } },
      },
    ],
  } as TopLevelSpec;
}
