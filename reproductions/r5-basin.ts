/**
 * R5: a constant-radius convex basin around w*, exactly: the radius and lambda_min(H(w*))
 * per link and |w*| from the oracles, the Lipschitz-Hessian bound beside it, a Monte Carlo
 * check in d = 10, 100, 1000 that the radius does not move with d, and a map of
 * lambda_min(H(w)) over the plane of (w*, u).
 */
import { getLink, type LinkName } from '../src/model/links.js';
import { blockEigenvalues, lambdaMin, populationHessian } from '../src/landscape/population.js';
import { cachedBasin } from '../src/landscape/landscapeSummary.js';
import { drawPlaneSample, monteCarloCrossing, monteCarloLambdaMin } from '../src/landscape/monteCarloRadius.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { heatmap, type Row } from '../src/report/specs.js';
import { fmt, upperClaim } from '../src/report/claim.js';
import { REPRODUCTION } from '../src/audit/bounds.js';
import type { ClaimResult } from '../src/report/writeReport.js';
import { MAIN_SOURCE, finishReport, task, type Reproduction } from './framework.js';

const LINKS: readonly LinkName[] = ['gelu', 'swish', 'relu', 'tanh', 'sigmoid'];
/** The links of the paper's title claim (generic non-monotone) and the Monte Carlo check (smooth). */
const TARGET: readonly LinkName[] = ['gelu', 'swish'];
/** Points of the Monte Carlo check along the worst ray, as multiples of the exact radius. */
const RAY = [0, 0.5, 0.9, 1, 1.1, 1.25];

/**
 * The radius a Lipschitz-Hessian argument certifies, made as sharp as it can be: on B(w*, R),
 * |H(w) - H(w*)|_op <= rho(R) |w - w*| with rho(R) = sup over the ball of that ratio, so
 * lambda_min(H(w)) >= lambda_min(H*) - rho(R) R > 0 whenever rho(R) R < lambda_min(H*). The
 * certified radius is the largest R of a grid (60 radii up to 1.5 |w*|, 24 angles each,
 * rho(R) the running maximum) with rho(R) R < lambda_min(H*).
 */
function lipschitzRadius(link: LinkName, s: number): { rho: number; radius: number } {
  const L = getLink(link);
  const h0 = populationHessian(L, s, 0, s);
  const lam = Math.min(blockEigenvalues(h0)[0], h0.complement);
  let rho = 0,
    radius = 0,
    rhoAt = 0;
  for (let k = 1; k <= 60; k++) {
    const r = (1.5 * s * k) / 60;
    for (let j = 0; j < 24; j++) {
      const t = (Math.PI * j) / 23;
      const h = populationHessian(L, s + r * Math.cos(t), r * Math.sin(t), s);
      const diff = { h11: h.h11 - h0.h11, h12: h.h12 - h0.h12, h22: h.h22 - h0.h22, complement: h.complement - h0.complement };
      const [lo, hi] = blockEigenvalues(diff);
      rho = Math.max(rho, Math.max(Math.abs(lo), Math.abs(hi), Math.abs(diff.complement)) / r);
    }
    if (rho * r >= lam) break;
    radius = r;
    rhoAt = rho;
  }
  return { rho: rhoAt, radius };
}

/** The exact basin and the Lipschitz-Hessian radius at (link, |w*| = s). */
export interface ExactRow {
  readonly b: { readonly lambdaMinAtOptimum: number; readonly radius: number; readonly found: boolean };
  readonly lh: { readonly rho: number; readonly radius: number };
}

/** Task: exact radius and Lipschitz-Hessian radius of one (link, s). */
export function exactRadius(a: { link: LinkName; s: number }): ExactRow {
  const b = cachedBasin(a.link, a.s);
  return { b: { lambdaMinAtOptimum: b.lambdaMinAtOptimum, radius: b.radius, found: b.found }, lh: lipschitzRadius(a.link, a.s) };
}

