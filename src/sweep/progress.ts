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

/**
 * Tasks done out of tasks asked for so far, summed over sweeps, with an ETA. The total grows
 * while a run unfolds (a pilot's result decides the next tasks), so the ETA is a lower bound
 * early on. On a terminal (`tty`) a cli-progress bar, redrawn in place; otherwise a plain
 * line at every tenth of the work and at most every `every` seconds, for logs.
 */
export function createProgress(o: {
  tty: boolean;
  write: (text: string) => void;
  stream?: NodeJS.WriteStream;
  every?: number;
  label?: string;
}): Progress {
  const counts = new Map<string, SweepCounts>();
  const started = performance.now();
  const label = o.label ?? 'tasks';
  const sum = (): Totals => {
    let requested = 0,
      done = 0,
      replayed = 0,
      elsewhere = 0;
    for (const c of counts.values()) {
      requested += c.requested - c.elsewhere;
      done += c.computed + c.replayed;
      replayed += c.replayed;
      elsewhere += c.elsewhere;
    }
    return { requested, done, replayed, elsewhere };
  };
  // the rate over the last RECENT computed tasks: one long task early on (a timing
  // reproduction, a pilot) must not set the pace of the thousands after it
  const RECENT = 40;
  const finishes: number[] = [];
  let lastComputed = 0;
  // called at every count, printed or not, so the recent finishing times are true
  const record = (done: number, replayed: number): void => {
    const now = performance.now();
    for (; lastComputed < done - replayed; lastComputed++) finishes.push(now);
    if (finishes.length > RECENT + 1) finishes.splice(0, finishes.length - RECENT - 1);
  };
  const etaText = (s: Totals): string => {
    const computed = s.done - s.replayed;
    if (computed === 0) return clock(NaN);
    const now = performance.now();
    const span = finishes.length > 1 ? (now - finishes[0]) / (finishes.length - 1) : (now - started) / computed;
    return clock(((s.requested - s.done) * span) / 1000);
  };
  /** Take a sweep's new counts; the totals over sweeps. */
  const tally = (sweep: string, c: SweepCounts): Totals => {
    counts.set(sweep, c);
    const s = sum();
    record(s.done, s.replayed);
    return s;
  };
  if (o.tty) {
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
        const s = tally(sweep, c);
        bar.setTotal(s.requested);
        bar.update(s.done, { replayed: s.replayed, etaText: etaText(s), elapsedText: clock((performance.now() - started) / 1000) });
      },
      log(line) {
        multi.log(`${line}\n`);
      },
      stop() {
        multi.stop();
      },
    };
  }
  let lastShown = -1,
    lastTime = 0;
  const every = (o.every ?? 30) * 1000;
  return {
    update(sweep, c) {
      const s = tally(sweep, c);
      const tenth = s.requested > 0 ? Math.floor((10 * s.done) / s.requested) : 0;
      const now = performance.now();
      if (s.done === 0) return; // nothing to tell yet
      if ((tenth !== lastShown && now - lastTime >= 1000) || now - lastTime >= every || (s.done === s.requested && lastShown !== 10)) {
        lastShown = s.done === s.requested ? 10 : tenth;
        lastTime = now;
        o.write(
          `progress: ${s.done}/${s.requested} ${label} (${s.replayed} replayed${s.elsewhere ? `, ${s.elsewhere} left to other shards` : ''}), ${clock((now - started) / 1000)} elapsed, ETA ${etaText(s)}\n`,
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
