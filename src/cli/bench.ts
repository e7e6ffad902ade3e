import { Command } from 'commander';
import { InputError } from '../errors.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `bench`: kernel throughput, fit-time scaling and memory, written to <out>/bench.md and .json. */
export function benchCommand(io: CliIo): Command {
  return new Command('bench')
    .description(
      'measure memory bandwidth, each O(nd) kernel in GB/s, fit time against n*d and peak memory; writes <out>/bench.md and bench.json (minutes; run it alone)',
    )
    .option('--out <DIR>', 'reports folder', 'reports')
    .option('--json', 'also print the JSON twin on stdout (progress goes to stderr)')
    .option('--smoke', 'tiny sizes: checks in seconds that every step runs; the figures mean nothing')
    .option('--small-fits', 'only the small fits against one pass of X, printed as a table (seconds; writes nothing)')
    .option('--repeats <N>', 'timings per small fit (with --small-fits)', '9')
    .action(async (o) => {
      if (o.smallFits) {
        const { smallFitsTable } = await import('../bench/smallFits.js');
        const repeats = Number(o.repeats);
        if (!(Number.isInteger(repeats) && repeats >= 1)) throw new InputError(`--repeats must be a positive integer, got ${o.repeats}`);
        io.stdout(`${smallFitsTable(repeats)}\n`);
        return;
      }
      // loaded here, not at start-up: the chart renderer (vega) alone takes 0.3 s to import
      const { BENCH_DEFAULTS, BENCH_SMOKE, runBench } = await import('../bench/runBench.js');
      const { writeBenchReport } = await import('../bench/benchReport.js');
      const started = performance.now();
      const result = runBench(o.smoke ? BENCH_SMOKE : BENCH_DEFAULTS, (line) => io.stderr(`${line}\n`));
      const json = await writeBenchReport(o.out, result, (performance.now() - started) / 1000);
      if (o.json) io.stdout(`${toJson(json)}\n`);
      else
        io.stdout(
          `bench: wrote ${o.out}/bench.md (${json.claims.filter((c) => c.verdict === 'holds').length} of ${json.claims.length} targets met)\n`,
        );
    });
}
