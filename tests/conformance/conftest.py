"""Conformance tests against other projects' corpora: shared fixtures and the figures summary.

A test records a figure with the `conformance_figures` fixture ("resolution agreement: 97.3% (n/N)");
every recorded line is printed in pytest's terminal summary, so `pytest tests/conformance -q` shows
the numbers without -s.
"""

from __future__ import annotations

from typing import Any

import pytest

_FIGURES = pytest.StashKey[list[str]]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_FIGURES] = []


@pytest.fixture
def conformance_figures(request: pytest.FixtureRequest) -> list[str]:
    """Append "label: figure" lines here; they appear in the terminal summary."""
    return request.config.stash[_FIGURES]


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    figures = config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("conformance figures")
        for line in figures:
            terminalreporter.write_line(line)
