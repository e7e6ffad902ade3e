/**
 * R8: the black-box search against the catalogue. For every built-in estimator: the strongest
 * catalogue adversary's median error against the search's at eps 0.05 and 0.1, and the
 * smallest eps that breaks it (median error above |w*|) for the catalogue beside the search's
 * shrunk attack.
 */
import { ADVERSARY_NAMES } from '../src/adversaries/index.js';
import { searchAttack } from '../src/adversaries/search.js';
import { generateInstance, type InstanceSettings } from '../src/instance/instance.js';
import { distance } from '../src/kernels/vec.js';
import { fmt, lowerClaim } from '../src/report/claim.js';
import { markdownTable } from '../src/report/markdownTable.js';
import { tileChart, type Row } from '../src/report/specs.js';
import { estimator, METHOD_NAMES, type MethodName } from '../src/solver/methods.js';
import { summarize } from '../src/stats/summary.js';
import { finishReport, task, type Reproduction, type ReproductionContext } from './framework.js';
import { seedList } from './common.js';

/** The eps at which the catalogue's and the search's errors are compared. */
const COMPARE_EPS = [0.05, 0.1] as const;
/** The eps grid on which the catalogue's smallest breaking eps is read. */
const BREAK_GRID = [0.02, 0.05, 0.1, 0.2, 0.3, 0.4] as const;
/** Estimators the search must break (no robust step at all). */
const BASELINES: readonly MethodName[] = ['plain', 'huber', 'glmtron'];

type Base = Omit<InstanceSettings, 'seed' | 'eps' | 'adversary'>;

/** Task: errors of `method` under every catalogue adversary at every eps of `grid` (rows:
 *  adversaries in catalogue order; columns: the grid), on the instances of `seed`. */
export function catalogueErrors(a: { method: MethodName; base: Base; grid: readonly number[]; seed: number }): number[][] {
  const fit = estimator(a.method);
  return ADVERSARY_NAMES.map((adversary) =>
    a.grid.map((eps) => {
      const inst = generateInstance({ ...a.base, eps, adversary, seed: a.seed });
      return distance(fit(inst.sample, { link: a.base.link, eps, seed: a.seed }).w, inst.wstar);
    }),
  );
}

/** Task: the search against `method` on the clean instance of `seed`: its best error, and the
 *  rows of its shrunk breaking attack (0 when it found none). */
export function searchErrors(a: { method: MethodName; base: Base; eps: number; budget: number; seed: number }): {
  error: number;
  shrunkRows: number;
  evaluations: number;
} {
  const fit = estimator(a.method);
  const clean = generateInstance({ ...a.base, eps: 0, adversary: 'none', seed: a.seed });
  const r = searchAttack((data, o) => fit(data, o).w, clean.sample, clean.wstar, {
    link: a.base.link,
    eps: a.eps,
    budget: a.budget,
    seed: a.seed,
  });
  return { error: r.best.error, shrunkRows: r.shrunk?.m ?? 0, evaluations: r.evaluations.length };
}

/** What one link's comparison produced: the tables' rows, the figure's tiles, the search's
 *  ratio to the strongest catalogue adversary per estimator at the first compared eps, and
 *  the search's median errors against the baselines there. */
export interface LinkComparison {
  readonly rows: string[][];
  readonly breakRows: string[][];
  readonly tiles: Row[];
  readonly ratios: Map<MethodName, number>;
  readonly baselineSearch: number[];
}

/** R8's grid, declared once. */
export interface R8Plan {
  readonly base: Base;
  readonly seeds: readonly number[];
  readonly budget: number;
  /** The catalogue's eps grid: the breakdown grid and the compared eps, ascending. */
  readonly grid: readonly number[];
  /** gelu: every estimator; linear: the baselines the search must break. */
  readonly links: readonly { readonly base: Base; readonly methods: readonly MethodName[] }[];
}

/** The plan at quick or paper scale. */
export function r8Plan(full: boolean): R8Plan {
  const scale = full ? { d: 20, n: 4000, seeds: 8, budget: 120 } : { d: 10, n: 2000, seeds: 3, budget: 40 };
  const base: Base = { d: scale.d, n: scale.n, norm: 1, link: 'gelu', noise: 'gaussian', sigma: 0.1 };
  return {
    base,
    seeds: seedList(scale.seeds),
    budget: scale.budget,
    grid: [...new Set([...BREAK_GRID, ...COMPARE_EPS])].sort((a, b) => a - b),
    links: [
      { base, methods: METHOD_NAMES },
      { base: { ...base, link: 'linear' }, methods: BASELINES },
    ],
  };
}

