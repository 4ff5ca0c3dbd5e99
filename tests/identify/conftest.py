"""Identification test set-up: the accuracy report is printed in pytest's terminal summary.

``test_accuracy.py`` hands its formatted report to the ``accuracy_report`` fixture; the hook below prints
it after the run, so the figures (ours vs naive) show in every test run that includes that file. The text
travels in the test's report (``user_properties``), so it reaches the summary from pytest-xdist's workers too.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_PROPERTY = "accuracy_report"


@pytest.fixture
def accuracy_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """``accuracy_report(text)`` queues ``text`` for the terminal summary."""

    def record(text: str) -> None:
        request.node.user_properties.append((_PROPERTY, text))

    return record


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    texts = [v for r in reports if r.when == "call" for k, v in r.user_properties if k == _PROPERTY]
    for text in texts:
        terminalreporter.section("identification accuracy (labelled library vs local TMDb stand-in)")
        for line in text.splitlines():
            terminalreporter.write_line(line)
