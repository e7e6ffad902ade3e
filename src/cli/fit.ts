import { Command } from 'commander';
import { readSample } from '../io/sampleFiles.js';
import { canonicalizeInPlace } from '../model/canonicalRows.js';
import { fit, METHOD_NAMES } from '../solver/methods.js';
import { DEFAULT_EPS } from '../solver/types.js';
import { parseEps, parseInteger, parseNumber } from './parse.js';
import { callFit } from '../solver/callFit.js';
import { InputError } from '../errors.js';
import { getLink, type LinkName } from '../model/links.js';
import type { Sample } from '../model/sample.js';
import { DEFAULT_FIT_TIMEOUT, startProcessEstimator } from '../estimatorProcess/processEstimator.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `fit`: read a CSV (column y = response) and print the fitted w. */
export function fitCommand(io: CliIo): Command {
  return new Command('fit')
    .description('fit w on a CSV whose header names the columns (y is the response, the others are covariates in order), or on .npy arrays')
    .requiredOption(
      '--data <FILE>',
      'CSV file (column y the response), or .npy: x of shape (n, d) with --y, or one (n, d + 1) array, the response last',
    )
    .option('--y <FILE>', 'with a .npy --data of shape (n, d): the responses, shape (n,)')
    .requiredOption('--link <LINK>', 'the known link')
    .option('--eps <E>', `bound on the corrupted fraction in [0, 0.5) (default ${DEFAULT_EPS})`, parseEps, DEFAULT_EPS)
    .option('--method <NAME>', `estimator: ${METHOD_NAMES.join(', ')} (default robust)`)
    .option(
      '--estimator-cmd <COMMAND>',
      'fit with an estimator in another process instead (any language: the protocol in docs/estimators.md)',
    )
    .option(
      '--fit-timeout <S>',
      `seconds the --estimator-cmd process has for the fit (default ${DEFAULT_FIT_TIMEOUT})`,
      parseNumber('--fit-timeout'),
    )
    .option('--seed <K>', 'seed (used by random-init methods)', parseInteger('--seed'), 0)
    .option('--max-iterations <N>', 'cap on gradient steps', parseInteger('--max-iterations', 0))
    .option('--json', 'print one JSON object')
    .action((o) => {
      // the rows read are ours: put them in the estimators' canonical order in place, so the
      // fit holds the covariates once instead of reordering a copy
      if (o.estimatorCmd !== undefined && (o.method !== undefined || o.maxIterations !== undefined))
        throw new InputError('--estimator-cmd fits with another process: leave out --method and --max-iterations');
      if (o.estimatorCmd === undefined && o.fitTimeout !== undefined) throw new InputError('--fit-timeout goes with --estimator-cmd');
      getLink(o.link); // an unknown link fails before the file is read
      const data = canonicalizeInPlace(readSample(o.data, o.y));
      if (o.estimatorCmd !== undefined) return fitByProcess(io, data, o);
      const method: string = o.method ?? 'robust';
      const t0 = performance.now();
      const r = fit(data, { link: o.link, eps: o.eps, seed: o.seed, method, maxIterations: o.maxIterations });
      const seconds = (performance.now() - t0) / 1000;
      if (o.json) {
        io.stdout(
          `${toJson({ w: r.w, method, iterations: r.iterations, seconds, status: r.status, eps: o.eps, link: o.link, columns: data.columns })}\n`,
        );
      } else {
        io.stdout(`method ${method}, link ${o.link}, eps ${o.eps}: ${r.iterations} iterations (${r.status}), ${seconds.toFixed(2)} s\n`);
        io.stdout(`|w| = ${Math.hypot(...r.w).toPrecision(6)}\n`);
        for (const [j, c] of data.columns.entries()) io.stdout(`${c}\t${r.w[j]}\n`);
      }
    });
}

/** The fit of `fit --estimator-cmd`: one request to a process started for it, then closed. */
function fitByProcess(
  io: CliIo,
  data: Sample & { columns: readonly string[] },
  o: { estimatorCmd: string; fitTimeout?: number; link: LinkName; eps: number; seed: number; json?: boolean },
): void {
  const proc = startProcessEstimator(o.estimatorCmd, o.fitTimeout ?? DEFAULT_FIT_TIMEOUT);
  let w: Float64Array;
  const t0 = performance.now();
  try {
    w = callFit(proc.fit, data, { link: o.link, eps: o.eps, seed: o.seed });
  } catch (err) {
    if (err instanceof InputError) throw err; // a broken protocol names itself
    // the estimator answered with an error, or with something that is not d numbers
    throw new InputError(`${(err as Error).message} (command: ${o.estimatorCmd})`);
  } finally {
    proc.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (o.json) io.stdout(`${toJson({ w, estimator: o.estimatorCmd, seconds, eps: o.eps, link: o.link, columns: data.columns })}\n`);
  else {
    io.stdout(`estimator ${o.estimatorCmd}, link ${o.link}, eps ${o.eps}: ${seconds.toFixed(2)} s\n`);
    io.stdout(`|w| = ${Math.hypot(...w).toPrecision(6)}\n`);
    for (const [j, c] of data.columns.entries()) io.stdout(`${c}\t${w[j]}\n`);
  }
}
