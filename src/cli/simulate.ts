import { Command } from 'commander';
import { join } from 'node:path';
import { generateInstance, type InstanceSettings } from '../instance/instance.js';
import { writeSampleCsv } from '../io/writeCsv.js';
import { writeTextAtomic } from '../io/atomicWrite.js';
import { parseEps, parseInteger, parseNumber } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `simulate`: draw an instance and write DIR/data.csv and DIR/truth.json. */
export function simulateCommand(io: CliIo): Command {
  return new Command('simulate')
    .description('draw an instance (clean sample, then the adversary) and write DIR/data.csv and DIR/truth.json')
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
      const inst = generateInstance(settings);
      writeSampleCsv(join(o.out, 'data.csv'), inst.sample);
      writeTextAtomic(join(o.out, 'truth.json'), `${toJson({ wstar: inst.wstar, settings: inst.settings, corrupted: inst.corrupted })}\n`);
      io.stdout(
        `wrote ${join(o.out, 'data.csv')} (${inst.sample.n} x ${inst.sample.d}, ${inst.corrupted.length} corrupted rows) and ${join(o.out, 'truth.json')}\n`,
      );
    });
}
