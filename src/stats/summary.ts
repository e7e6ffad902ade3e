import { quantileSorted } from 'simple-statistics';

/** Median, 90th percentile (simple-statistics' quantile of the sorted values) and maximum. */
export interface Summary {
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

/** Median, 90th percentile and maximum of a non-empty list; a NaN or infinity is refused. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('summarize: no values');
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`summarize: non-finite value ${v}`);
  const s = [...values].sort((a, b) => a - b);
  return { median: quantileSorted(s, 0.5), p90: quantileSorted(s, 0.9), max: s[s.length - 1] };
}
