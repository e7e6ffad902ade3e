"""scikit-learn's RANSACRegressor (least squares on random minimal subsets, keeping the largest
consensus set) as a sim-audit estimator, for the linear link: audit it with `--links linear`.
Its inlier threshold is the MAD of y, which does not shrink with the noise, so its error does
not vanish as sigma -> 0: the audit must fail it.

    npx sim-audit audit --estimator-cmd "python3 examples/python/sklearn_ransac.py" --links linear
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


serve(fit)
