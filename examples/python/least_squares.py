"""Ordinary least squares in numpy, served over the estimator-process protocol: the smallest
working example (tests use it; it is not robust, and the audit fails it under corruption)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import numpy as np  # noqa: E402
from sim_audit_estimator import serve  # noqa: E402


def fit(x, y, link, eps, seed):
    return np.linalg.lstsq(x, y, rcond=None)[0]


# served when run as a script (sim-audit starts it); importable for its fit
if __name__ == "__main__":
    serve(fit)
