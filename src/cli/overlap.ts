import { Command } from 'commander';
import { labelLaw, overlapLimit, weakRecoveryThreshold } from '../papers/spectral/overlapTheory.js';
import { parsePreprocess } from '../papers/spectral/preprocess.js';
import { simulateOverlap } from '../papers/spectral/simulateOverlap.js';
import { InputError } from '../errors.js';
import { parseInteger, parseNumber } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `overlap`: the limiting spectral overlap at n / d = alpha (seed 003), optionally simulated. */
export function overlapCommand(io: CliIo): Command {
  return new Command('overlap')
    .description(
      'limiting squared overlap <w0, w*>^2 of the spectral estimator (Lu-Li / Mondelli-Montanari) and the weak-recovery threshold; --simulate adds a finite-size draw',
    )
    .option('--model <MODEL>', 'phase (y = <w*,x>^2), abs (y = |<w*,x>|) or a link name', 'phase')
    .requiredOption('--preprocess <T>', 'optimal | clip:T | trim:T | indicator:T')
    .requiredOption('--alpha <A>', 'n / d', parseNumber('--alpha'))
    .option('--sigma <S>', 'label noise sigma (Gaussian)', parseNumber('--sigma'), 0)
    .option('--simulate', 'also draw n = alpha d rows and report the empirical overlap')
    .option('--d <D>', 'dimension of the simulation', parseInteger('--d'), 500)
    .option('--seed <K>', 'seed of the simulation', parseInteger('--seed'), 1)
    .option('--json', 'print one JSON object')
    .action((o) => {
      const law = labelLaw(o.model, o.sigma);
      const pre = parsePreprocess(o.preprocess);
      if (o.simulate && !(o.d >= 2)) throw new InputError(`--d must be an integer >= 2, got ${o.d}`);
      const limit = overlapLimit(law, pre, o.alpha);
      const out: Record<string, number | string> = { rho2: limit.rho2, threshold: weakRecoveryThreshold(law, pre) };
      if (o.simulate) out.empirical = simulateOverlap(law, pre, o.alpha, o.d, o.seed).overlap;
      if (o.json) {
        io.stdout(`${toJson(out.threshold === Infinity ? { ...out, threshold: 'none' } : out)}\n`);
        return;
      }
      io.stdout(`model ${law.name}${law.sigma ? ` + ${law.sigma} noise` : ''}, T = ${pre.name}, alpha = ${o.alpha}\n`);
      io.stdout(`limiting overlap rho^2   ${limit.rho2.toPrecision(6)}\n`);
      io.stdout(
        `weak-recovery threshold  ${Number.isFinite(out.threshold as number) ? (out.threshold as number).toPrecision(6) : 'none (no alpha up to 50 recovers)'}\n`,
      );
      if (o.simulate) io.stdout(`empirical (d ${o.d}, seed ${o.seed})   ${(out.empirical as number).toPrecision(6)}\n`);
    });
}
