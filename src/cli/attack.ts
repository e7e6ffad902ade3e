import { Command } from 'commander';
import { readSample, writeSample } from '../io/sampleFiles.js';
import { readWeights } from '../io/readWeights.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { getAdversary } from '../adversaries/index.js';
import { getLink } from '../model/links.js';
import { rmSync } from 'node:fs';
import { attack } from '../adversaries/attack.js';
import { DEFAULT_SEARCH_BUDGET, SHRINK_BUDGET, type SearchResult, searchAttack } from '../adversaries/search.js';
import { loadEstimator } from '../audit/loadEstimator.js';
import type { LinkName } from '../model/links.js';
import { DEFAULT_FIT_TIMEOUT, EstimatorProcessError } from '../estimatorProcess/processEstimator.js';
import { closeThreadProcesses, threadProcessFit } from '../estimatorProcess/threadProcesses.js';
import { codeJournal } from '../sweep/journal.js';
import { InputError } from '../errors.js';
import { parseEps, parseInteger } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** The output's path without its .csv or .npy extension: the stem of the files beside it. */
function outputStem(out: string): string {
  return out.replace(/\.(csv|npy)$/i, '');
}

/** The file listing the changed rows, beside the corrupted sample: `out.csv` (or `out.npy`)
 *  -> `out.rows.json`. */
export function rowsPath(out: string): string {
  return `${outputStem(out)}.rows.json`;
}

/** `attack`: corrupt a clean CSV with one adversary of the catalogue. */
export function attackCommand(io: CliIo): Command {
  return new Command('attack')
    .description('corrupt a clean CSV with an adversary; writes the corrupted CSV and OUT.rows.json (the changed rows, 0-based)')
    .requiredOption('--data <FILE>', 'clean CSV (column y = response), or .npy (one (n, d + 1) array, the response last, or x with --y)')
    .option('--y <FILE>', 'with a .npy --data of shape (n, d): the responses, shape (n,)')
    .requiredOption('--wstar <FILE>', 'JSON: an array of numbers, or an object with a "w" array')
    .requiredOption('--link <LINK>', 'the link')
    .requiredOption('--adversary <NAME>', 'adversary (see `sim-audit list`), or `search`: a black-box search against --estimator')
    .option('--estimator <NAME|PATH>', 'with --adversary search: the estimator attacked (a method name or a module exporting fit)')
    .option(
      '--estimator-cmd <COMMAND>',
      'with --adversary search: the estimator attacked, as a process (the protocol in docs/estimators.md)',
    )
    .option(
      '--budget <N>',
      `with --adversary search: estimator evaluations (default ${DEFAULT_SEARCH_BUDGET}; shrinking adds at most ${SHRINK_BUDGET})`,
      parseInteger('--budget', 1),
    )
    .requiredOption('--eps <E>', 'corrupted fraction in [0, 0.5)', parseEps)
    .option('--seed <K>', "seed of the adversary's stream", parseInteger('--seed'), 0)
    .requiredOption('--out <FILE>', 'corrupted sample to write: CSV, or .npy (one (n, d + 1) array, the response last)')
    .action(async (o) => {
      if (o.adversary === SEARCH) return searchVerb(io, o);
      if (o.estimator !== undefined || o.estimatorCmd !== undefined || o.budget !== undefined)
        throw new InputError('--estimator, --estimator-cmd and --budget go with --adversary search');
      getAdversary(o.adversary); // an unknown name fails before any file is read
      getLink(o.link);
      const data = readSample(o.data, o.y);
      const wstar = readWeights(o.wstar);
      if (wstar.length !== data.d)
        throw new InputError(`${o.wstar} has ${wstar.length} numbers but ${o.data} has ${data.d} covariate columns`);
      const { sample, corrupted } = attack({ data, wstar, link: o.link, adversary: o.adversary, eps: o.eps, seed: o.seed });
      writeSample(o.out, sample);
      writeTextAtomic(rowsPath(o.out), `${toJson({ adversary: o.adversary, eps: o.eps, seed: o.seed, link: o.link, corrupted })}\n`);
      io.stdout(`wrote ${o.out} (${corrupted.length} of ${sample.n} rows changed) and ${rowsPath(o.out)}\n`);
    });
}

