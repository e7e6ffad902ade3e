"""Tests of the sim_audit package (run by `npm test` through test/python/package.test.ts, with
SIM_AUDIT_CLI pointing at this repository's CLI; or by hand: SIM_AUDIT_CLI=... pytest python/tests)."""
from importlib.metadata import entry_points

import numpy as np
import pytest

import sim_audit
from sim_audit import SimAuditError, attack, audit, simulate

pytest_plugins = ["pytester"]

# every property but the hygiene ones that take a second: the audit's plumbing, not its power
RATES_AND_BOUNDS = ["eps-rate", "sigma-rate", "n-rate", "d-rate", "breakdown", "P1-error-bound"]


def least_squares(x, y, link, eps, seed):
    return np.linalg.lstsq(x, y, rcond=None)[0]


def test_simulate_draws_the_same_instance_for_a_seed_and_attack_corrupts_floor_eps_n_rows():
    a = simulate(d=3, n=200, link="gelu", noise="gaussian", sigma=0.1, eps=0.05, adversary="leverage", seed=1)
    b = simulate(d=3, n=200, link="gelu", noise="gaussian", sigma=0.1, eps=0.05, adversary="leverage", seed=1)
    assert a.x.shape == (200, 3) and a.y.shape == (200,) and a.wstar.shape == (3,)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert len(a.corrupted) == 10
    c = attack(a.x, a.y, a.wstar, link="gelu", adversary="sign-flip", eps=0.1, seed=2)
    assert c.x.shape == (200, 3) and len(c.corrupted) == 20
    changed = np.flatnonzero((c.y != a.y) | np.any(c.x != a.x, axis=1))
    assert set(changed) <= set(c.corrupted.tolist())


def test_audit_returns_the_verdict_and_names_a_violated_property_with_its_counterexample():
    held = audit(least_squares, links=["linear"], skip=RATES_AND_BOUNDS)
    assert held.holds and not held.violated
    assert [p.id for p in held.properties] == ["exact-recovery", "P6-determinism", "P6-permutation-invariance", "P6-rotation-equivariance"]
    # a closure (not importable by name) is served from this process
    zero = audit(lambda x, y, link, eps, seed: np.zeros(x.shape[1]), links=["linear"], skip=RATES_AND_BOUNDS)
    assert not zero.holds
    assert [p.id for p in zero.violated] == ["exact-recovery"]
    assert zero.violated[0].counterexample["link"] == "linear"
    text = zero.summary()
    assert "exact-recovery" in text and "replay the audit: sim_audit.audit(fit, links=['linear']" in text
    assert open(zero.report).read().startswith("#")
    page = open(zero.html).read()
    assert page.startswith("<!DOCTYPE html>") and 'data-holds="false"' in page and "page with the figures" in text


def test_bad_input_and_a_missing_cli_are_one_clear_error(monkeypatch):
    with pytest.raises(SimAuditError, match="unknown link"):
        audit(least_squares, links=["nope"])
    monkeypatch.delenv("SIM_AUDIT_CLI", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(SimAuditError, match="SIM_AUDIT_CLI"):
        sim_audit.find_cli()


def test_the_pytest_plugin_fails_a_test_naming_the_property_and_the_marker_sets_the_profile(pytester):
    pytester.makepyfile(
        f"""
        import numpy as np
        import pytest

        SKIP = {RATES_AND_BOUNDS!r}

        def test_zero_estimator(sim_audit):
            sim_audit.check(lambda x, y, link, eps, seed: np.zeros(x.shape[1]), links=["linear"], skip=SKIP)

        @pytest.mark.sim_audit(profile="deep", seed=7)
        def test_marker(sim_audit):
            assert (sim_audit.profile, sim_audit.seed) == ("deep", 7)
        """
    )
    # installed, the package registers the plugin through its entry point; from the source tree, -p
    installed = any(ep.name == "sim_audit" for ep in entry_points(group="pytest11"))
    result = pytester.runpytest_subprocess(*([] if installed else ["-p", "sim_audit.pytest_plugin"]))
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*exact-recovery (hygiene): measured*", "*replay the audit: sim_audit.audit(fit*"])