/** One search's result. */
export interface SearchResult {
  readonly error: number;
  readonly shrunkRows: number;
  readonly evaluations: number;
}

/** What one link's tasks return: catalogue[m * seeds + k] (method m, seed k: adversaries x
 *  grid), searched[(m * COMPARE_EPS.length + e) * seeds + k]. */
export interface LinkMeasurement {
  readonly catalogue: readonly number[][][];
  readonly searched: readonly SearchResult[];
}

/** The tasks of one link: every method's catalogue errors and searches, per seed. */
async function measureLink(ctx: ReproductionContext, plan: R8Plan, base: Base, methods: readonly MethodName[]): Promise<LinkMeasurement> {
  const { seeds, grid, budget } = plan;
  const fitCost = 500 * base.n * base.d;
  const [catalogue, searched] = await Promise.all([
    ctx.sweep.map<number[][]>(
      methods.flatMap((method) =>
        seeds.map((seed) => task(import.meta.url, catalogueErrors, { method, base, grid, seed }, fitCost * grid.length * 7)),
      ),
    ),
    ctx.sweep.map<SearchResult>(
      methods.flatMap((method) =>
        COMPARE_EPS.flatMap((eps) =>
          seeds.map((seed) => task(import.meta.url, searchErrors, { method, base, eps, budget, seed }, fitCost * budget)),
        ),
      ),
    ),
  ]);
  return { catalogue, searched };
}

/** The catalogue against the search for `methods` on instances of `base` (one link). */
export function analyseLink(plan: R8Plan, base: Base, methods: readonly MethodName[], m: LinkMeasurement): LinkComparison {
  const { seeds, grid } = plan;
  const { catalogue, searched } = m;
  const norm = base.norm;
  const rows: string[][] = [];
  const breakRows: string[][] = [];
  const tiles: Row[] = [];
  const ratios = new Map<MethodName, number>();
  const baselineSearch: number[] = [];
  const searchesOf = (mi: number, ei: number) =>
    searched.slice((mi * COMPARE_EPS.length + ei) * seeds.length, (mi * COMPARE_EPS.length + ei + 1) * seeds.length);
  methods.forEach((method, mi) => {
    const perSeed = catalogue.slice(mi * seeds.length, (mi + 1) * seeds.length);
    const median = (a: number, e: number): number => summarize(perSeed.map((x) => x[a][e])).median;
    const cells: string[] = [method];
    for (const [ei, eps] of COMPARE_EPS.entries()) {
      const e = grid.indexOf(eps);
      let strongest = 0,
        name = '';
      ADVERSARY_NAMES.forEach((adv, a) => {
        const v = median(a, e);
        if (v > strongest) {
          strongest = v;
          name = adv;
        }
      });
      const searchMedian = summarize(searchesOf(mi, ei).map((x) => x.error)).median;
      cells.push(`${fmt(strongest, 3)} (${name})`, fmt(searchMedian, 3), fmt(searchMedian / strongest, 3));
      tiles.push({
        estimator: `${method} (${base.link})`,
        eps: String(eps),
        ratio: searchMedian / strongest,
        label: fmt(searchMedian / strongest, 2),
      });
      if (eps === COMPARE_EPS[0]) {
        ratios.set(method, searchMedian / strongest);
        if (BASELINES.includes(method)) baselineSearch.push(searchMedian);
      }
    }
    rows.push(cells);
    // the catalogue's smallest breaking eps: the smallest grid eps where some adversary's
    // median error exceeds |w*|; the search's: the median of its shrunk attacks' eps at the
    // largest compared eps (over the seeds where it broke the estimator)
    const catalogueBreak = grid.find((_, e) => ADVERSARY_NAMES.some((_, a) => median(a, e) > norm));
    const last = COMPARE_EPS.length - 1;
    const broke = searchesOf(mi, last)
      .filter((x) => x.shrunkRows > 0)
      .map((x) => x.shrunkRows / base.n);
    breakRows.push([
      method,
      catalogueBreak === undefined ? `none up to ${grid[grid.length - 1]}` : String(catalogueBreak),
      broke.length ? `${fmt(summarize(broke).median, 3)} (${broke.length} of ${seeds.length} seeds)` : `none at ${COMPARE_EPS[last]}`,
    ]);
  });
  return { rows, breakRows, tiles, ratios, baselineSearch };
}

