"""sim-audit from Python: audit an estimator written in Python, draw instances, corrupt samples.

The audit runs in the sim-audit CLI (Node); this package starts it and talks to it. An
estimator is a plain function

    def fit(x, y, link, eps, seed):   # x: (n, d) float64 array, y: (n,), link: str, eps: float, seed: int
        return w                      # d numbers

`audit(fit, ...)` serves `fit` to the CLI's estimator-process protocol from this very process
(each of the CLI's estimator processes is a small relay to a local socket), so `fit` may be any
callable: a closure, a bound method, a function defined in a test.
"""
import json
import os
import shlex
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, List, Optional, Sequence

import numpy as np

from sim_audit_estimator import answer, serve

__all__ = ["audit", "simulate", "attack", "serve", "find_cli", "AuditResult", "PropertyResult", "Instance", "SimAuditError"]

INSTALL_HINT = (
    "sim-audit CLI not found: install it (npm install -g sim-audit-VERSION.tgz, or npm ci && npm link in a clone) "
    "or set SIM_AUDIT_CLI to a command that runs it (e.g. 'node /path/to/sim-audit/bin/sim-audit.js')"
)


class SimAuditError(RuntimeError):
    """The CLI refused the input (exit 2), failed (exit 3), or could not be found."""


def find_cli() -> List[str]:
    """The command that runs the sim-audit CLI: SIM_AUDIT_CLI (split like a shell line), else
    `sim-audit` on PATH; raises SimAuditError with an install hint otherwise."""
    env = os.environ.get("SIM_AUDIT_CLI")
    if env:
        return shlex.split(env)
    found = shutil.which("sim-audit")
    if found:
        return [found]
    raise SimAuditError(INSTALL_HINT)


def _run(args: Sequence[str], env: Optional[dict] = None, check_codes: Sequence[int] = (0,)) -> subprocess.CompletedProcess:
    cli = find_cli()
    try:
        done = subprocess.run([*cli, *args], capture_output=True, text=True, env=env)
    except FileNotFoundError as error:
        raise SimAuditError(f"{error}; {INSTALL_HINT}") from None
    if done.returncode not in check_codes:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise SimAuditError(f"sim-audit {args[0]} exited {done.returncode}: {lines[-1] if lines else '(no message)'}")
    return done


@dataclass
class PropertyResult:
    """One property of an audit: whether it held, its measured value against its bound, and
    when it was violated the counterexample and the fast-check seed and path that replay it."""

    id: str
    kind: str
    holds: bool
    statement: str
    runs: int
    measured: Optional[float] = None
    bound: Optional[float] = None
    counterexample: Any = None
    seed: Optional[int] = None
    path: Optional[str] = None


@dataclass
class AuditResult:
    """An audit's outcome: the verdict, every property, the report's and the page's paths, the
    replay command."""

    holds: bool
    profile: str
    seed: int
    properties: List[PropertyResult]
    report: str
    command: str
    seconds: float
    raw: dict = field(repr=False, default_factory=dict)
    #: the self-contained HTML page (verdict, properties, each rate experiment's figure)
    html: Optional[str] = None

    @property
    def violated(self) -> List[PropertyResult]:
        """The properties in the verdict that did not hold (calibrated ones count only when the
        audit counted them: `constants=True`)."""
        counted = {"claim", "hygiene"} | ({"calibrated"} if self.raw.get("countCalibrated") else set())
        return [p for p in self.properties if not p.holds and p.kind in counted]

    def summary(self) -> str:
        """A few lines for a test failure: each violated property, its counterexample, the replay."""
        lines = [f"sim-audit: {'holds' if self.holds else 'does not hold'} ({self.profile} profile, seed {self.seed}, {self.seconds:.1f} s)"]
        for p in self.violated:
            lines.append(f"- {p.id} ({p.kind}): measured {p.measured} against bound {p.bound}; counterexample {json.dumps(p.counterexample)}")
            lines.append(f"  replay this property alone: fast-check seed {p.seed}, path {p.path!r}")
        lines.append(f"replay the audit: {self.command}")
        lines.append(f"report: {self.report}")
        if self.html:
            lines.append(f"page with the figures: {self.html}")
        return "\n".join(lines)


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        token = self.rfile.readline().decode().strip()
        if token != self.server.token:  # type: ignore[attr-defined]
            return
        for line in self.rfile:
            if not line.strip():
                continue
            reply = answer(json.loads(line), self.server.fit)  # type: ignore[attr-defined]
            self.wfile.write((json.dumps(reply) + "\n").encode())
            self.wfile.flush()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def audit(
    fit: Callable,
    links: Optional[Sequence[str]] = None,
    profile: str = "quick",
    seed: Optional[int] = None,
    rates: Optional[str] = None,
    skip: Optional[Sequence[str]] = None,
    constants: bool = False,
    workers: Optional[int] = None,
    fit_timeout: Optional[float] = None,
    report: Optional[str] = None,
    html: Optional[str] = None,
) -> AuditResult:
    """Audit `fit` with sim-audit (`sim-audit audit --estimator-cmd ...`) and return the outcome.

    links: the links the estimator is made for (default: the claim's); profile: "quick" or
    "deep"; seed: the audit's seed (default: fixed for quick); rates: the claim's exponents
    ("eps=0.5,sigma=1,n=-0.5,d=0"); skip: properties left out; constants: count the calibrated
    bound in the verdict; workers: the CLI's worker threads (each a concurrent caller of `fit`);
    report: where the markdown report goes (default: a temporary file; the rate experiments'
    figures go beside it); html: where the HTML page goes (default: beside the report, as
    .html). Raises SimAuditError
    when the CLI refuses the input or cannot be found.
    """
    server = _Server(("127.0.0.1", 0), _Handler)
    server.fit = fit  # type: ignore[attr-defined]
    server.token = os.urandom(16).hex()  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        relay = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "sim_audit._relay", str(host), str(port)])
        if report is None:
            report = os.path.join(tempfile.mkdtemp(prefix="sim-audit-"), "audit.md")
        if html is None:
            html = os.path.splitext(report)[0] + ".html"
        args = ["audit", "--estimator-cmd", relay, "--profile", profile, "--json", "--report", report, "--html", html]
        if links:
            args += ["--links", ",".join(links)]
        if seed is not None:
            args += ["--seed", str(seed)]
        if rates:
            args += ["--rates", rates]
        if skip:
            args += ["--skip", ",".join(skip)]
        if constants:
            args.append("--constants")
        if workers is not None:
            args += ["--workers", str(workers)]
        if fit_timeout is not None:
            args += ["--fit-timeout", str(fit_timeout)]
        env = dict(os.environ)
        package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, [env.get("PYTHONPATH")])])
        env["SIM_AUDIT_RELAY_TOKEN"] = server.token  # type: ignore[attr-defined]
        done = _run(args, env=env, check_codes=(0, 1))
    finally:
        server.shutdown()
        server.server_close()
    try:
        raw = json.loads(done.stdout)
    except json.JSONDecodeError:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise SimAuditError(f"sim-audit audit exited {done.returncode} without its JSON outcome: {lines[-1] if lines else '(no message)'}") from None
    props = [
        PropertyResult(
            id=p["id"],
            kind=p["kind"],
            holds=bool(p["holds"]),
            statement=p.get("statement", ""),
            runs=p.get("runs", 0),
            measured=p.get("measured"),
            bound=p.get("bound"),
            counterexample=p.get("counterexample"),
            seed=p.get("seed"),
            path=p.get("path"),
        )
        for p in raw["properties"]
    ]
    # the same call with the audit's seed fixed draws the same cases
    given = {"links": list(links) if links else None, "profile": profile, "seed": raw["seed"], "rates": rates,
             "skip": list(skip) if skip else None, "constants": constants or None}
    command = "sim_audit.audit(fit, " + ", ".join(f"{k}={v!r}" for k, v in given.items() if v is not None) + ")"
    return AuditResult(
        holds=bool(raw["holds"]),
        profile=raw["profile"],
        seed=raw["seed"],
        properties=props,
        report=report,
        command=command,
        seconds=float(raw.get("seconds", 0.0)),
        raw=raw,
        html=html,
    )


