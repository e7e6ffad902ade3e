import { Command } from 'commander';
import { join, resolve } from 'node:path';
import { createProgress } from '../sweep/progress.js';
import { InputError } from '../errors.js';
import { EXIT, type CliIo } from './io.js';

/**
 * `merge`: turn the shard files of `npm run reproduce -- --shard k/N` (N of them per
 * reproduction) into the reports and the index, computing nothing: every task's result comes
 * from a shard file, and a task found in two files must carry the same result.
 */
export function mergeCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command('merge')
    .description('combine the shard files of `npm run reproduce -- --shard k/N` into the reports (computes nothing)')
    .argument('[names...]', 'reproductions to merge (default: every one with shard files)')
    .option('--shards <DIR>', 'folder of the shard files', 'reports/shards')
    .option('--out <DIR>', 'reports folder', 'reports')
    .option('--full', 'merge the shards of a --full run')
    .action(async (names: string[], o: { shards: string; out: string; full?: boolean }) => {
      // the reproductions live beside src/, loaded only by this verb
      const { REPRODUCTIONS } = await import('../../reproductions/registry.js');
      const { choose, reportOutcomes } = await import('../../reproductions/index.js');
      const { runReproductions, shardFiles } = await import('../../reproductions/runner.js');
      const { writeIndex } = await import('../../reproductions/writeIndex.js');
      const dir = resolve(o.shards), out = resolve(o.out), full = Boolean(o.full);
      let chosen = choose(names);
      if (names.length === 0) {
        chosen = chosen.filter((r) => { try { shardFiles(dir, r, full); return true; } catch { return false; } });
        if (chosen.length === 0) throw new InputError(`no complete set of shard files in ${dir}${full ? ' (--full)' : ''}`);
      }
      const progress = createProgress({ tty: false, write: () => {} });
      const outcomes = await runReproductions(chosen, { full, out, workers: 0, mode: 'merge', shardDir: dir, progress });
      const ok = reportOutcomes(outcomes, (l) => io.stdout(l + '\n'), (l) => io.stderr(l + '\n'));
      const tally = writeIndex(out, REPRODUCTIONS);
      io.stdout(`merged ${outcomes.filter((x) => x.kind === 'report').length} of ${chosen.length} reproduction(s) from ${dir}; wrote ${join(out, 'README.md')} (${tally.holds} hold, ${tally.doesNotHold} do not hold)\n`);
      setExit(ok ? EXIT.ok : EXIT.usage);
    });
}
