/** Small dense vector helpers on Float64Array (length d, no allocation unless stated). */

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** |a - b| in the Euclidean norm. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) { const t = a[i] - b[i]; s += t * t; }
  return Math.sqrt(s);
}

/** Scales `a` in place to unit norm and returns its former norm (0 leaves it as is). */
export function normalize(a: Float64Array): number {
  const r = norm(a);
  if (r > 0) for (let i = 0; i < a.length; i++) a[i] /= r;
  return r;
}

/** A new array `s * a`. */
export function scaled(a: ArrayLike<number>, s: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = s * a[i];
  return out;
}

/** Sum of a Float64Array with pairwise-free Kahan-less loop (n small or values tame). */
export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
