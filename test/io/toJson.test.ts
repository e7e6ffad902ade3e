import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/io/toJson.js';

describe('toJson', () => {
  it('prints typed arrays as arrays, indents like JSON.stringify, refuses non-finite numbers naming the key', () => {
    const value = { w: Float64Array.from([1.5, -0.25]), idx: Int32Array.from([3]), name: 'x' };
    expect(toJson(value)).toBe('{"w":[1.5,-0.25],"idx":[3],"name":"x"}');
    expect(toJson(value, 2)).toBe(JSON.stringify({ w: [1.5, -0.25], idx: [3], name: 'x' }, null, 2));
    expect(() => toJson({ margin: NaN })).toThrow(/non-finite number at "margin"/);
    expect(() => toJson({ a: [1, Infinity] })).toThrow(/non-finite/);
  });
});