/** The name that selects the black-box search instead of a catalogue adversary. */
export const SEARCH = 'search';

/** The file recording a search beside the corrupted sample: `out.csv` -> `out.search.json`. */
export function searchPath(out: string): string {
  return `${outputStem(out)}.search.json`;
}

/** `attack --adversary search`: search the corruption family against an estimator, write the
 *  strongest corruption found, its rows, and every evaluation with the shrunk breaking attack. */
async function searchVerb(
  io: CliIo,
  o: {
    data: string;
    y?: string;
    wstar: string;
    link: LinkName;
    eps: number;
    seed: number;
    out: string;
    estimator?: string;
    estimatorCmd?: string;
    budget?: number;
  },
): Promise<void> {
  if ((o.estimator === undefined) === (o.estimatorCmd === undefined))
    throw new InputError('--adversary search needs exactly one of --estimator NAME|PATH and --estimator-cmd COMMAND');
  getLink(o.link);
  const fit =
    o.estimator !== undefined
      ? await loadEstimator(o.estimator)
      : threadProcessFit({ command: o.estimatorCmd!, fitTimeout: DEFAULT_FIT_TIMEOUT });
  const data = readSample(o.data, o.y);
  const wstar = readWeights(o.wstar);
  if (wstar.length !== data.d) throw new InputError(`${o.wstar} has ${wstar.length} numbers but ${o.data} has ${data.d} covariate columns`);
  const budget = o.budget ?? DEFAULT_SEARCH_BUDGET;
  // every evaluation journaled beside the output: a killed search resumes from it
  const journalFile = `${outputStem(o.out)}.search.jsonl`;
  const journal = codeJournal(journalFile);
  let result: SearchResult;
  try {
    result = searchAttack(fit, data, wstar, { link: o.link, eps: o.eps, budget, seed: o.seed, journal, log: (l) => io.stderr(`${l}\n`) });
  } catch (err) {
    closeThreadProcesses();
    throw err;
  } finally {
    journal.close();
  }
  // an estimator process that broke the protocol ends the verb (exit 2), as in the audit
  const closed = closeThreadProcesses();
  if (closed.failure) throw new EstimatorProcessError(closed.failure);
  const { sample, corrupted } = result.strongest;
  writeSample(o.out, sample);
  writeTextAtomic(
    rowsPath(o.out),
    `${toJson({ adversary: SEARCH, eps: o.eps, seed: o.seed, link: o.link, corrupted: Array.from(corrupted) })}\n`,
  );
  const estimator = o.estimator ?? o.estimatorCmd;
  const flag = o.estimator !== undefined ? `--estimator ${o.estimator}` : `--estimator-cmd ${JSON.stringify(o.estimatorCmd)}`;
  const replay = `sim-audit attack --adversary search ${flag} --data ${o.data}${o.y ? ` --y ${o.y}` : ''} --wstar ${o.wstar} --link ${o.link} --eps ${o.eps} --budget ${budget} --seed ${o.seed} --out ${o.out}`;
  writeTextAtomic(
    searchPath(o.out),
    `${toJson(
      {
        estimator,
        link: o.link,
        eps: o.eps,
        seed: o.seed,
        budget,
        rows: result.rows,
        threshold: result.threshold,
        cleanError: result.cleanError,
        best: result.best,
        shrunk: result.shrunk ?? null,
        replay,
        evaluations: result.evaluations,
      },
      2,
    )}\n`,
  );
  rmSync(journalFile, { force: true });
  io.stdout(
    `error ${result.best.error.toPrecision(3)} with ${result.rows} of ${sample.n} rows (clean ${result.cleanError.toPrecision(3)}, threshold ${result.threshold.toPrecision(3)}); ` +
      (result.shrunk
        ? `breaks it with ${result.shrunk.m} rows (eps ${(result.shrunk.m / sample.n).toPrecision(3)}): ${JSON.stringify(result.shrunk.params)}\n`
        : 'no break found within the budget\n') +
      `wrote ${o.out}, ${rowsPath(o.out)} and ${searchPath(o.out)}; replay: ${replay}\n`,
  );
}
