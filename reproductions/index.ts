/**
 * `npm run reproduce [-- NAME ...] [-- --full] [-- --jobs N]`: run the reproductions (all by
 * default, quick scale unless --full), write reports/<name>.md, .json and .svg, then rewrite
 * the index reports/README.md from every report's JSON twin.
 *
 * Reproductions are independent processes' worth of work with their own seeds, so they run
 * in up to `--jobs` child processes at once (default: the machine's cores); the numbers do not
 * depend on that. A reproduction whose figures are timings (`exclusive`) runs alone first.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { REPRODUCTIONS } from './registry.js';
import { writeIndex } from './writeIndex.js';
import type { Reproduction } from './framework.js';

const here = fileURLToPath(import.meta.url);
const defaultOut = join(dirname(here), '..', 'reports');

interface Options { full?: boolean; out: string; list?: boolean; jobs: string; child?: boolean }

/** Run one reproduction in this process. */
async function runHere(r: Reproduction, o: Options, log: (line: string) => void): Promise<void> {
  const t0 = performance.now();
  log(`${r.id}: ${r.title} ...`);
  const report = await r.run({ full: Boolean(o.full), out: resolve(o.out), log });
  for (const c of report.claims) log(`  ${c.id}: ${c.verdict} (margin ${c.margin.toFixed(3)})`);
  log(`  wrote ${join(resolve(o.out), `${r.name}.md`)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Run one reproduction in a child process (same script, `--child`), its lines prefixed. */
function runChild(r: Reproduction, o: Options, log: (line: string) => void, err: (line: string) => void): Promise<void> {
  const args = ['--import', import.meta.resolve('tsx'), here, r.id, '--child', '--out', resolve(o.out), ...(o.full ? ['--full'] : [])];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (stream: NodeJS.ReadableStream, sink: (line: string) => void): void => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => { const lines = (rest + chunk).split('\n'); rest = lines.pop() ?? ''; for (const l of lines) sink(l); });
      stream.on('end', () => { if (rest) sink(rest); });
    };
    relay(child.stdout, log);
    relay(child.stderr, err);
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`reproduction ${r.id} exited with code ${code}`))));
  });
}

/** Run the command line `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], log: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const program = new Command('reproduce')
    .description('run the reproductions and write reports/')
    .argument('[names...]', `reproductions to run (default: all): ${REPRODUCTIONS.map((r) => `${r.id} (${r.name})`).join(', ')}`)
    .option('--full', 'paper scale instead of the quick defaults')
    .option('--out <DIR>', 'reports folder', defaultOut)
    .option('--jobs <N>', 'reproductions run at once, each in its own process', String(availableParallelism()))
    .option('--list', 'list the reproductions and exit')
    .addOption(new Command().createOption('--child', 'internal: run in this process, write no index').hideHelp())
    .exitOverride()
    .configureOutput({ writeOut: (s) => log(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const o = program.opts<Options>();
  if (o.list) {
    for (const r of REPRODUCTIONS) log(`${r.id}\t${r.name}\t${r.title}`);
    return 0;
  }
  const jobs = Number(o.jobs);
  if (!(Number.isInteger(jobs) && jobs >= 1)) {
    err(`reproduce: --jobs must be a positive integer, got "${o.jobs}"`);
    return 2;
  }
  const names = program.args;
  const found = names.map((n) => REPRODUCTIONS.find((r) => r.id === n || r.name === n));
  const unknown = names.find((_, i) => found[i] === undefined);
  if (unknown !== undefined) {
    err(`reproduce: unknown reproduction "${unknown}" (known: ${REPRODUCTIONS.map((r) => `${r.id} or ${r.name}`).join(', ')})`);
    return 2;
  }
  const chosen = names.length === 0 ? [...REPRODUCTIONS] : [...new Set(found as Reproduction[])];
  const started = performance.now();
  if (o.child || jobs === 1 || chosen.length === 1) {
    for (const r of chosen) await runHere(r, o, log);
  } else {
    // timing reports alone first, then the rest in `jobs` lanes, longest-known first
    for (const r of chosen.filter((c) => c.exclusive)) await runChild(r, o, log, err);
    const queue = chosen.filter((c) => !c.exclusive).sort((a, b) => b.quickSeconds - a.quickSeconds);
    const lane = async (): Promise<void> => { for (let r = queue.shift(); r; r = queue.shift()) await runChild(r, o, log, err); };
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, lane));
  }
  if (o.child) return 0;
  const tally = writeIndex(resolve(o.out), REPRODUCTIONS);
  log(`wrote ${join(resolve(o.out), 'README.md')}; ${chosen.length} reproduction(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; claims in the index: ${tally.holds} hold, ${tally.doesNotHold} do not hold (findings, see the reports)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === here) {
  process.exitCode = await main(process.argv.slice(2));
}
