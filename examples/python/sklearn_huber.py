"""scikit-learn's HuberRegressor as a sim-audit estimator (linear link only: audit it with
`--links linear`). Huber's loss bounds the influence of a large residual, not of a large
covariate, so leverage points move it. What the quick audit found: exit 1, by the sigma-rate
(under leverage its error does not shrink with the noise: error / sigma goes from 3.3 to 330 as
sigma / |w*| goes from 0.3 to 0.003); the eps-rate holds (its error grows faster than sqrt(eps),
which an upper bound allows).

    npx sim-audit audit --estimator-cmd "python3 examples/python/sklearn_huber.py" --links linear
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from sim_audit_estimator import serve  # noqa: E402
from sklearn.linear_model import HuberRegressor  # noqa: E402


def fit(x, y, link, eps, seed):
    if link != "linear":
        raise ValueError(f"HuberRegressor fits the linear link only, not {link}")
    return HuberRegressor(fit_intercept=False, max_iter=1000).fit(x, y).coef_


# served when run as a script (sim-audit starts it); importable for its fit
if __name__ == "__main__":
    serve(fit)
