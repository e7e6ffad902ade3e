import { describe, expect, it } from 'vitest';
import { corruptedCase } from './corruptedCase.js';

describe('heavy-tail-mimic', () => {
  it('keeps the covariates and relabels eps n rows by phi(<w*, x>) plus a wide, heavy-tailed noise', () => {
    const { inst, phi, dot, untouched } = corruptedCase('heavy-tail-mimic');
    expect(inst.corrupted.length).toBe(40);
    const planted = Array.from(inst.corrupted, (i) => Math.abs(inst.sample.y[i] - phi(dot(inst.clean.x, i, inst.wstar))));
    const clean = Array.from(inst.clean.y, (y, i) => Math.abs(y - phi(dot(inst.clean.x, i, inst.wstar))));
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
    // HEAVY_TAIL_FACTOR = 10 times the clean noise's robust scale: the planted deviations'
    // median is several times the clean one's, and the largest far beyond any clean one
    expect(median(planted)).toBeGreaterThan(3 * median(clean));
    expect(Math.max(...planted)).toBeGreaterThan(Math.max(...clean));
    expect(untouched()).toBe(true);
  });
});