/** Monte Carlo lambda_min along the oracle's worst ray in d dimensions, beside the exact values. */
export interface MonteCarloRow {
  readonly ray: readonly number[];
  readonly exact: readonly number[];
  readonly z: readonly number[];
  readonly crossing: number;
  readonly radius: number;
}

/** Task: the Monte Carlo check of one (link, d), |w*| = 1. */
export function monteCarloRay(a: { link: LinkName; d: number; n: number; seed: number }): MonteCarloRow {
  const L = getLink(a.link);
  const b = cachedBasin(a.link, 1);
  const at = b.at!;
  const len = Math.hypot(at[0] - 1, at[1]);
  const dir: [number, number] = [(at[0] - 1) / len, at[1] / len];
  const ps = drawPlaneSample(a.n, a.d, a.seed + a.d);
  const ray: number[] = [],
    exact: number[] = [],
    z: number[] = [];
  for (const share of RAY) {
    const t = share * b.radius;
    const e = monteCarloLambdaMin(L, ps, 1 + t * dir[0], t * dir[1], 1);
    const exactValue = lambdaMin(L, 1 + t * dir[0], t * dir[1], 1);
    ray.push(e.value);
    exact.push(exactValue);
    z.push(Math.abs(e.value - exactValue) / e.se);
  }
  return { ray, exact, z, crossing: monteCarloCrossing(L, ps, 1, dir, 2 * b.radius), radius: b.radius };
}

/** Task: lambda_min over a grid of the plane of (w*, u), |w*| = 1, and the basin circle. */
export function lambdaMap(a: { link: LinkName; grid: readonly number[] }): { cells: Row[]; curves: Row[] } {
  const [a0, a1, b0, b1, na, nb] = a.grid;
  const L = getLink(a.link);
  const link = a.link;
  const cells: Row[] = [],
    curves: Row[] = [];
  const ha = (a1 - a0) / na,
    hb = (b1 - b0) / nb;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const x = a0 + (i + 0.5) * ha,
        y = b0 + (j + 0.5) * hb;
      cells.push({ link, x0: a0 + i * ha, x1: a0 + (i + 1) * ha, y0: b0 + j * hb, y1: b0 + (j + 1) * hb, value: lambdaMin(L, x, y, 1) });
    }
  }
  const r = cachedBasin(link, 1).radius;
  for (let k = 0; k <= 72; k++)
    curves.push({ link, curve: 'basin', order: k, x: 1 + r * Math.cos((2 * Math.PI * k) / 72), y: r * Math.sin((2 * Math.PI * k) / 72) });
  return { cells, curves };
}

/** The grid, declared once: norms, dimensions, Monte Carlo rows, the exact and Monte Carlo
 *  grids, and the maps' links and plane grid. */
export interface BasinPlan {
  readonly norms: number[];
  readonly dims: number[];
  readonly mc: { n: number };
  readonly seed: number;
  readonly exactGrid: { link: LinkName; s: number }[];
  readonly mcGrid: { link: LinkName; d: number }[];
  readonly mapLinks: LinkName[];
  /** a from, a to, b from, b to, points along a, points along b. */
  readonly plane: [number, number, number, number, number, number];
}

/** The grid at quick or paper scale. */
export function basinPlan(full: boolean): BasinPlan {
  const norms = full ? [0.5, 1, 2, 3] : [1, 2];
  const dims = [10, 100, 1000];
  return {
    norms,
    dims,
    mc: full ? { n: 200000 } : { n: 20000 },
    seed: 1,
    exactGrid: LINKS.flatMap((link) => norms.map((s) => ({ link, s }))),
    mcGrid: TARGET.flatMap((link) => dims.map((d) => ({ link, d }))),
    mapLinks: ['gelu', 'swish', 'tanh'],
    plane: full ? [-1, 3, -2, 2, 80, 80] : [-1, 3, -2, 2, 40, 40],
  };
}

