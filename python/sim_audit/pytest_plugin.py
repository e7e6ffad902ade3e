"""The pytest plugin of sim-audit (registered through the package's `pytest11` entry point).

    def test_my_estimator(sim_audit):
        sim_audit.check(fit, links=["linear"])

fails the test naming each violated property, its measured value and bound, its counterexample
and the commands that replay it. The profile: `--sim-audit-profile quick|deep` on the command
line, or `@pytest.mark.sim_audit(profile="deep")` on a test (the marker wins).
"""
import pytest

from . import AuditResult, audit


def pytest_addoption(parser):
    group = parser.getgroup("sim-audit")
    group.addoption("--sim-audit-profile", default="quick", choices=["quick", "deep"], help="the profile of sim_audit.check (default quick)")
    group.addoption("--sim-audit-seed", type=int, default=None, help="the audit seed of sim_audit.check (default: the profile's)")


def pytest_configure(config):
    config.addinivalue_line("markers", "sim_audit(profile='quick', seed=None): how sim_audit.check audits in this test")


class SimAuditChecker:
    """What the `sim_audit` fixture gives a test: `check(fit, **audit_options)`."""

    def __init__(self, profile, seed):
        self.profile = profile
        self.seed = seed
        self.last = None

    def check(self, fit, **options) -> AuditResult:
        """Audit `fit` (options as `sim_audit.audit`); fail the test when the verdict does not hold."""
        options.setdefault("profile", self.profile)
        if self.seed is not None:
            options.setdefault("seed", self.seed)
        result = audit(fit, **options)
        self.last = result
        if not result.holds:
            pytest.fail(result.summary(), pytrace=False)
        return result


@pytest.fixture
def sim_audit(request):
    """Audit an estimator inside a test: `sim_audit.check(fit, links=[...])`."""
    marker = request.node.get_closest_marker("sim_audit")
    profile = request.config.getoption("--sim-audit-profile")
    seed = request.config.getoption("--sim-audit-seed")
    if marker is not None:
        profile = marker.kwargs.get("profile", profile)
        seed = marker.kwargs.get("seed", seed)
    return SimAuditChecker(profile, seed)
