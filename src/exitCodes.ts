/** Exit codes of every command line of the project: 0 ok, 1 a property or claim was violated
 *  (audit), 2 bad input (named in one line), 3 an internal fault. */
export const EXIT = { ok: 0, violated: 1, usage: 2, internal: 3 } as const;