/** The exact radii: the table, R5-basin-exists (the smallest r / |w*| on the target links) and
 *  R5-lipschitz-conservative (the largest r_LH / r). */
export function analyseExact(p: BasinPlan, exactRows: readonly ExactRow[]): { exact: string[][]; claims: ClaimResult[] } {
  const exact: string[][] = [];
  let smallestTarget = Infinity,
    worstLh = 0;
  for (const link of LINKS) {
    for (const s of p.norms) {
      const { b, lh } = exactRows[p.exactGrid.findIndex((g) => g.link === link && g.s === s)];
      exact.push([
        link,
        fmt(s),
        fmt(b.lambdaMinAtOptimum),
        b.found ? fmt(b.radius) : `> ${fmt(b.radius)}`,
        fmt(b.radius / s),
        fmt(lh.rho),
        fmt(lh.radius),
        lh.radius > 0 ? fmt(b.radius / lh.radius, 3) : 'inf',
      ]);
      if (TARGET.includes(link)) smallestTarget = Math.min(smallestTarget, b.radius / s);
      worstLh = Math.max(worstLh, lh.radius / b.radius);
    }
  }
  const claims: ClaimResult[] = [
    {
      id: 'R5-basin-exists',
      statement: `gelu and swish: lambda_min(H) > 0 on a ball of radius r > 0 around w* at every |w*| in {${p.norms.join(', ')}}; measured: the smallest r / |w*|`,
      measured: smallestTarget,
      bound: 0,
      margin: 0,
      verdict: smallestTarget > 0 ? 'holds' : 'does not hold',
    },
    upperClaim(
      'R5-lipschitz-conservative',
      'the Lipschitz-Hessian radius is below the exact one (the largest ratio r_LH / r over links and norms)',
      worstLh,
      1,
    ),
  ];
  return { exact, claims };
}

/** The Monte Carlo rays: the two tables and R5-d-independent (the largest z). */
export function analyseMonteCarlo(p: BasinPlan, mcRows: readonly MonteCarloRow[]) {
  const mcTable: string[][] = [],
    rayTable: string[][] = [];
  let worstZ = 0;
  for (const link of TARGET) {
    for (const d of p.dims) {
      const m = mcRows[p.mcGrid.findIndex((g) => g.link === link && g.d === d)];
      for (const z of m.z) worstZ = Math.max(worstZ, z);
      rayTable.push([link, String(d), ...m.ray.map((e, k) => `${fmt(e, 3)} (${fmt(m.exact[k], 3)}; z ${fmt(m.z[k], 2)})`)]);
      mcTable.push([link, String(d), String(p.mc.n), fmt(m.crossing), fmt(m.radius), fmt((m.crossing - m.radius) / m.radius, 3)]);
    }
  }
  const claim = upperClaim(
    'R5-d-independent',
    `in d = ${p.dims.join(', ')}, the Monte Carlo lambda_min(H) along the worst ray (${RAY.length} points, gelu and swish) matches the exact value: worst |difference| / standard error <= ${REPRODUCTION.monteCarloZ}`,
    worstZ,
    REPRODUCTION.monteCarloZ,
  );
  return { mcTable, rayTable, claim };
}

