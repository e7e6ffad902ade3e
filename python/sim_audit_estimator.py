"""Serve an estimator to `sim-audit audit --estimator-cmd` (the estimator-process protocol).

One file, numpy only. Write your estimator as

    def fit(x, y, link, eps, seed):   # x: (n, d) float64 array, y: (n,), link: str, eps: float, seed: int
        return w                      # d numbers

and end the script with `serve(fit)`. sim-audit starts the script once and keeps it for the
whole audit: for each fit it writes x.npy and y.npy and sends one JSON line on stdin
({"id", "x", "y", "n", "d", "link", "eps", "seed"}); `serve` answers one JSON line on stdout
({"id", "w": [...]} or {"id", "error": "..."}), and returns when stdin closes. Print nothing
else on stdout (use stderr for logs): any other line ends the audit.
"""
import json
import math
import sys
import traceback

import numpy as np


def answer(request, fit):
    """The protocol's answer to one fit request: {"id", "w"} or {"id", "error"} (never raises)."""
    try:
        x = np.load(request["x"])
        y = np.load(request["y"])
        w = np.asarray(fit(x, y, request["link"], request["eps"], request["seed"]), dtype=float).ravel()
        if w.shape != (request["d"],):
            raise ValueError(f"fit returned {w.size} numbers for d = {request['d']}")
        if not all(math.isfinite(t) for t in w):
            raise ValueError("fit returned a non-finite number")
        return {"id": request["id"], "w": [float(t) for t in w]}
    except Exception as error:  # the estimator failed this fit: say so, keep serving
        traceback.print_exc(file=sys.stderr)
        return {"id": request.get("id"), "error": f"{type(error).__name__}: {error}"}


def serve(fit):
    """Answer sim-audit's fit requests on stdin/stdout until stdin closes."""
    out = sys.stdout
    # anything the estimator prints goes to stderr, so stdout carries only the protocol
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        out.write(json.dumps(answer(json.loads(line), fit)) + "\n")
        out.flush()
