import { Command } from 'commander';
import { LINK_NAMES } from '../model/links.js';
import { NOISE_FAMILIES } from '../model/noise.js';
import { ADVERSARY_NAMES } from '../adversaries/index.js';
import { METHODS, METHOD_NAMES } from '../solver/methods.js';
import { toJson } from '../io/toJson.js';
import type { CliIo } from './io.js';

/** `list`: the names the other verbs accept. */
export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('print the names of links, noise families, adversaries and methods')
    .option('--json', 'print one JSON object')
    .action((o) => {
      const names = {
        links: LINK_NAMES,
        noises: NOISE_FAMILIES,
        adversaries: ADVERSARY_NAMES,
        searches: ['search'],
        methods: METHOD_NAMES,
      };
      if (o.json) {
        io.stdout(`${toJson(names)}\n`);
        return;
      }
      io.stdout(`links:       ${LINK_NAMES.join(', ')}\n`);
      io.stdout(`noises:      gaussian, laplace, student-t[:nu] (default nu 3), pareto[:alpha] (default 3)\n`);
      io.stdout(`adversaries: ${ADVERSARY_NAMES.join(', ')}, search (attack only: a black-box search against an estimator)\n`);
      io.stdout('methods:\n');
      for (const m of METHOD_NAMES) io.stdout(`  ${m.padEnd(20)} ${METHODS[m].summary}\n`);
    });
}
