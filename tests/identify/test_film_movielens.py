"""Film identification on generated names for real MovieLens films, in both catalog worlds.

MovieLens is read where the team shares it (``tests/identify/movielens.py``; never copied into the
project), so this test is skipped where it is not. A seeded sample of its films, half of them with hard
titles (numbers, subtitles, tag or folder words), is written in clean, release and generic styles
(``film_names.py``) and identified through the real CLI against a stand-in serving every MovieLens film,
without and with the long tail of namesakes; ``python -m tests.identify.film_bench`` runs a bigger sample.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.identify import movielens
from tests.identify.accuracy import format_film_figures
from tests.identify.film_bench import run

pytestmark = [
    pytest.mark.soak,  # minutes: run by hand, pytest -m soak tests/identify/test_film_movielens.py
    pytest.mark.skipif(not movielens.available(), reason="MovieLens is not shared on this machine"),
]

FILMS, SEED = 300, 11


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory):
    out = {}
    for world, long_tail in (("plain", False), ("long tail", True)):
        ours, naive, _, rows = run(FILMS, SEED, long_tail, str(tmp_path_factory.mktemp("ml")))
        for r in (ours, naive):  # the style families of film_names are the report's families
            r.per_family = {k: v for k, v in r.per_category.items() if k in ("clean", "release")}
        out[world] = (ours, naive)
    return out


def test_movielens_films(worlds, accuracy_report: Callable[[str], None]) -> None:
    accuracy_report(f"[MovieLens sample: {FILMS} films, seed {SEED}]\n" + format_film_figures(worlds))
    for world, (ours, naive) in worlds.items():
        assert ours.precision >= 0.995, (world, ours.failures[:10])
        assert ours.recall >= 0.985, (world, ours.failures[:10])
        assert ours.recall > naive.recall and ours.precision > naive.precision
        assert ours.requests_per_key <= 1.5
