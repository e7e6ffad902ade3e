import { describe, expect, it } from 'vitest';
import { EPS_FIGURE, SIGMA_FIGURE } from './rateFigures.js';
import { RATE_SERIES, rateChartSpec } from '../../src/report/rateChart.js';

describe('rate figures', () => {
  it('draws the fitted trend and the bound with the slopes the test compared, on log-log axes', () => {
    const spec = rateChartSpec(SIGMA_FIGURE) as unknown as { layer: { data: { values: { x: number; y: number; series: string }[] } }[] };
    const lines = spec.layer[2]!.data.values;
    for (const [series, slope] of [
      [RATE_SERIES.fitted, -0.2],
      [RATE_SERIES.bound, -0.1],
    ] as const) {
      const [a, b] = lines.filter((r) => r.series === series);
      expect(Math.log(b!.y / a!.y) / Math.log(b!.x / a!.x)).toBeCloseTo(slope, 12);
    }
    expect(JSON.stringify(spec)).toContain('"type":"log"');
  });

  it('an excess R that is 0 or below gets a linear y axis and the level rule, no slope lines', () => {
    const spec = rateChartSpec(EPS_FIGURE) as unknown as { layer: { mark: { type: string }; encoding: { y: { scale: object } } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['rule', 'point', 'rule']);
    expect(spec.layer[1]!.encoding.y.scale).toEqual({ zero: false });
  });
});
