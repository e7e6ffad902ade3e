import { Command, CommanderError } from 'commander';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { EXIT } from '../exitCodes.js';
import { processIo, type CliIo } from './io.js';
import { simulateCommand } from './simulate.js';
import { fitCommand } from './fit.js';
import { attackCommand } from './attack.js';
import { listCommand } from './list.js';
import { landscapeCommand } from './landscape.js';
import { overlapCommand } from './overlap.js';
import { auditCommand } from './audit.js';
import { benchCommand } from './bench.js';
import { mergeCommand, reproduceCommand } from './reproduce.js';

/** Build the program; each verb lives in its own file. */
function program(io: CliIo, setExit: (code: number) => void = () => {}): Command {
  const root = new Command('sim-audit')
    .description(
      'audit robust single-index-model learning: simulate, attack, fit, audit, landscape, overlap, bench, reproduce, merge, list',
    )
    .enablePositionalOptions()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: io.stdout,
      writeErr: () => {
        /* errors are reported once, by run() */
      },
    });
  for (const make of [simulateCommand, fitCommand, attackCommand, listCommand, landscapeCommand, overlapCommand, benchCommand]) {
    root.addCommand(make(io).configureOutput({ writeOut: io.stdout, writeErr: () => {} }));
  }
  for (const make of [auditCommand, reproduceCommand, mergeCommand]) {
    root.addCommand(make(io, setExit).configureOutput({ writeOut: io.stdout, writeErr: () => {} }));
  }
  root.exitOverride();
  for (const c of root.commands) c.exitOverride();
  return root;
}

/**
 * Run the CLI in-process: returns the exit code (0 ok, 1 violated, 2 bad input, 3 internal).
 * Bad input is reported as one line `sim-audit: <problem>` on stderr, never a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr(program(io).helpInformation());
    io.stderr('sim-audit: missing command\n');
    return EXIT.usage;
  }
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => {
      code = c;
    }).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      if (err.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      const message = err.message.replace(/^error:\s*/i, '').split('\n')[0];
      io.stderr(`sim-audit: ${message || 'missing command (try sim-audit --help)'}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`sim-audit: ${err.message.split('\n')[0]}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`sim-audit: internal error: ${message.split('\n')[0]}\n`);
    if (process.env.SIM_AUDIT_DEBUG && err instanceof Error) io.stderr(`${err.stack}\n`);
    return EXIT.internal;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
