/**
 * Tests mirror src/: every source file is imported by a test (test/ or properties/), or is
 * listed here with the test that covers it and how, or as holding no logic. A new source
 * file without either fails this test.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Source files covered through another module, with the test that exercises them. */
const COVERED_THROUGH: Record<string, { test: string; how: string }> = {
  'src/adversaries/covarianceShift.ts': {
    test: 'test/adversaries/adversaries.test.ts',
    how: 'every adversary by name through the catalogue (index.ts)',
  },
  'src/adversaries/attack.ts': { test: 'test/index.test.ts', how: "the library's attack(), and the attack verb (test/cli/cli.test.ts)" },
  'src/adversaries/heavyTailMimic.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/adversaries/helpers.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the adversaries that use them' },
  'src/adversaries/labelShift.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/adversaries/leverage.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/adversaries/plantedModel.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/adversaries/signFlip.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/adversaries/spectralPlant.ts': { test: 'test/adversaries/adversaries.test.ts', how: 'the catalogue' },
  'src/audit/auditReport.ts': { test: 'test/cli/audit.test.ts', how: 'the audit verb prints its verdict and writes its report' },
  'src/audit/runAudit.ts': { test: 'test/index.test.ts', how: 'audit(), the library entry, and the audit verb' },
  'src/audit/loadEstimator.ts': { test: 'test/cli/audit.test.ts', how: 'loadEstimator, re-exported by the audit verb' },
  'src/bench/memoryProbe.ts': { test: 'test/bench/peakMemory.test.ts', how: 'peak memory runs it as a child process' },
  'src/cli/attack.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/cli/bench.ts': { test: 'test/bench/runBench.test.ts', how: 'the bench verb' },
  'src/cli/fit.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/cli/landscape.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/cli/list.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/cli/overlap.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/cli/parse.ts': { test: 'test/cli/cli.test.ts', how: 'option values through the command line' },
  'src/cli/reproduce.ts': { test: 'test/cli/merge.test.ts', how: 'reproduce and merge through the command line' },
  'src/cli/simulate.ts': { test: 'test/cli/cli.test.ts', how: 'the verbs through the command line' },
  'src/kernels/rowRanges.ts': {
    test: 'test/kernels/gemv.test.ts',
    how: "gemv's and gemvT's JS loops, and projectAndAccumulate's blocks (test/kernels/wasmKernels.test.ts)",
  },
  'src/io/csvRows.ts': {
    test: 'test/io/readCsv.test.ts',
    how: 'every CSV read, in one pass and in two halves (the worker parses with it)',
  },
  'src/io/describeFsError.ts': { test: 'test/io/readCsv.test.ts', how: 'unreadable and missing files' },
  'src/estimatorProcess/threadProcesses.ts': {
    test: 'test/estimatorProcess/processEstimator.test.ts',
    how: 'audit --estimator-cmd on worker threads: one process per worker, all closed at the end',
  },
  'src/report/writeReport.ts': { test: 'test/reproductions/framework.test.ts', how: 'reports written by the framework' },
  'src/estimatorProcess/processWorker.ts': {
    test: 'test/estimatorProcess/processEstimator.test.ts',
    how: 'the worker thread behind every estimator process',
  },
  'src/rng/orthonormalPair.ts': { test: 'test/papers/glm/fitGlm.test.ts', how: 'the GLM fits that draw their plane with it' },
  'src/robust/bulkShift.ts': { test: 'test/robust/filterMean.test.ts', how: 'the filter in uncentered mode' },
  'src/sweep/worker.ts': { test: 'test/sweep/sweep.test.ts', how: 'tasks on worker threads' },
};

/** Source files with types or constants only. */
const NO_LOGIC = ['src/adversaries/types.ts', 'src/cli/io.ts', 'src/errors.ts', 'src/exitCodes.ts', 'src/solver/types.ts'];

function files(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, keep) : keep(path) ? [path] : [];
  });
}

describe('tests mirror src/', () => {
  it('every source file is imported by a test, covered through a named one, or holds no logic', () => {
    const sources = files('src', (f) => f.endsWith('.ts'));
    const tests = [...files('test', (f) => /\.tsx?$/.test(f)), ...files('properties', (f) => f.endsWith('.ts'))].map((f) =>
      readFileSync(join(ROOT, f), 'utf8'),
    );
    const uncovered = sources.filter((src) => {
      const spec = relative(ROOT, join(ROOT, src)).replace(/\.ts$/, '.js');
      if (tests.some((t) => t.includes(`${spec}'`))) return false;
      return !(src in COVERED_THROUGH) && !NO_LOGIC.includes(src);
    });
    expect(uncovered).toEqual([]);
    for (const [src, { test }] of Object.entries(COVERED_THROUGH)) {
      expect(existsSync(join(ROOT, src)), `${src} (listed) exists`).toBe(true);
      expect(existsSync(join(ROOT, test)), `${test} (covers ${src}) exists`).toBe(true);
    }
  });
});
