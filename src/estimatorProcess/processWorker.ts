/**
 * The worker thread that talks to estimator processes (see processEstimator.ts): it owns each
 * child process and its pipes, and answers one request at a time, which the calling thread waits
 * for synchronously (synckit: the audit's fit is a synchronous call). synckit keeps one worker
 * per module, so processes are kept by handle. Each estimator runs under a supervisor
 * (estimatorSupervisor.mjs) that ends its whole process group when told to or when sim-audit
 * goes away, so nothing the estimator started outlives the audit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { runAsWorker } from 'synckit';

/** How long the supervisor waits at each step of ending an estimator's group: after its stdin
 *  closes, then after SIGTERM, before SIGKILL. */
export const STOP_GRACE_MS = 2000;
/** Characters of the estimator's stderr kept, to quote its last line in a failure: a process
 *  that floods stderr cannot make the audit hold more than this. */
const STDERR_TAIL = 4096;
const SUPERVISOR = fileURLToPath(new URL('./estimatorSupervisor.mjs', import.meta.url));

/** A request from the calling thread. */
export type WorkerRequest =
  | { readonly kind: 'start'; readonly command: string }
  | { readonly kind: 'fit'; readonly handle: number; readonly line: string; readonly timeoutMs: number }
  | { readonly kind: 'close'; readonly handle: number };

/** The process's answer line, or why there is none (or a new process's handle). */
export type WorkerAnswer = { readonly line: string } | { readonly failure: string } | { readonly handle: number };

/** One estimator process and what it has said. */
class EstimatorChild {
  private readonly child: ChildProcess;
  private readonly queued: string[] = [];
  private waiter: ((line: string | null) => void) | undefined;
  private stderrTail = '';
  private exitText: string | undefined;

  constructor(command: string) {
    this.child = spawn(process.execPath, [SUPERVISOR, command, String(STOP_GRACE_MS)], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const w = this.waiter;
      this.waiter = undefined;
      if (w) w(line);
      else this.queued.push(line);
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    const ended = (text: string): void => {
      this.exitText ??= text;
      const w = this.waiter;
      this.waiter = undefined;
      w?.(null);
    };
    this.child.on('error', (e) => ended(`could not be started (${e.message})`));
    this.child.on('exit', (code, signal) => ended(signal ? `was killed by ${signal}` : `exited with code ${code}`));
    this.child.stdin!.on('error', () => {}); // a closed pipe shows as the exit above
  }

  private withStderr(text: string): string {
    const lines = this.stderrTail.split('\n').map((l) => l.trim());
    const last = lines.filter((l) => l !== '').pop();
    return last ? `${text}; its last line on stderr: ${last.slice(-500)}` : text;
  }

  /** The next line the process writes, null when it exits, 'timeout' when `timeoutMs` passes (it is then killed). */
  private nextLine(timeoutMs: number): Promise<string | null | 'timeout'> {
    const early = this.queued.shift();
    if (early !== undefined) return Promise.resolve(early);
    if (this.exitText !== undefined) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        // the supervisor ends the estimator's group (SIGTERM, then SIGKILL), then itself
        this.child.kill('SIGTERM');
        resolve('timeout');
      }, timeoutMs);
      this.waiter = (line) => {
        clearTimeout(timer);
        resolve(line);
      };
    });
  }

  async fit(line: string, timeoutMs: number): Promise<WorkerAnswer> {
    if (this.queued.length)
      return { failure: `the estimator process wrote a line nobody asked for: ${JSON.stringify(this.queued[0].slice(0, 200))}` };
    if (this.exitText !== undefined) return { failure: this.withStderr(`the estimator process ${this.exitText}`) };
    this.child.stdin!.write(`${line}\n`);
    const answer = await this.nextLine(timeoutMs);
    if (answer === 'timeout') {
      return {
        failure: this.withStderr(`the estimator process gave no answer within ${timeoutMs / 1000} s (--fit-timeout); it was stopped`),
      };
    }
    if (answer === null) return { failure: this.withStderr(`the estimator process ${this.exitText ?? 'ended'} before answering`) };
    return { line: answer };
  }

  /** Close stdin (the protocol asks the process to exit then): the supervisor waits for it, then
   *  ends what is left of its group (SIGTERM, then SIGKILL, STOP_GRACE_MS apart), and exits. A
   *  supervisor still there after that is killed. */
  async close(): Promise<void> {
    if (this.exitText !== undefined) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3 * STOP_GRACE_MS + 1000);
    await done;
    clearTimeout(timer);
  }
}

const children = new Map<number, EstimatorChild>();
let nextHandle = 1;

runAsWorker(async (request: WorkerRequest): Promise<WorkerAnswer | null> => {
  if (request.kind === 'start') {
    const handle = nextHandle++;
    children.set(handle, new EstimatorChild(request.command));
    return { handle };
  }
  const child = children.get(request.handle);
  if (!child) return { failure: `no estimator process ${request.handle}` };
  if (request.kind === 'fit') return child.fit(request.line, request.timeoutMs);
  await child.close();
  children.delete(request.handle);
  return null;
});
