import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, encode } from '../../src/sweep/codec.js';

describe('codec', () => {
  it('round-trips the values JSON loses, exactly', () => {
    const value = {
      a: NaN,
      b: [Infinity, -Infinity, -0, 0, 1e-310],
      f: Float64Array.of(1.5, NaN, -0),
      i: Int32Array.of(3, -4),
      m: new Map([['x', 1]]),
      s: 'text',
      n: null,
    };
    const back = decode<typeof value>(encode(value));
    expect(back.a).toBeNaN();
    expect(back.b.map((v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(['Infinity', '-Infinity', '-0', '0', '1e-310']);
    expect(back.f).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f[2], -0)).toBe(true);
    expect(back.i).toEqual(Int32Array.of(3, -4));
    expect(back.m.get('x')).toBe(1);
    expect(back.s).toBe('text');
    expect(back.n).toBeNull();
  });

  it('every double survives, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (xs) => {
        const back = decode<number[]>(encode(xs));
        expect(back.every((v, i) => Object.is(v, xs[i]))).toBe(true);
      }),
    );
  });
});
