// The supervisor of one estimator process (the estimator-process protocol, docs/estimators.md), started by
// src/estimatorProcess/processWorker.ts as `node estimatorSupervisor.mjs COMMAND GRACE_MS`. It runs
// COMMAND through the shell in a process group of its own and passes the protocol through: its
// stdin goes to the estimator's stdin, and the estimator writes to this process's stdout and
// stderr directly. It ends the whole group, whatever the estimator started there, when:
//  - its stdin closes (the audit is done, or sim-audit died, even by SIGKILL: the pipe closes
//    either way): the estimator's stdin is closed, then the group gets SIGTERM after GRACE_MS
//    if anything of it is left, then SIGKILL after GRACE_MS more;
//  - it gets SIGTERM, SIGINT or SIGHUP (a fit timed out; Ctrl-C in a terminal reaches this
//    process, which stays in sim-audit's group, while the estimator's group does not): SIGTERM
//    to the group at once, then SIGKILL after GRACE_MS;
//  - the estimator exits on its own: what it left in the group gets SIGTERM, then SIGKILL.
// It exits once the group is gone, as the estimator did (its exit code, or its signal).
// Plain JavaScript, run by node itself: no compiler between sim-audit and the cleanup.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const [command, graceText] = process.argv.slice(2);
const grace = Number(graceText) > 0 ? Number(graceText) : 2000;
const child = spawn(command, { shell: true, detached: true, stdio: ['pipe', 'inherit', 'inherit'] });
const group = child.pid;
let ended = null; // how the estimator ended: { code, signal }
let stopping = false;

/** Whether any live process of the group is left: /proc where there is one (a zombie, dead
 *  but not yet reaped by whoever inherited it, does not count), else kill(-group, 0). */
function groupAlive() {
  if (group === undefined) return false;
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${e}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === group && fields[0] !== 'Z') return true;
  }
  return false;
}

function signalGroup(signal) {
  try {
    process.kill(-group, signal);
  } catch {
    // nothing left to signal
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits up to `ms` for the group to be gone; true if it is. */
async function gone(ms) {
  const end = Date.now() + ms;
  while (groupAlive()) {
    if (Date.now() >= end) return false;
    await sleep(20);
  }
  return true;
}

/** End the group: wait `first` ms for it to go by itself, then SIGTERM, then SIGKILL. */
async function stop(first) {
  if (stopping) return;
  stopping = true;
  if (!(await gone(first))) {
    signalGroup('SIGTERM');
    if (!(await gone(grace))) {
      signalGroup('SIGKILL');
      await gone(grace);
    }
  }
  // the estimator's own end, once it has been seen
  while (ended === null && group !== undefined) await sleep(10);
  for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.removeAllListeners(s);
  if (ended?.signal) process.kill(process.pid, ended.signal);
  process.exit(ended?.code ?? 1);
}

child.on('error', (e) => {
  process.stderr.write(`${e.message}\n`);
  ended = { code: 127, signal: null };
  stop(0);
});
child.on('exit', (code, signal) => {
  ended = { code, signal };
  stop(0);
});
child.stdin.on('error', () => {}); // the estimator closed its stdin or died: its exit says which
process.stdin.on('data', (chunk) => child.stdin.write(chunk));
process.stdin.on('end', () => {
  child.stdin.end();
  stop(grace);
});
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, () => stop(0));
