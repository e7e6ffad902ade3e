import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalIds, renderSvg, writeSvg } from '../../src/report/chart.js';
import { heatmap, lineChart, tileChart } from '../../src/report/specs.js';

const rows = [
  { x: 1, y: 2, s: 'a', p: 'left' },
  { x: 2, y: 4, s: 'a', p: 'left' },
  { x: 1, y: 3, s: 'b', p: 'right' },
  { x: 2, y: 1, s: 'b', p: 'right' },
];

describe('charts', () => {
  it('renders a line chart to the same SVG bytes every time, with its title and series', async () => {
    const spec = lineChart(rows, {
      title: 'Lines',
      x: { field: 'x', title: 'ex', log: true },
      y: { field: 'y', title: 'why' },
      series: 's',
      facet: 'p',
      rules: [{ value: 2.5, label: 'ref' }],
    });
    const a = await renderSvg(spec),
      b = await renderSvg(spec);
    expect(a).toBe(b);
    expect(a.startsWith('<svg')).toBe(true);
    for (const text of ['Lines', 'ex', 'why', 'left', 'right']) expect(a).toContain(text);
  });
  it('renders a heat map with a curve, and a tile chart', async () => {
    const cells = [
      { x0: 0, x1: 1, y0: 0, y1: 1, value: -1 },
      { x0: 1, x1: 2, y0: 0, y1: 1, value: 2 },
    ];
    const curve = [
      { x: 0.5, y: 0.5, curve: 'c', order: 0 },
      { x: 1.5, y: 0.5, curve: 'c', order: 1 },
    ];
    const svg = await renderSvg(heatmap(cells, curve, { title: 'Map', xTitle: 'a', yTitle: 'b', valueTitle: 'v' }));
    expect(svg).toContain('Map');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(2);
    // the same heat map drawn again (vega's gradient counter has moved on) has the same bytes
    expect(await renderSvg(heatmap(cells, curve, { title: 'Map', xTitle: 'a', yTitle: 'b', valueTitle: 'v' }))).toBe(svg);
    expect(svg).toContain('url(#gradient_0)');
    const tiles = await renderSvg(
      tileChart(
        [
          { e: 'm', a: 'x', v: 0.1, l: '0.1' },
          { e: 'm', a: 'y', v: 2, l: '2' },
        ],
        { title: 'Tiles', x: { field: 'a', title: 'A' }, y: { field: 'e', title: 'E' }, value: { field: 'v', title: 'V' }, label: 'l' },
      ),
    );
    expect(tiles).toContain('Tiles');
    expect(tiles).toContain('>0.1<');
  });
  it('writes the SVG atomically to the path given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-'));
    await writeSvg(
      join(dir, 'f.svg'),
      lineChart(rows, { title: 'T', x: { field: 'x', title: 'x' }, y: { field: 'y', title: 'y' }, series: 's' }),
    );
    expect(readFileSync(join(dir, 'f.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\n$/);
  });
  it('renumbers gradients in order of appearance', () => {
    expect(canonicalIds('<a id="gradient_7"/><b fill="url(#gradient_7)"/><c id="gradient_3"/>')).toBe(
      '<a id="gradient_0"/><b fill="url(#gradient_0)"/><c id="gradient_1"/>',
    );
  });
});
