"""scikit-learn's RANSACRegressor (least squares on random minimal subsets, keeping the largest
consensus set) as a sim-audit estimator, for the linear link: audit it with `--links linear`.

What the quick audit found (2026-11-30, on a 2-core machine shared with other runs): the
eps-rate (R falls from 0.96 to 0.60 as eps falls), the sigma-rate (slope 1.03) and the n-rate
(slope -0.44) hold; at the d-rate's largest size (d = 80, n = 16000) one fit took more than the
default 120 s, so the audit stopped with exit 2 naming the timeout. Give it time:

    npx sim-audit audit --estimator-cmd "python3 examples/python/sklearn_ransac.py" --links linear --fit-timeout 900
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from sim_audit_estimator import serve  # noqa: E402
from sklearn.linear_model import LinearRegression, RANSACRegressor  # noqa: E402


def fit(x, y, link, eps, seed):
    if link != "linear":
        raise ValueError(f"RANSAC with least squares fits the linear link only, not {link}")
    model = RANSACRegressor(LinearRegression(fit_intercept=False), random_state=seed % (2**32)).fit(x, y)
    return model.estimator_.coef_


# served when run as a script (sim-audit starts it); importable for its fit
if __name__ == "__main__":
    serve(fit)
