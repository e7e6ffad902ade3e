import { Command } from 'commander';
import { landscapeSummary } from '../landscape/landscapeSummary.js';
import { parseNumber } from './parse.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `landscape`: the exact population facts for one link and |w*|. */
export function landscapeCommand(io: CliIo): Command {
  return new Command('landscape')
    .description(
      'exact population landscape of L(w) = E[(phi(<w,x>) - y)^2], x ~ N(0, I): Hessian at w*, convexity-basin radius, Hermite and spectral coefficients',
    )
    .requiredOption('--link <LINK>', 'the link')
    .option('--norm <R>', '|w*|', parseNumber('--norm'), 1)
    .option('--json', 'print one JSON object')
    .action((o) => {
      const s = landscapeSummary(o.link, o.norm);
      if (o.json) {
        io.stdout(`${toJson(s)}\n`);
        return;
      }
      io.stdout(`link ${s.link}, |w*| = ${s.norm}\n`);
      io.stdout(`lambda_min(H(w*))   ${s.hessianMinEigAtOptimum.toPrecision(8)}\n`);
      io.stdout(`basin radius        ${s.basinRadiusFound ? '' : '>= '}${s.basinRadius.toPrecision(6)}\n`);
      io.stdout(`Hermite c0..c4      ${s.hermite.map((c) => c.toPrecision(6)).join(', ')}\n`);
      io.stdout(
        `spectral (tau ${s.spectral.tau.toPrecision(4)})  a = ${s.spectral.a.toPrecision(6)}, b = ${s.spectral.b.toPrecision(6)}; untruncated a = ${s.spectral.untruncated.a.toPrecision(6)}, b = ${s.spectral.untruncated.b.toPrecision(6)}\n`,
      );
    });
}
