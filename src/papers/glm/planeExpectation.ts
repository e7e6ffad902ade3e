import { normalRule } from '../../numeric/normalIntegral.js';

/** A line c1 z1 + c2 z2 = t across which the integrand may jump or kink. */
export interface PlaneLine {
  readonly c1: number;
  readonly c2: number;
  readonly t: number;
}

/**
 * E[f(Z1, Z2)] for independent standard normals, for f smooth except across `lines`: the
 * outer z1 rule breaks where a line is parallel to the z2 axis, the inner z2 rule, at each
 * z1 node, where a line crosses; composite Gauss-Legendre panels (src/numeric/normalIntegral.ts)
 * then integrate each smooth piece to about 1e-10 (the outer integrand keeps kinks where two
 * lines meet, which costs a few digits there).
 */
export function planeExpectation(f: (z1: number, z2: number) => number, lines: readonly PlaneLine[]): number {
  const vertical = lines.filter((l) => Math.abs(l.c2) < 1e-12 && Math.abs(l.c1) > 1e-12).map((l) => l.t / l.c1);
  const slanted = lines.filter((l) => Math.abs(l.c2) >= 1e-12);
  const outer = normalRule(vertical);
  let acc = 0;
  for (let i = 0; i < outer.nodes.length; i++) {
    const z1 = outer.nodes[i];
    const inner = normalRule(slanted.map((l) => (l.t - l.c1 * z1) / l.c2));
    let s = 0;
    for (let k = 0; k < inner.nodes.length; k++) s += inner.weights[k] * f(z1, inner.nodes[k]);
    acc += outer.weights[i] * s;
  }
  return acc;
}
