"""Shared test setup. Under CI=true nothing may skip: a missing optional dependency (pandas, spaCy, PySpark, Java)
fails its tests instead, so a green CI run has really run them all."""

import os

import pytest

STRICT = os.environ.get("CI") == "true"


def _as_failure(report, reason):
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, where every optional dependency must be installed: {reason}"


def _skip_reason(report):
    longrepr = report.longrepr
    return longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A module skipped at import (`pytest.importorskip` at its top) fails under CI."""
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped:
        _as_failure(report, _skip_reason(report))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A test that skips (`pytest.skip`, `importorskip`) fails under CI."""
    outcome = yield
    report = outcome.get_result()
    if STRICT and report.skipped and not hasattr(report, "wasxfail"):
        _as_failure(report, _skip_reason(report))


def spans_of(doc):
    """Every (span-like object, what it is) of a document: entities, quotes' content, parts, fragments, speaker,
    cue, addressee."""
    for e in doc.entities:
        yield e, "entity"
    for q in doc.quotes:
        yield q.content, "content"
        for p in q.parts:
            yield p, "part"
        for f in q.fragments:
            yield f, "fragment"
        for name in ("speaker", "cue", "addressee"):
            if getattr(q, name) is not None:
                yield getattr(q, name), name
