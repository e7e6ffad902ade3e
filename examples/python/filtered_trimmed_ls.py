"""A robust linear regression in numpy, served over the estimator-process protocol: the
passing Python example (linear link only: audit it with `--links linear`).

    npx sim-audit audit --estimator-cmd "python3 examples/python/filtered_trimmed_ls.py" --links linear

Two steps, each against one kind of corruption of an eps fraction of the rows:
1. A covariate filter. Inlier covariates are N(0, I), so their second moment has every
   eigenvalue below the Bai-Yin edge (1 + sqrt(d/n))^2. While the kept rows' second moment
   exceeds that edge (times 1 + eps) along its top eigenvector v, the rows with the largest
   <x, v>^2 are dropped, a small share of the budget at a time (at most 2 eps n rows in all).
   Leverage points and planted directions go here: without this step their error does not
   shrink with the noise (sklearn's HuberRegressor fails the sigma-rate that way).
2. Iteratively trimmed least squares on the rows kept: fit, drop the ceil(eps n) rows with the
   largest absolute residuals, refit, until the dropped set repeats. What is left of the label
   corruption sits within a few residual scales of the fit, so its pull is proportional to
   the noise.
The rows are first put in an order fixed by their content, so the answer is a function of the
multiset of rows (the audit's permutation invariance holds bit for bit).
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import numpy as np  # noqa: E402
from sim_audit_estimator import serve  # noqa: E402

# share of the row budget the covariate filter drops per round (small: each round re-reads
# the top direction after the worst rows are gone)
FILTER_STEP = 0.1
TRIM_ROUNDS = 100


def covariate_filter(x, eps):
    """Rows kept after filtering the covariates against their known N(0, I) law."""
    n, d = x.shape
    keep = np.ones(n, dtype=bool)
    edge = (1 + math.sqrt(d / n)) ** 2 * (1 + eps)
    budget = math.ceil(2 * eps * n)
    step = max(1, math.ceil(FILTER_STEP * eps * n))
    dropped = 0
    while dropped < budget:
        xk = x[keep]
        values, vectors = np.linalg.eigh(xk.T @ xk / xk.shape[0])
        if values[-1] <= edge:
            break
        scores = (xk @ vectors[:, -1]) ** 2
        k = min(step, budget - dropped)
        worst = np.argsort(scores, kind="stable")[-k:]
        keep[np.flatnonzero(keep)[worst]] = False
        dropped += k
    return keep


def trimmed_least_squares(x, y, eps):
    """Least squares without the ceil(eps n) rows of largest absolute residual, iterated."""
    n = x.shape[0]
    m = math.ceil(eps * n)
    w = np.linalg.lstsq(x, y, rcond=None)[0]
    if m == 0:
        return w
    previous = None
    for _ in range(TRIM_ROUNDS):
        residual = np.abs(y - x @ w)
        kept = np.sort(np.argsort(residual, kind="stable")[: n - m])
        if previous is not None and np.array_equal(kept, previous):
            break
        previous = kept
        w = np.linalg.lstsq(x[kept], y[kept], rcond=None)[0]
    return w


def fit(x, y, link, eps, seed):
    if link != "linear":
        raise ValueError(f"this estimator fits the linear link only, not {link}")
    # a content-fixed row order: sort by y, then by each covariate
    order = np.lexsort(np.column_stack([x, y]).T)
    x, y = x[order], y[order]
    keep = covariate_filter(x, eps) if eps > 0 else np.ones(x.shape[0], dtype=bool)
    return trimmed_least_squares(x[keep], y[keep], eps)


# served when run as a script (sim-audit starts it); importable for its fit
if __name__ == "__main__":
    serve(fit)
