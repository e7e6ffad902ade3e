import { describe, expect, it } from 'vitest';
import { measurePeakMemory } from '../../src/bench/peakMemory.js';

describe('benchmark pieces (small sizes; the figures themselves live in reports/bench.md)', () => {
  it('measurePeakMemory reads a child process peak above its baseline', () => {
    const m = measurePeakMemory(40000, 25);
    expect(m.bytes).toBeGreaterThan(8 * 40000 * 25 * 0.9);
    expect(m.bytesPerNumber).toBeGreaterThan(7);
  }, 60000);

  it('reads the child its own peak when the process that starts it is larger than the child gets (Linux keeps the parent size in maxRSS across fork)', () => {
    // 300 MB resident here, twice what the child reaches: getrusage's maxRSS read 0 above baseline
    const resident = Buffer.alloc(300e6, 1);
    const m = measurePeakMemory(40000, 25);
    expect(resident[resident.length - 1]).toBe(1);
    expect(m.bytes).toBeGreaterThan(8 * 40000 * 25 * 0.9);
    expect(m.bytesPerNumber).toBeLessThan(40);
  }, 60000);
});
