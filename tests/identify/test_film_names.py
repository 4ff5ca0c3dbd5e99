"""Film identification on names as people and release groups write them, in both catalog worlds.

``tests/data/identify/films.jsonl`` (made by ``make_films.py``: clean names, real release names from other
projects' test suites, and the hard classes: title and subtitle, numbers as titles, words taken for tags,
generic files in a titled folder) is scanned, identified and listed through the real CLI against the
local TMDb stand-in twice: on the plain catalog, and with the long tail of obscure namesakes switched on
(``FakeTMDb(long_tail=True)``: shorts and TV films with the same titles, some from the same year). The
naive first hit (guessit + TMDb's first result) runs on the same stand-in. The figures are printed in the
terminal summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.identify.accuracy import (
    AccuracyReport,
    format_film_figures,
    format_report,
    load_library,
    run_accuracy,
)

FILMS = Path(__file__).resolve().parents[1] / "data" / "identify" / "films.jsonl"
WORLDS = {"plain": False, "long tail": True}


@pytest.fixture(scope="module")
def worlds(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[AccuracyReport, AccuracyReport]]]:
    from videomanager.testing.fake_tmdb import FakeTMDb

    rows = load_library(FILMS)
    out: dict[str, tuple[AccuracyReport, AccuracyReport]] = {}
    for world, long_tail in WORLDS.items():
        with FakeTMDb(long_tail=long_tail) as fake:
            out[world] = run_accuracy(rows, tmp_path_factory.mktemp("films"), fake)
    yield out


def test_report(worlds, accuracy_report: Callable[[str], None]) -> None:
    text = "[films.jsonl]\n" + format_film_figures(worlds)
    for world, (ours, naive) in worlds.items():
        text += f"\n\n[films.jsonl, {world}]\n" + format_report(ours, naive, failures=20)
    accuracy_report(text)
    ours, _ = worlds["plain"]
    assert ours.missing == 0
    assert ours.files >= 600 and set(ours.per_family) == {"clean", "release"}


@pytest.mark.parametrize("world", list(WORLDS))
def test_film_precision_and_recall(worlds, world: str) -> None:
    ours, naive = worlds[world]
    floor_p, floor_r = (0.998, 0.995) if world == "plain" else (0.995, 0.985)
    wrong = [
        f for f in ours.failures if not f.got.startswith(("-", "missing")) and "not identified" not in f.got
    ]
    assert ours.precision >= floor_p, wrong[:10]
    assert ours.recall >= floor_r, ours.failures[:10]
    assert ours.per_family["release"].recall >= 0.99, ours.failures[:10]
    assert ours.precision > naive.precision and ours.recall > naive.recall


@pytest.mark.parametrize("world", list(WORLDS))
def test_requests_per_lookup_key(worlds, world: str) -> None:
    ours, _ = worlds[world]
    assert 0 < ours.requests_per_key <= 1.5, (ours.requests, ours.lookup_keys)
