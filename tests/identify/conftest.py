"""Identification test set-up: the accuracy report is printed in pytest's terminal summary.

``test_accuracy.py`` hands its formatted report to the ``accuracy_report`` fixture; the hook below prints
it after the run, so the figures (ours vs naive) show in every test run that includes that file.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_REPORTS = pytest.StashKey[list[str]]()


@pytest.fixture
def accuracy_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """``accuracy_report(text)`` queues ``text`` for the terminal summary."""

    def record(text: str) -> None:
        request.config.stash.setdefault(_REPORTS, []).append(text)

    return record


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    for text in config.stash.get(_REPORTS, []):
        terminalreporter.section("identification accuracy (labelled library vs local TMDb stand-in)")
        for line in text.splitlines():
            terminalreporter.write_line(line)
