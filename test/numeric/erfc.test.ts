import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stdlibErfc from '@stdlib/math-base-special-erfc';
import { erfc } from '../../src/numeric/erfc.js';

/** The same double, bit for bit (NaN against NaN, -0 against -0). */
const sameBits = (a: number, b: number): boolean => Object.is(a, b);

function firstMismatch(xs: Iterable<number>): { x: number; ours: number; stdlib: number } | undefined {
  for (const x of xs) {
    const ours = erfc(x),
      theirs = stdlibErfc(x);
    if (!sameBits(ours, theirs)) return { x, ours, stdlib: theirs };
  }
  return undefined;
}

function* sweep(from: number, to: number, step: number): Generator<number> {
  for (let k = 0; from + k * step <= to; k++) yield from + k * step;
}

describe('erfc', () => {
  it("is stdlib's erfc bit for bit at every branch point, its neighbours and the special values", () => {
    const edges = [0, 1.3877787807814457e-17, 0.25, 0.84375, 1.25, 2.857142857142857, 6, 28, 1e-300, 5e-324, 1e300];
    const xs = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const e of edges) for (const x of [e, e * (1 + 2 ** -52), e * (1 - 2 ** -53), e + 1e-9, e - 1e-9]) xs.push(x, -x);
    expect(firstMismatch(xs)).toBeUndefined();
  });

  it("is stdlib's erfc bit for bit on dense sweeps of every branch", () => {
    expect(firstMismatch(sweep(-30, 30, 1.13e-4))).toBeUndefined();
    // the right tail where erfc's value turns subnormal (x about 26.5) and then 0 (about 27.3),
    // through the rounding of its exp and ldexp
    expect(firstMismatch(sweep(26.5, 27.35, 5e-7))).toBeUndefined();
  });

  it("is stdlib's erfc bit for bit on any double (both words drawn at random)", () => {
    const words = new Uint32Array(2);
    const asDouble = new Float64Array(words.buffer);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (hi, lo) => {
        words[0] = lo;
        words[1] = hi;
        const x = asDouble[0];
        expect(Object.is(erfc(x), stdlibErfc(x))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it("is stdlib's erfc bit for bit on arguments of every magnitude from 1e-3 to 1e3", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -1e6, max: 1e6 }), (decade, mantissa) => {
        const x = (mantissa / 1e6) * 10 ** (decade / 1000);
        expect(Object.is(erfc(x), stdlibErfc(x))).toBe(true);
      }),
      { numRuns: 50000 },
    );
  });
});
