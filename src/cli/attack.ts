import { Command } from 'commander';
import { readSample, writeSample } from '../io/sampleFiles.js';
import { readWeights } from '../io/readWeights.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { getAdversary } from '../adversaries/index.js';
import { getLink } from '../model/links.js';
import { attack } from '../adversaries/attack.js';
import { InputError } from '../errors.js';
import { parseEps, parseInteger } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** The file listing the changed rows, beside the corrupted sample: `out.csv` (or `out.npy`)
 *  -> `out.rows.json`. */
export function rowsPath(out: string): string {
  return `${out.replace(/\.(csv|npy)$/i, '')}.rows.json`;
}

/** `attack`: corrupt a clean CSV with one adversary of the catalogue. */
export function attackCommand(io: CliIo): Command {
  return new Command('attack')
    .description('corrupt a clean CSV with an adversary; writes the corrupted CSV and OUT.rows.json (the changed rows, 0-based)')
    .requiredOption('--data <FILE>', 'clean CSV (column y = response), or .npy (one (n, d + 1) array, the response last, or x with --y)')
    .option('--y <FILE>', 'with a .npy --data of shape (n, d): the responses, shape (n,)')
    .requiredOption('--wstar <FILE>', 'JSON: an array of numbers, or an object with a "w" array')
    .requiredOption('--link <LINK>', 'the link')
    .requiredOption('--adversary <NAME>', 'adversary (see `sim-audit list`)')
    .requiredOption('--eps <E>', 'corrupted fraction in [0, 0.5)', parseEps)
    .option('--seed <K>', "seed of the adversary's stream", parseInteger('--seed'), 0)
    .requiredOption('--out <FILE>', 'corrupted sample to write: CSV, or .npy (one (n, d + 1) array, the response last)')
    .action((o) => {
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
