import { describe, expect, it } from 'vitest';
import { MAD_TO_SD, madScale, medianAndMad } from '../../src/robust/madScale.js';
import { namedStream } from '../../src/rng/streams.js';

describe('madScale and medianAndMad', () => {
  it('is the median absolute deviation times 1/Phi^-1(3/4), leaving the input untouched', () => {
    const values = Float64Array.from([5, 1, 3, 9, 2]); // median 3, deviations 2 2 0 6 1 -> MAD 2
    const copy = Float64Array.from(values);
    expect(medianAndMad(values)).toEqual({ center: 3, scale: 2 * MAD_TO_SD });
    expect(madScale(values, new Float64Array(8))).toBe(2 * MAD_TO_SD);
    expect(values).toEqual(copy);
    expect(1 / MAD_TO_SD).toBeCloseTo(0.6744897501960817, 15); // Phi^-1(3/4)
  });

  it('is a consistent estimate of a normal sd and ignores up to half the values being wild', () => {
    const r = namedStream(3, 'mad');
    const values = Float64Array.from({ length: 20001 }, () => 2 * r.normal());
    expect(madScale(values)).toBeCloseTo(2, 1);
    for (let i = 0; i < 4000; i++) values[i] = 1e9;
    expect(madScale(values)).toBeLessThan(3);
    expect(madScale(new Float64Array(5).fill(7))).toBe(0);
  });
});
