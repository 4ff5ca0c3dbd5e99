"""TV accuracy of the whole pipeline on the labelled TV library, beside guessit alone (tv_accuracy.py).

The files of ``tests/data/tv/tv.jsonl`` (README.md there) are created under a temporary folder, scanned,
identified and listed through the real CLI against the local TMDb stand-in. Targets: season/episode
agreement at least 5 points above guessit's on the same names, shows on one card >= 0.98, daily air dates
found >= 0.9, TMDb requests <= 1.5 per unique lookup key (a season's request counting once per season).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.identify.accuracy import load_library
from tests.identify.tv_accuracy import TvReport, format_tv_report, run_tv_accuracy

DATA = Path(__file__).resolve().parents[1] / "data" / "tv" / "tv.jsonl"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TvReport, TvReport]]:
    from videomanager.testing.fake_tmdb import FakeTMDb

    fake = FakeTMDb()
    fake.start()
    try:
        yield run_tv_accuracy(load_library(DATA), tmp_path_factory.mktemp("tv"), fake)
    finally:
        fake.stop()


def test_tv_report(reports: tuple[TvReport, TvReport], accuracy_report: Callable[[str], None]) -> None:
    ours, guess = reports
    accuracy_report("[tv.jsonl]\n" + format_tv_report(ours, guess))
    assert ours.rows == guess.rows >= 400


def test_season_and_episode_beat_guessit_by_five_points(reports: tuple[TvReport, TvReport]) -> None:
    ours, guess = reports
    assert ours.numbers >= guess.numbers + 0.05, ours.failures[:10]
    assert ours.numbers >= 0.95, ours.failures[:10]


def test_one_card_per_show(reports: tuple[TvReport, TvReport]) -> None:
    ours, _ = reports
    assert ours.one_card >= 0.98, ours.split_shows


def test_daily_air_dates_found(reports: tuple[TvReport, TvReport]) -> None:
    ours, _ = reports
    assert ours.daily >= 50 and ours.dates >= 0.9


def test_requests_per_lookup(reports: tuple[TvReport, TvReport]) -> None:
    ours, _ = reports
    assert 0 < ours.requests_per_lookup <= 1.5, (ours.requests, ours.lookups, ours.seasons)
