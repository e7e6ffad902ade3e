import { describe, expect, it } from 'vitest';
import { measurePeakMemory } from '../../src/bench/peakMemory.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('measurePeakMemory reads a child process peak above its baseline', () => {
    const m = measurePeakMemory(40000, 25);
    expect(m.bytes).toBeGreaterThan(8 * 40000 * 25 * 0.9);
    expect(m.bytesPerNumber).toBeGreaterThan(7);
  }, 60000);
});
