import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { corruptedCase } from './corruptedCase.js';

describe('planted-model', () => {
  it('relabels eps n rows, each changed, by one competing model w orthogonal to w* with |w| = |w*|, noise kept', () => {
    const { inst, phi, dot, untouched } = corruptedCase('planted-model', 'linear');
    const { d } = inst.sample;
    expect(inst.corrupted.length).toBe(40);
    const rows = Array.from(inst.corrupted);
    expect(rows.every((i) => inst.sample.y[i] !== inst.clean.y[i])).toBe(true);
    // the competitor from the corrupted rows: y_i - noise_i = <w', x_i> (linear link), solved by least squares
    const target = rows.map((i) => inst.sample.y[i] - (inst.clean.y[i] - phi(dot(inst.clean.x, i, inst.wstar))));
    const X = new Matrix(rows.map((i) => Array.from(inst.clean.x.subarray(i * d, i * d + d))));
    const w = solve(X.transpose().mmul(X), X.transpose().mmul(Matrix.columnVector(target))).to1DArray();
    const residual = Math.max(...rows.map((i, k) => Math.abs(dot(inst.clean.x, i, w) - target[k])));
    expect(residual).toBeLessThan(1e-9); // one single-index model fits every corrupted row
    expect(Math.abs(dot(Float64Array.from(w), 0, inst.wstar))).toBeLessThan(1e-9); // orthogonal to w*
    expect(Math.hypot(...w)).toBeCloseTo(Math.hypot(...inst.wstar), 9);
    expect(untouched()).toBe(true);
  });
});
