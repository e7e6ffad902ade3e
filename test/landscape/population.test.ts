import { describe, expect, it } from 'vitest';
import { getLink, LINK_NAMES } from '../../src/model/links.js';
import { populationLoss, populationGradient, populationHessian, lambdaMin } from '../../src/landscape/population.js';
import { namedStream } from '../../src/rng/streams.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1e-12, Math.abs(b));

describe('population oracles against independent methods', () => {
  const points: Array<[number, number, number]> = [
    [0.8, 0.3, 1],
    [1.4, -0.6, 1.5],
    [0.2, 0.9, 0.7],
  ];

  // Monte Carlo with error bars: 2e5 draws, 5 standard errors
  it.each(LINK_NAMES)('%s: loss agrees with Monte Carlo within 5 standard errors', (name) => {
    const link = getLink(name);
    const [a, b, s] = points[0];
    const r = namedStream(9, `mc-${name}`);
    const N = 200_000;
    let m = 0,
      m2 = 0;
    for (let i = 0; i < N; i++) {
      const x1 = r.normal(),
        x2 = r.normal();
      const t = (link.phi(a * x1 + b * x2) - link.phi(s * x1)) ** 2;
      m += t;
      m2 += t * t;
    }
    const mean = m / N,
      se = Math.sqrt((m2 / N - mean * mean) / N);
    expect(Math.abs(populationLoss(link, a, b, s) - mean)).toBeLessThan(5 * se);
  });

  it.each(LINK_NAMES)(
    '%s: gradient = finite differences of the loss, Hessian = finite differences of the gradient (relative 1e-6)',
    (name) => {
      const link = getLink(name);
      const h = 1e-5;
      for (const [a, b, s] of points) {
        const g = populationGradient(link, a, b, s);
        const fd = [
          (populationLoss(link, a + h, b, s) - populationLoss(link, a - h, b, s)) / (2 * h),
          (populationLoss(link, a, b + h, s) - populationLoss(link, a, b - h, s)) / (2 * h),
        ];
        for (let j = 0; j < 2; j++) expect(Math.abs(g[j] - fd[j])).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd[j])));
        const H = populationHessian(link, a, b, s);
        const ga = populationGradient(link, a + h, b, s),
          gb = populationGradient(link, a - h, b, s);
        const gc = populationGradient(link, a, b + h, s),
          gd = populationGradient(link, a, b - h, s);
        const fdH = [(ga[0] - gb[0]) / (2 * h), (ga[1] - gb[1]) / (2 * h), (gc[1] - gd[1]) / (2 * h)];
        // the kink terms (relu, abs) are what the a.e. formula would miss: checked here too
        for (const [j, v] of [H.h11, H.h12, H.h22].entries())
          expect(Math.abs(v - fdH[j])).toBeLessThan(1e-6 * Math.max(1, Math.abs(fdH[j])));
      }
    },
  );

  it.each(LINK_NAMES)('%s: the complement eigenvalue is the Hessian along a third axis (finite differences in 3-D)', (name) => {
    // grad L at w = (a, b, t): rotate (b, t) into the plane; component along e3 is g2 * t / r
    const link = getLink(name);
    const [a, b, s] = points[0];
    const h = 1e-5;
    const g3 = (t: number): number => {
      const r = Math.hypot(b, t);
      return populationGradient(link, a, r, s)[1] * (t / r);
    };
    const fd = (g3(h) - g3(-h)) / (2 * h);
    expect(Math.abs(populationHessian(link, a, b, s).complement - fd)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
  });

  it.each(['gelu', 'swish', 'sigmoid', 'square', 'linear'] as const)(
    '%s: panels agree with tensor Gauss-Hermite to relative 1e-6 where the integrand is smooth',
    (name) => {
      const link = getLink(name);
      for (const [a, b, s] of points) {
        expect(rel(populationLoss(link, a, b, s, 0, 'panels'), populationLoss(link, a, b, s, 0, 'hermite'))).toBeLessThan(1e-6);
        const hp = populationHessian(link, a, b, s, 'panels'),
          hh = populationHessian(link, a, b, s, 'hermite');
        for (const k of ['h11', 'h22', 'complement'] as const)
          expect(Math.abs(hp[k] - hh[k])).toBeLessThan(1e-6 * Math.max(1, Math.abs(hh[k])));
      }
    },
  );

  it('finding: tensor Gauss-Hermite is not near machine precision for tanh at |w*| = 2 (poles near the real axis)', () => {
    const tanh = getLink('tanh');
    const p = lambdaMin(tanh, 2, 0, 2, 3, 'panels'),
      g = lambdaMin(tanh, 2, 0, 2, 3, 'hermite');
    expect(rel(g, p)).toBeGreaterThan(1e-3);
    // while the panel rule is stable under refinement of its own (Monte Carlo of the complement)
    const r = namedStream(1, 'tanh');
    let m = 0,
      m2 = 0;
    const N = 400_000;
    for (let i = 0; i < N; i++) {
      const t = 2 * (1 - Math.tanh(2 * r.normal()) ** 2) ** 2;
      m += t;
      m2 += t * t;
    }
    const se = Math.sqrt((m2 / N - (m / N) ** 2) / N);
    expect(Math.abs(populationHessian(tanh, 2, 0, 2).complement - m / N)).toBeLessThan(5 * se);
  });
});
