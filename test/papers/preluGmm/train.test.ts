import { describe, expect, it } from 'vitest';
import { gmmSample, netOutput, type GmmSample } from '../../../src/papers/preluGmm/model.js';
import { trainPrelu } from '../../../src/papers/preluGmm/train.js';

/** Share of the samples the network classifies correctly (sign of its output). */
function accuracy(data: GmmSample, net: Parameters<typeof netOutput>[0]): number {
  let correct = 0;
  for (let i = 0; i < data.n; i++) if (data.y[i] * netOutput(net, data.x, i * data.D) > 0) correct++;
  return correct / data.n;
}

const settings = { m: 16, initScale: 0.01, eta: 0.5, maxSteps: 400, extraSteps: 20, seed: 3 } as const;

describe('trainPrelu', () => {
  it('fits a separable mixture, stops extraSteps after the first perfect step, and is deterministic', () => {
    const data = gmmSample(200, 30, 2, 2, 0.3, 7);
    for (const p of [1, 2, 3]) {
      const a = trainPrelu(data, { ...settings, p });
      expect(a.fitted).toBe(true);
      expect(accuracy(data, a.net)).toBe(1);
      expect(a.steps).toBeLessThan(settings.maxSteps);
      expect(a.steps).toBeGreaterThanOrEqual(settings.extraSteps);
      const b = trainPrelu(data, { ...settings, p });
      expect(b.net.w).toEqual(a.net.w);
      expect(b.net.v).toEqual(a.net.v);
    }
  });
  it('calls the checkpoint every `every` steps and at the end, with the network being trained', () => {
    const data = gmmSample(200, 30, 2, 2, 0.3, 7);
    const seen: number[] = [];
    const r = trainPrelu(data, { ...settings, p: 2, every: 10, onCheckpoint: (step) => seen.push(step) });
    expect(seen.slice(0, -1).every((s) => s % 10 === 0)).toBe(true);
    expect(seen.at(-1)).toBe(r.steps);
  });
  it('an unfitted budget reports fitted = false', () => {
    const data = gmmSample(200, 30, 2, 2, 0.3, 7);
    expect(trainPrelu(data, { ...settings, p: 2, maxSteps: 1 }).fitted).toBe(false);
  });
});
