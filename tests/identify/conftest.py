"""Identification test set-up: the accuracy report is printed in pytest's terminal summary.

``test_accuracy.py`` hands its formatted report to the ``accuracy_report`` fixture; the terminal-summary hook
in ``tests/conftest.py`` prints it after the run, so the figures (ours vs naive) show in every test run that
includes that file. The text travels in the test's report (``user_properties``), so it reaches the summary
from pytest-xdist's workers too (whose controller never loads this conftest).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

_PROPERTY = "accuracy_report"  # the key tests/conftest.py reads


@pytest.fixture
def accuracy_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """``accuracy_report(text)`` queues ``text`` for the terminal summary."""

    def record(text: str) -> None:
        request.node.user_properties.append((_PROPERTY, text))

    return record