/** The report's text sections. */
function basinSections(p: BasinPlan, exact: string[][], mcTable: string[][], rayTable: string[][]): string[] {
  return [
    '## Exact radius (oracles of src/landscape)',
    "r is the largest radius with lambda_min(H(w)) > 0 on all of B(w*, r) (d >= 3; it does not depend on d). r_LH is what a Lipschitz-Hessian argument certifies: the largest R with rho(R) R < lambda_min(H*), rho(R) the sharpest constant with |H(w) - H(w*)| <= rho(R) |w - w*| on B(w*, R) (rho in the table: at r_LH). The paper's own constant is not available (only its abstract is), so r_LH is the best case of its argument: the paper's radius is at most this.",
    markdownTable(['link', '|w*|', 'lambda_min(H(w*))', 'radius r', 'r / |w*|', 'rho', 'r_LH', 'r / r_LH'], exact),
    '## Dimension independence (Monte Carlo)',
    `x ~ N(0, I_d) drawn in d dimensions (${p.mc.n} rows, random orthonormal w*-direction and u), the Hessian's plane block and complement eigenvalue estimated by sample means, and the first zero of lambda_min found along the oracle's worst direction from w* (|w*| = 1). Each cell is the Monte Carlo lambda_min at w* + t dir (dir: the unit direction to the oracle's first zero), the exact value and z = |difference| / standard error (delta method). Smooth links only: a kink's Dirac term has no Monte Carlo estimate.`,
    markdownTable(['link', 'd', ...RAY.map((x) => `t = ${x} r: MC (exact; z)`)], rayTable),
    '',
    'The first zero of the Monte Carlo lambda_min along that ray (same rows for every t, so the estimate is smooth in t):',
    '',
    markdownTable(['link', 'd', 'rows', 'r (Monte Carlo)', 'r (exact)', 'relative difference'], mcTable),
  ];
}

export const r5: Reproduction = {
  name: 'r5-basin',
  id: 'r5',
  title: 'R5: the convex basin around w*, exactly',
  async run(ctx) {
    const plan = basinPlan(ctx.full);
    const { norms, dims, mc, seed, mapLinks } = plan;
    const [a0, a1, b0, b1, na, nb] = plan.plane;
    // every task asked for at once (exact radii, Monte Carlo rays, maps)
    const [exactRows, mcRows, maps] = await Promise.all([
      ctx.sweep.map<ExactRow>(plan.exactGrid.map((g) => task(import.meta.url, exactRadius, g))),
      ctx.sweep.map<MonteCarloRow>(plan.mcGrid.map((g) => task(import.meta.url, monteCarloRay, { ...g, n: mc.n, seed }))),
      ctx.sweep.map<{ cells: Row[]; curves: Row[] }>(
        mapLinks.map((link) => task(import.meta.url, lambdaMap, { link, grid: [a0, a1, b0, b1, na, nb] })),
      ),
    ]);
    const ex = analyseExact(plan, exactRows);
    const mcs = analyseMonteCarlo(plan, mcRows);
    // lambda_min over the plane of (w*, u), |w*| = 1, basin circle on top
    const cells: Row[] = maps.flatMap((m) => m.cells),
      curves: Row[] = maps.flatMap((m) => m.curves);
    return finishReport(ctx, {
      source: MAIN_SOURCE,
      claim:
        'For generic non-monotone links (gelu, swish) the squared loss has a dimension-independent, constant-radius convex basin around w*.',
      settings: {
        links: LINKS,
        norms,
        monteCarlo: { dims, ...mc, seed, links: TARGET, norm: 1 },
        map: { links: mapLinks, norm: 1, a: [a0, a1], b: [b0, b1], grid: [na, nb] },
      },
      sections: basinSections(plan, ex.exact, mcs.mcTable, mcs.rayTable),
      figures: [
        {
          suffix: 'lambda-min',
          caption:
            'lambda_min(H(w)) over the plane w = a e1 + b u (w* = e1, |w*| = 1): blue positive (locally convex), red negative; the black circle is the exact basin B(w*, r).',
          spec: heatmap(cells, curves, {
            title: 'lambda_min of the population Hessian',
            xTitle: 'a (along w*)',
            yTitle: 'b (along u)',
            valueTitle: 'lambda_min',
            facet: 'link',
            width: 220,
            height: 220,
          }),
        },
      ],
      claims: [...ex.claims, mcs.claim],
      notes: [
        "The Lipschitz-Hessian radius is the paper's style of argument made as sharp as it can be; its published constant would be smaller still.",
      ],
    });
  },
};
