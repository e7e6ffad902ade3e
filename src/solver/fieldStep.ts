import type { Link } from '../model/links.js';
import { expectNormal } from '../numeric/gaussHermite.js';
import type { UpdateName } from './update.js';

/**
 * Fixed step 1 / lambda_max of the field's population Jacobian at a point of norm s on the
 * truth, x ~ N(0, I). Squared loss (and Huber near the optimum): Hessian 2 E[phi'(u)^2 x x^T]
 * with eigenvalues 2 E[Z^2 phi'(sZ)^2] (along w*) and 2 E[phi'(sZ)^2] (across). GLMtron:
 * Jacobian E[phi'(u) x x^T], eigenvalues E[Z^2 phi'(sZ)] and E[phi'(sZ)].
 * The paper's step is 2 / (alpha + gamma) with alpha a curvature bound over the basin
 * (>= lambda_max) and gamma = mu / 2; 2 / (lambda_max + lambda_min) at w* itself sits at the
 * edge of stability when lambda_min << lambda_max (eta lambda_max ~ 2), and the empirical
 * Hessian exceeds the population one by (1 + sqrt(d/n))^2, so descent oscillated (tanh,
 * |w*| = 2, n/d = 100). 1 / lambda_max keeps a factor 2 from that edge; for the linear link
 * it is 1/2, one Newton step.
 */
export function fieldStep(link: Link, norm: number, update: UpdateName): number {
  const s = Math.max(norm, 1e-3);
  const glm = update === 'glmtron';
  const g = (z: number): number => {
    const v = link.dphi(s * z);
    return glm ? v : v * v;
  };
  const factor = glm ? 1 : 2;
  const along = factor * expectNormal((z) => z * z * g(z), 120);
  const across = factor * expectNormal(g, 120);
  const hi = Math.max(along, across);
  // 0 when the Jacobian vanishes at this norm (a saturating link far out): callers treat a
  // non-positive step as divergence
  if (!(hi > 0) || !Number.isFinite(hi)) return 0;
  return 1 / hi;
}
