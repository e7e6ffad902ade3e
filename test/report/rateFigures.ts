import type { RateFigure } from '../../src/report/rateFigure.js';

/** Two synthetic rate figures, shared by the chart's and the audit page's tests: a slope test
 *  (sigma-rate) and the eps-rate's contrast, whose R crosses 0. */
export const SIGMA_FIGURE: RateFigure = {
  id: 'sigma-rate',
  title: 'error / sigma against sigma',
  xTitle: 'sigma / |w*|',
  yTitle: 'error / sigma',
  points: [0.3, 0.1, 0.03, 0.01, 0.003].map((x) => ({ x, mean: 0.5 * x ** -0.2, se: 0.01 })),
  slopes: { fitted: -0.2, bound: -0.1 },
  caption: 'a <test> & its numbers',
};

export const EPS_FIGURE: RateFigure = {
  id: 'eps-rate',
  title: 'R(eps)',
  xTitle: 'eps',
  yTitle: 'R',
  points: [0.1, 0.05, 0.01].map((x, k) => ({ x, mean: k - 0.5, se: 0.1 })),
  level: { bound: 1.35, label: '1.35 x R(0.1)' },
  caption: 'contrast',
};
