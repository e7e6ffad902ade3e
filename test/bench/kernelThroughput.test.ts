import { describe, expect, it } from 'vitest';
import { measureKernels } from '../../src/bench/kernelThroughput.js';
import { wasmReadBandwidth } from '../../src/bench/throughput.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('measureKernels times every kernel on both paths with positive throughput', () => {
    const rows = measureKernels(4096, 8, 1);
    expect(rows.map((r) => r.kernel)).toEqual(['gemv', 'gemvT', 'rowSquaredNorms', 'gradient', 'filterScores', 'powerStep']);
    for (const r of rows) {
      expect(r.jsGBs).toBeGreaterThan(0);
      expect(r.wasmGBs).toBeGreaterThan(0);
      expect([1, 2]).toContain(r.passes);
    }
    expect(() => measureKernels(10, 10, 1)).toThrow(/does not fit a kernel memory/);
  });

  it('wasmReadBandwidth reads a held array', () => {
    expect(wasmReadBandwidth(2 ** 20, 1)).toBeGreaterThan(0);
  });
});
