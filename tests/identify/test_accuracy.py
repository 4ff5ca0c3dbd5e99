"""Identification accuracy of the whole pipeline on the labelled library.

The library (``tests/data/identify/library.jsonl``) is created as sparse files under a temporary folder,
scanned, identified and listed through the real CLI against the local TMDb stand-in; the naive baseline
(guessit + TMDb's first result) runs against the same stand-in. The report (ours vs naive, per category,
first failures) is printed in the terminal summary. Targets: precision >= 0.99, recall >= 0.97,
grouping F1 >= 0.99, no personal video identified, no extra counted as a version.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.identify.accuracy import AccuracyReport, format_report, load_library, run_accuracy

DATA = Path(__file__).resolve().parents[1] / "data" / "identify"
# library.jsonl was built alongside the matcher; holdout.jsonl was written independently afterwards
# (see HOLDOUT.md) to check that the matcher generalises.
LIBRARIES = {"library": DATA / "library.jsonl", "holdout": DATA / "holdout.jsonl"}


def _missing(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


pytestmark = [
    pytest.mark.skipif(
        _missing("videomanager.core.identify"),
        reason="videomanager.core.identify (the identify step) cannot be imported yet",
    ),
    pytest.mark.skipif(
        _missing("videomanager.testing.fake_tmdb"), reason="the local TMDb stand-in is not available"
    ),
]


@pytest.fixture(scope="module", params=sorted(LIBRARIES))
def reports(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AccuracyReport, AccuracyReport]]:
    """Run each labelled library once for every test in this file."""
    from videomanager.testing.fake_tmdb import FakeTMDb

    fake = FakeTMDb()
    fake.start()
    try:
        ours, naive = run_accuracy(
            load_library(LIBRARIES[request.param]), tmp_path_factory.mktemp("accuracy"), fake
        )
        ours.library = naive.library = request.param  # shown as the report's heading
        yield ours, naive
    finally:
        fake.stop()


@pytest.fixture(scope="module")
def ours(reports: tuple[AccuracyReport, AccuracyReport]) -> AccuracyReport:
    return reports[0]


def test_report(
    reports: tuple[AccuracyReport, AccuracyReport], accuracy_report: Callable[[str], None]
) -> None:
    ours, naive = reports
    accuracy_report(f"[{ours.library}.jsonl]\n" + format_report(ours, naive, failures=25))
    # Every labelled file must come out of `list --json` somewhere (each file appears exactly once).
    assert ours.missing == 0, [f for f in ours.failures if f.got == "missing"][:10]
    assert ours.files == naive.files >= 450


def test_precision(ours: AccuracyReport) -> None:
    wrong = [
        f for f in ours.failures if not f.got.startswith(("-", "missing")) and "not identified" not in f.got
    ]
    assert ours.precision >= 0.99, wrong[:10]


def test_recall(ours: AccuracyReport) -> None:
    assert ours.recall >= 0.97, ours.failures[:10]


def test_version_grouping(ours: AccuracyReport) -> None:
    assert ours.grouping_f1 >= 0.99, (ours.grouping_precision, ours.grouping_recall)


def test_no_personal_video_identified(ours: AccuracyReport) -> None:
    assert ours.personal_identified == 0, [f for f in ours.failures if f.expected.startswith("- ")]


def test_no_extra_counted_as_a_version(ours: AccuracyReport) -> None:
    assert ours.extras_as_versions == 0, [f for f in ours.failures if f.expected.endswith(" extra")]


def test_we_beat_the_naive_baseline(reports: tuple[AccuracyReport, AccuracyReport]) -> None:
    ours, naive = reports
    assert ours.precision > naive.precision
    assert ours.recall >= naive.recall
