import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { InputError } from '../errors.js';
import type { CliIo } from './io.js';

type ReproduceMain = (argv: readonly string[], log: (line: string) => void, err: (line: string) => void) => Promise<number>;

/**
 * The reproductions' command line (reproductions/index.ts), loaded only when one of the two
 * verbs runs: the reproductions and their report code are not needed to start any other verb.
 * They are TypeScript beside src/ in a clone of the repository (a compiled CLI registers tsx, a
 * development dependency, to load them) and not part of the installed package.
 */
async function reproductionsMain(): Promise<ReproduceMain> {
  const entry = new URL('../../reproductions/index.ts', import.meta.url);
  if (!existsSync(entry)) {
    throw new InputError(
      'the reproductions are not part of the installed package: run them from a clone of the repository (npm ci && npm run reproduce)',
    );
  }
  if (!import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
  // a URL, not a literal path: the compiled package does not contain (or type-check) them
  return ((await import(entry.href)) as { main: ReproduceMain }).main;
}

/** A verb whose arguments go, untouched, to the reproductions' own command line. */
function passThrough(name: string, description: string, io: CliIo, setExit: (code: number) => void, prefix: readonly string[]): Command {
  return new Command(name)
    .description(description)
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .passThroughOptions()
    .argument('[args...]')
    .action(async (args: string[]) => {
      const main = await reproductionsMain();
      setExit(
        await main(
          [...prefix, ...args],
          (l) => io.stdout(`${l}\n`),
          (l) => io.stderr(`${l}\n`),
        ),
      );
    });
}

/** `reproduce`: run the reproductions and write reports/ (`sim-audit reproduce --help`). */
export function reproduceCommand(io: CliIo, setExit: (code: number) => void): Command {
  return passThrough(
    'reproduce',
    'run the reproductions (all by default, quick scale unless --full) and write reports/; --list names them, --help shows every option',
    io,
    setExit,
    [],
  );
}

/** `merge`: `reproduce --merge`, the reports from the shard files of `--shard k/N` runs. */
export function mergeCommand(io: CliIo, setExit: (code: number) => void): Command {
  return passThrough(
    'merge',
    'combine the shard files of `sim-audit reproduce --shard k/N` into the reports (computes nothing; the same as reproduce --merge)',
    io,
    setExit,
    ['--merge'],
  );
}
