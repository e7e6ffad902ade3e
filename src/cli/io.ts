/** Where a CLI verb writes; the real process streams, or buffers in tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (t) => { process.stdout.write(t); },
  stderr: (t) => { process.stderr.write(t); },
};

/** Exit codes: 0 ok, 1 a property/claim was violated (audit), 2 bad input, 3 internal fault. */
export const EXIT = { ok: 0, violated: 1, usage: 2, internal: 3 } as const;
