import { describe, expect, it } from 'vitest';
import type { PreluNet } from '../../../src/papers/preluGmm/model.js';
import { minimalFlip } from '../../../src/papers/preluGmm/attack.js';
import { robustness } from '../../../src/papers/preluGmm/robustRadius.js';

describe('seed 004 building blocks', () => {
  it('the attack finds the exact minimal flip of a linear classifier', () => {
    // one relu neuron minus another: f(x) = relu(x1) - relu(-x1) = x1 (p = 1), boundary x1 = 0
    const D = 3;
    const net: PreluNet = { p: 1, m: 2, D, w: Float64Array.from([1, 0, 0, -1, 0, 0]), v: Float64Array.from([1, -1]) };
    const x = Float64Array.from([0.3, 0.5, -0.2]);
    expect(minimalFlip(net, x, Float64Array.from([-1, 0, 0]))).toBeCloseTo(0.3, 3);
    const test = { n: 1, D, x, y: Float64Array.from([-1]), cluster: Int32Array.from([0]) };
    expect(robustness(net, test, 1)).toEqual({ radii: [0], accuracy: 0 });
  });
});