/** R8's two claims from the gelu and linear comparisons. */
export function r8Claims(plan: R8Plan, gelu: LinkComparison, linear: LinkComparison) {
  return [
    lowerClaim(
      'R8-search-breaks-baselines',
      `the search's median error against ${BASELINES.join(', ')} at eps ${COMPARE_EPS[0]}, gelu and linear links, exceeds |w*| (the smallest of the six)`,
      Math.min(...gelu.baselineSearch, ...linear.baselineSearch),
      plan.base.norm,
    ),
    lowerClaim(
      'R8-search-against-robust',
      `against the robust solver at eps ${COMPARE_EPS[0]} (gelu), the search's median error is at least 0.8 of the strongest catalogue adversary's`,
      gelu.ratios.get('robust') ?? 0,
      0.8,
    ),
  ];
}

export const r8: Reproduction = {
  name: 'r8-adversary-search',
  id: 'r8',
  title: 'R8: the black-box search against the catalogue, for every estimator',
  async run(ctx) {
    const plan = r8Plan(ctx.full);
    const measured = await Promise.all(plan.links.map((l) => measureLink(ctx, plan, l.base, l.methods)));
    const [gelu, linear] = plan.links.map((l, k) => analyseLink(plan, l.base, l.methods, measured[k]));
    return renderR8(ctx, plan, gelu, linear);
  },
};

/** The report: R8's one form. */
function renderR8(ctx: ReproductionContext, plan: R8Plan, gelu: LinkComparison, linear: LinkComparison) {
  const { base, grid } = plan;
  const header = ['estimator', ...COMPARE_EPS.flatMap((e) => [`catalogue at ${e}`, `search at ${e}`, `ratio at ${e}`])];
  const breakNote = `The catalogue's: the smallest eps of ${grid.join(', ')} at which some adversary's median error exceeds |w*|. The search's: the eps of its shrunk breaking attack at eps ${COMPARE_EPS[COMPARE_EPS.length - 1]} (median over the seeds where it broke the estimator).`;
  return finishReport(ctx, {
    source: 'issue 16 (adversaries that search); the catalogue: SPEC section 2',
    claim:
      "A black-box search over a corruption family, calling the estimator only as fit(data) -> w, breaks the estimators without a robust step (gelu and linear links) and comes within 0.8 of the strongest catalogue adversary's error against the robust solver.",
    settings: {
      ...base,
      links: ['gelu', 'linear'],
      seeds: plan.seeds,
      budget: plan.budget,
      compareEps: COMPARE_EPS,
      breakGrid: grid,
      estimators: METHOD_NAMES,
      linearEstimators: BASELINES,
    },
    sections: [
      '## gelu: strongest catalogue adversary against the search (median error over seeds)',
      markdownTable(header, gelu.rows),
      '## gelu: smallest breaking eps (median error above |w*|)',
      breakNote,
      markdownTable(['estimator', 'catalogue', 'search (shrunk)'], gelu.breakRows),
      `## linear: the baselines (${BASELINES.join(', ')})`,
      markdownTable(header, linear.rows),
      markdownTable(['estimator', 'catalogue', 'search (shrunk)'], linear.breakRows),
    ],
    figures: [
      {
        suffix: 'ratio',
        caption: "The search's median error over the strongest catalogue adversary's, per estimator, link and eps (1: as strong).",
        spec: tileChart([...gelu.tiles, ...linear.tiles], {
          title: 'Search / strongest catalogue adversary (median error)',
          x: { field: 'eps', title: 'eps' },
          y: { field: 'estimator', title: 'estimator' },
          value: { field: 'ratio', title: 'ratio' },
          label: 'label',
        }),
      },
    ],
    claims: r8Claims(plan, gelu, linear),
    notes: [
      "The search sees the estimator as a black box: it calls fit(data) -> w, and its answer on the clean data is one of its directions. The family contains the catalogue's covariance shift (the rows of largest leverage along a direction orthogonal to the clean answer and w*, their responses aimed so each squared-loss gradient has a set component along it), which needs that answer and the link, nothing of the estimator's internals; the search starts from it and from the other catalogue constructions, and moves from the best.",
    ],
  });
}
