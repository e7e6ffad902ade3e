/**
 * What every reproduction shares: its contract, and the one function that turns measured
 * claims, tables and figures into reports/<name>.md, its JSON twin and its SVG figures.
 */
import { join } from 'node:path';
import { renderSvgTask, type TopLevelSpec } from '../src/report/chart.js';
import { writeTextAtomic } from '../src/io/atomicWrite.js';
import { machineLine, writeReport, type ClaimResult, type ReportJson } from '../src/report/writeReport.js';
import { reportBody } from '../src/report/reportBody.js';
import { codeCommit } from '../src/report/provenance.js';
import type { Sweep } from '../src/sweep/sweep.js';
import type { Task } from '../src/sweep/taskRunner.js';

/** The module whose renderSvgTask draws figures on the workers. */
const CHART_MODULE = new URL('../src/report/chart.ts', import.meta.url).href;

/** The main paper: seed 000 (arXiv:2605.29497, ICML 2026). */
export const MAIN_SOURCE =
  '../shared/seeds/000_4b659a1b40d3d3e0.txt (arXiv:2605.29497, "Convex Basins in Single-Index Model Loss Landscapes", ICML 2026)';

/** How a reproduction is run: scale, where reports go, where progress lines go, and the
 *  sweep its tasks go through (worker threads, journal, shard). */
export interface ReproductionContext {
  /** Paper scale (`--full`) instead of the quick defaults. */
  readonly full: boolean;
  /** The reports folder. */
  readonly out: string;
  readonly log: (line: string) => void;
  /** Where every instance-level computation runs: ask for all independent tasks before
   *  awaiting any (Promise.all), and build tables from the ordered results, never in the
   *  order tasks finish. */
  readonly sweep: Sweep;
  /** false in a shard: the report is left to the merge (finishReport stops the run). */
  readonly writes: boolean;
  /** The reproduction being run (its report's name and title) and performance.now() when it
   *  started: the framework names and times every report. */
  readonly reproduction: { readonly name: string; readonly title: string };
  readonly started: number;
}

/** A task of a reproduction: `fn`, a function exported under its own name by the module at
 *  `module` (pass import.meta.url), called with `args` on a worker thread. The function
 *  itself names the task, so a rename fails to compile, not at run time, and `args` is
 *  checked against its parameter. `cost`, for scheduling only (costliest first), is in
 *  passes over data: about n d per pass; a robust fit is ~500 passes, a spectral start or a
 *  Lanczos run ~200. */
export function task<A>(module: string, fn: (args: A) => unknown, args: NoInfer<A>, cost?: number): Task {
  return cost === undefined ? { module, name: fn.name, args } : { module, name: fn.name, args, cost };
}

/**
 * Results of tasks looked up by the settings they were run with (a canonical key: fields
 * sorted), for tables built in another order than the tasks were asked for.
 */
export function bySettings<S extends object, T>(settings: readonly S[], results: readonly T[]): (s: S) => T {
  const key = (s: S): string =>
    JSON.stringify(
      Object.keys(s)
        .sort()
        .map((k) => [k, (s as Record<string, unknown>)[k]]),
    );
  const byKey = new Map(settings.map((s, k) => [key(s), results[k]]));
  return (s) => {
    if (!byKey.has(key(s))) throw new Error(`no result for ${key(s)}`);
    return byKey.get(key(s))!;
  };
}

/** Thrown by finishReport in a shard, where every task the shard owns has run. */
export class ShardDone extends Error {
  constructor() {
    super('shard done');
    this.name = 'ShardDone';
  }
}

/** One reproduction script: a claim of a paper, measured, written as a report. */
export interface Reproduction {
  /** File stem of the report, e.g. `r1-error-vs-eps`. */
  readonly name: string;
  /** Short id for the command line, e.g. `r1`. */
  readonly id: string;
  readonly title: string;
  /** Its figures are timings: run it alone, never beside another reproduction. */
  readonly exclusive?: boolean;
  run(ctx: ReproductionContext): Promise<ReportJson>;
}

/** A figure of a report: written as `<report name>-<suffix>.svg` beside it. */
export interface Figure {
  readonly suffix: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** The parts of a report, in the order they are printed. */
export interface ReportParts {
  readonly source: string;
  /** The claim in one sentence. */
  readonly claim: string;
  /** Exact settings and seeds (also the JSON twin's `settings`). */
  readonly settings: Record<string, unknown>;
  /** Markdown sections (tables, readings), each starting with its `## ` heading. */
  readonly sections: readonly string[];
  readonly figures: readonly Figure[];
  readonly claims: readonly ClaimResult[];
  /** Where the reproduction departs from the paper or what the spec did not expect. */
  readonly notes?: readonly string[];
}

/**
 * Write the report: figures first (each atomically), then the markdown and its JSON twin
 * (each through a temporary file and a rename). The body holds no timing; the run time and
 * machine go in the closing Run section and the JSON's `run`, so a re-run with the same
 * seeds changes only those lines (and the timings of reports whose figures are timings).
 */
export async function finishReport(ctx: ReproductionContext, parts: ReportParts): Promise<ReportJson> {
  if (!ctx.writes) throw new ShardDone();
  const p = { ...parts, name: ctx.reproduction.name, title: ctx.reproduction.title };
  // figures are drawn on the workers (vega is CPU-heavy, and a busy main thread cannot hand
  // tasks to idle workers), then each written atomically
  const svgs = await Promise.all(p.figures.map((f) => ctx.sweep.direct<string>(task(CHART_MODULE, renderSvgTask, f.spec))));
  const counts = ctx.sweep.counts();
  p.figures.forEach((f, k) => {
    writeTextAtomic(join(ctx.out, `${p.name}-${f.suffix}.svg`), `${svgs[k]}\n`);
  });
  const body = reportBody(p);
  const commit = codeCommit();
  const json: ReportJson = {
    name: p.name,
    source: p.source,
    settings: p.settings,
    claims: p.claims,
    run: {
      seconds: (performance.now() - ctx.started) / 1000,
      machine: machineLine(),
      ...(commit ? { commit } : {}),
      tasks: { seconds: ctx.sweep.taskSeconds(), computed: counts.computed, replayed: counts.replayed },
    },
  };
  writeReport(ctx.out, body, json);
  return json;
}
