import { Command } from 'commander';
import { join } from 'node:path';
import { generateInstance, type InstanceSettings } from '../instance/instance.js';
import { writeSample } from '../io/sampleFiles.js';
import { InputError } from '../errors.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { parseEps, parseInteger, parseNumber } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `simulate`: draw an instance and write DIR/data.csv and DIR/truth.json. */
export function simulateCommand(io: CliIo): Command {
  return new Command('simulate')
    .description('draw an instance (clean sample, then the adversary) and write DIR/data.csv (or data.npy) and DIR/truth.json')
    .requiredOption('--d <D>', 'dimension', parseInteger('--d', 1))
    .requiredOption('--n <N>', 'number of rows (>= d + 1)', parseInteger('--n', 1))
    .requiredOption('--link <LINK>', 'link: gelu, swish, relu, leaky-relu, tanh, sigmoid, linear, abs, square')
    .option('--noise <NAME>', 'gaussian, laplace, student-t[:nu], pareto[:alpha]', 'gaussian')
    .option('--sigma <S>', 'noise standard deviation', parseNumber('--sigma'), 0.5)
    .option('--eps <E>', 'corrupted fraction in [0, 0.5)', parseEps, 0)
    .option('--adversary <NAME>', 'adversary (see `sim-audit list`), or none', 'none')
    .option('--norm <R>', '|w*|', parseNumber('--norm'), 1)
    .option('--seed <K>', 'seed', parseInteger('--seed'), 0)
    .requiredOption('--out <DIR>', 'output folder')
    .option('--format <F>', 'csv, or npy (one (n, d + 1) float64 array, the response last)', 'csv')
    .action((o) => {
      const settings: InstanceSettings = {
        d: o.d,
        n: o.n,
        norm: o.norm,
        link: o.link,
        noise: o.noise,
        sigma: o.sigma,
        eps: o.eps,
        adversary: o.adversary,
        seed: o.seed,
      };
      if (o.format !== 'csv' && o.format !== 'npy') throw new InputError(`--format must be csv or npy, got "${o.format}"`);
      const inst = generateInstance(settings);
      const data = join(o.out, `data.${o.format}`);
      writeSample(data, inst.sample);
      writeTextAtomic(join(o.out, 'truth.json'), `${toJson({ wstar: inst.wstar, settings: inst.settings, corrupted: inst.corrupted })}\n`);
      io.stdout(
        `wrote ${data} (${inst.sample.n} x ${inst.sample.d}, ${inst.corrupted.length} corrupted rows) and ${join(o.out, 'truth.json')}\n`,
      );
    });
}
