import { describe, expect, it } from 'vitest';
import { getLink } from '../../src/model/links.js';
import { populationHessian, blockEigenvalues, lambdaMin } from '../../src/landscape/population.js';
import { basinRadius } from '../../src/landscape/basinRadius.js';
import { hermiteCoefficients, spectralCoefficients, labelQuantile } from '../../src/landscape/coefficients.js';

describe('closed forms', () => {
  it('relu: H(w*) = I (lambda = 1), spectral a = s^2/2, b = s^2; gelu, swish, relu: c1 = s/2', () => {
    for (const s of [0.5, 2]) {
      const H = populationHessian(getLink('relu'), s, 0, s);
      expect(blockEigenvalues(H)[0]).toBeCloseTo(1, 9);
      expect(H.complement).toBeCloseTo(1, 9);
      const sp = spectralCoefficients(getLink('relu'), s);
      expect(sp.a).toBeCloseTo((s * s) / 2, 9);
      expect(sp.b).toBeCloseTo(s * s, 9);
      for (const name of ['gelu', 'swish', 'relu'] as const) expect(hermiteCoefficients(getLink(name), s)[1]).toBeCloseTo(s / 2, 9);
    }
  });

  it('linear: H = 2 I everywhere (no finite basin); square at w*: lambda_min = 8 s^2', () => {
    expect(lambdaMin(getLink('linear'), 0.3, 0.7, 1)).toBeCloseTo(2, 9);
    expect(basinRadius(getLink('linear'), 1, { step: 0.25, maxRadius: 2 }).found).toBe(false);
    expect(lambdaMin(getLink('square'), 1.5, 0, 1.5)).toBeCloseTo(8 * 2.25, 8);
  });

  it('gelu: c0 = 1/(2 sqrt(pi)); the label quantile inverts the exact CDF', () => {
    expect(hermiteCoefficients(getLink('gelu'), 1)[0]).toBeCloseTo(1 / (2 * Math.sqrt(Math.PI)), 10);
    // linear: |Z| has 0.75-quantile 1.1503
    expect(labelQuantile(getLink('linear'), 1, 0.75)).toBeCloseTo(1.1503493803760079, 8);
  });
});
