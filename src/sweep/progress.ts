import cliProgress from 'cli-progress';
import type { SweepCounts } from './sweep.js';

/** Progress of a run: a bar on a terminal, plain lines otherwise (CI logs). */
export interface Progress {
  /** The counts of one named sweep changed (sweeps are summed). */
  update(sweep: string, c: SweepCounts): void;
  /** A log line that must not tear the bar. */
  log(line: string): void;
  stop(): void;
}

/** Counts summed over sweeps (requested: asked for here, other shards' tasks left out). */
interface Totals {
  requested: number;
  done: number;
  replayed: number;
  elsewhere: number;
}

/** Minutes and seconds. */
function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** The progress's options (see createProgress). */
interface ProgressOptions {
  tty: boolean;
  write: (text: string) => void;
  stream?: NodeJS.WriteStream;
  every?: number;
  label?: string;
}

/** The counts of every sweep, their totals, and the ETA from the recent finishing times. */
class Tally {
  private readonly counts = new Map<string, SweepCounts>();
  readonly started = performance.now();
  // the rate over the last RECENT computed tasks: one long task early on (a timing
  // reproduction, a pilot) must not set the pace of the thousands after it
  private static readonly RECENT = 40;
  private readonly finishes: number[] = [];
  private lastComputed = 0;

  /** Take a sweep's new counts; the totals over sweeps. */
  take(sweep: string, c: SweepCounts): Totals {
    this.counts.set(sweep, c);
    const s = this.sum();
    this.record(s.done, s.replayed);
    return s;
  }

  private sum(): Totals {
    let requested = 0,
      done = 0,
      replayed = 0,
      elsewhere = 0;
    for (const c of this.counts.values()) {
      requested += c.requested - c.elsewhere;
      done += c.computed + c.replayed;
      replayed += c.replayed;
      elsewhere += c.elsewhere;
    }
    return { requested, done, replayed, elsewhere };
  }

  // called at every count, printed or not, so the recent finishing times are true
  private record(done: number, replayed: number): void {
    const now = performance.now();
    for (; this.lastComputed < done - replayed; this.lastComputed++) this.finishes.push(now);
    if (this.finishes.length > Tally.RECENT + 1) this.finishes.splice(0, this.finishes.length - Tally.RECENT - 1);
  }

  eta(s: Totals): string {
    const computed = s.done - s.replayed;
    if (computed === 0) return clock(NaN);
    const now = performance.now();
    const f = this.finishes;
    const span = f.length > 1 ? (now - f[0]) / (f.length - 1) : (now - this.started) / computed;
    return clock(((s.requested - s.done) * span) / 1000);
  }

  elapsed(): string {
    return clock((performance.now() - this.started) / 1000);
  }
}

/**
 * Tasks done out of tasks asked for so far, summed over sweeps, with an ETA. The total grows
 * while a run unfolds (a pilot's result decides the next tasks), so the ETA is a lower bound
 * early on. On a terminal (`tty`) a cli-progress bar, redrawn in place; otherwise a plain
 * line at every tenth of the work and at most every `every` seconds, for logs.
 */
export function createProgress(o: ProgressOptions): Progress {
  return o.tty ? barProgress(new Tally(), o) : lineProgress(new Tally(), o);
}

/** On a terminal: one bar, redrawn at every count. */
function barProgress(tally: Tally, o: ProgressOptions): Progress {
  const label = o.label ?? 'tasks';
  const multi = new cliProgress.MultiBar(
    {
      format: `{bar} {value}/{total} ${label} | {replayed} replayed | ETA {etaText} | {elapsedText}`,
      hideCursor: true,
      stream: o.stream ?? process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multi.create(0, 0, { replayed: 0, etaText: '?', elapsedText: '0s' });
  return {
    update(sweep, c) {
      const s = tally.take(sweep, c);
      bar.setTotal(s.requested);
      bar.update(s.done, { replayed: s.replayed, etaText: tally.eta(s), elapsedText: tally.elapsed() });
    },
    log(line) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}

/** Elsewhere (a log, CI): a plain line at each new tenth (at most one a second), every `every`
 *  seconds, and at the end. */
function lineProgress(tally: Tally, o: ProgressOptions): Progress {
  const label = o.label ?? 'tasks';
  let lastShown = -1,
    lastTime = 0;
  const every = (o.every ?? 30) * 1000;
  return {
    update(sweep, c) {
      const s = tally.take(sweep, c);
      const tenth = s.requested > 0 ? Math.floor((10 * s.done) / s.requested) : 0;
      const now = performance.now();
      if (s.done === 0) return; // nothing to tell yet
      if ((tenth !== lastShown && now - lastTime >= 1000) || now - lastTime >= every || (s.done === s.requested && lastShown !== 10)) {
        lastShown = s.done === s.requested ? 10 : tenth;
        lastTime = now;
        o.write(
          `progress: ${s.done}/${s.requested} ${label} (${s.replayed} replayed${s.elsewhere ? `, ${s.elsewhere} left to other shards` : ''}), ${clock((now - tally.started) / 1000)} elapsed, ETA ${tally.eta(s)}\n`,
        );
      }
    },
    log(line) {
      o.write(`${line}\n`);
    },
    stop() {
      /* plain lines need no closing */
    },
  };
}
