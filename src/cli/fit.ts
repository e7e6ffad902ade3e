import { Command } from 'commander';
import { readSampleCsv } from '../io/readCsv.js';
import { canonicalizeInPlace } from '../model/canonicalRows.js';
import { fit, METHOD_NAMES } from '../solver/methods.js';
import { DEFAULT_EPS } from '../solver/types.js';
import { parseEps, parseInteger } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `fit`: read a CSV (column y = response) and print the fitted w. */
export function fitCommand(io: CliIo): Command {
  return new Command('fit')
    .description('fit w on a CSV whose header names the columns: y is the response, the others are covariates in order')
    .requiredOption('--data <FILE>', 'CSV file')
    .requiredOption('--link <LINK>', 'the known link')
    .option('--eps <E>', `bound on the corrupted fraction in [0, 0.5) (default ${DEFAULT_EPS})`, parseEps, DEFAULT_EPS)
    .option('--method <NAME>', `estimator: ${METHOD_NAMES.join(', ')}`, 'robust')
    .option('--seed <K>', 'seed (used by random-init methods)', parseInteger('--seed'), 0)
    .option('--max-iterations <N>', 'cap on gradient steps', parseInteger('--max-iterations', 0))
    .option('--json', 'print one JSON object')
    .action((o) => {
      // the rows read are ours: put them in the estimators' canonical order in place, so the
      // fit holds the covariates once instead of reordering a copy
      const data = canonicalizeInPlace(readSampleCsv(o.data));
      const t0 = performance.now();
      const r = fit(data, { link: o.link, eps: o.eps, seed: o.seed, method: o.method, maxIterations: o.maxIterations });
      const seconds = (performance.now() - t0) / 1000;
      if (o.json) {
        io.stdout(
          `${toJson({ w: r.w, method: o.method, iterations: r.iterations, seconds, status: r.status, eps: o.eps, link: o.link, columns: data.columns })}\n`,
        );
      } else {
        io.stdout(`method ${o.method}, link ${o.link}, eps ${o.eps}: ${r.iterations} iterations (${r.status}), ${seconds.toFixed(2)} s\n`);
        io.stdout(`|w| = ${Math.hypot(...r.w).toPrecision(6)}\n`);
        for (const [j, c] of data.columns.entries()) io.stdout(`${c}\t${r.w[j]}\n`);
      }
    });
}
