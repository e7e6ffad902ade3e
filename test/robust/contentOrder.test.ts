import { describe, expect, it } from 'vitest';
import { contentOrder } from '../../src/robust/contentOrder.js';
import { namedStream } from '../../src/rng/streams.js';

describe('contentOrder', () => {
  it('orders rows by their content: permuting the sample permutes the order alike', () => {
    const n = 300,
      d = 3;
    const r = namedStream(2, 'order');
    const x = Float64Array.from({ length: n * d }, r.normal);
    const order = contentOrder(n, d, x);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    const perm = Array.from({ length: n }, (_, i) => (i * 7 + 3) % n);
    const px = new Float64Array(n * d);
    for (const [to, from] of perm.entries()) px.set(x.subarray(from * d, from * d + d), to * d);
    const rowAt = (m: Float64Array, i: number): number[] => Array.from(m.subarray(i * d, i * d + d));
    const pOrder = contentOrder(n, d, px);
    for (let k = 0; k < n; k++) expect(rowAt(px, pOrder[k])).toEqual(rowAt(x, order[k]));
  });

  it('mixes the rows (not their input order) and keeps identical rows in input order', () => {
    const n = 1000,
      d = 1;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const order = contentOrder(n, d, x);
    let ascending = 0;
    for (let k = 1; k < n; k++) if (order[k] > order[k - 1]) ascending++;
    expect(ascending).toBeGreaterThan(n / 4);
    expect(ascending).toBeLessThan((3 * n) / 4);
    expect(Array.from(contentOrder(4, 2, new Float64Array(8).fill(1.5)))).toEqual([0, 1, 2, 3]);
  });
});