@dataclass
class Instance:
    """A drawn instance: the (corrupted) sample, w* and the rows the adversary replaced."""

    x: np.ndarray
    y: np.ndarray
    wstar: np.ndarray
    corrupted: np.ndarray
    settings: dict


def simulate(
    d: int,
    n: int,
    link: str,
    noise: str = "gaussian",
    sigma: float = 0.1,
    eps: float = 0.0,
    adversary: str = "none",
    norm: float = 1.0,
    seed: int = 1,
) -> Instance:
    """Draw an instance with `sim-audit simulate` (the same seed gives the same numbers)."""
    with tempfile.TemporaryDirectory(prefix="sim-audit-") as out:
        _run(
            [
                "simulate", "--d", str(d), "--n", str(n), "--link", link, "--noise", noise, "--sigma", str(sigma),
                "--eps", str(eps), "--adversary", adversary, "--norm", str(norm), "--seed", str(seed),
                "--format", "npy", "--out", out,
            ]
        )
        data = np.load(os.path.join(out, "data.npy"))
        with open(os.path.join(out, "truth.json")) as f:
            truth = json.load(f)
    return Instance(
        x=np.ascontiguousarray(data[:, :-1]),
        y=np.ascontiguousarray(data[:, -1]),
        wstar=np.asarray(truth["wstar"], dtype=float),
        corrupted=np.asarray(truth.get("corrupted", []), dtype=int),
        settings=truth.get("settings", {}),
    )


def attack(x, y, wstar, link: str, adversary: str, eps: float, seed: int = 0) -> Instance:
    """Corrupt the sample (x, y) with a catalogue adversary (`sim-audit attack`): the corrupted
    sample and the replaced rows (0-based)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    if x.ndim != 2 or x.shape[0] != y.shape[0]:
        raise ValueError(f"x must be (n, d) and y (n,), got {x.shape} and {y.shape}")
    with tempfile.TemporaryDirectory(prefix="sim-audit-") as out:
        data = os.path.join(out, "clean.npy")
        np.save(data, np.column_stack([x, y]))
        w = os.path.join(out, "wstar.json")
        with open(w, "w") as f:
            json.dump([float(t) for t in np.asarray(wstar, dtype=float).ravel()], f)
        target = os.path.join(out, "corrupted.npy")
        _run(["attack", "--data", data, "--wstar", w, "--link", link, "--adversary", adversary, "--eps", str(eps), "--seed", str(seed), "--out", target])
        corrupted = np.load(target)
        with open(os.path.splitext(target)[0] + ".rows.json") as f:
            rows = json.load(f)
    rows = rows["corrupted"] if isinstance(rows, dict) else rows
    return Instance(
        x=np.ascontiguousarray(corrupted[:, :-1]),
        y=np.ascontiguousarray(corrupted[:, -1]),
        wstar=np.asarray(wstar, dtype=float).ravel(),
        corrupted=np.asarray(rows, dtype=int),
        settings={"link": link, "adversary": adversary, "eps": eps, "seed": seed},
    )
