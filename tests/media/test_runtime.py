"""The runtime cross-check against the local TMDb stand-in: a file's duration picks between a film and its
remake of the same title and year, a 22-minute file named as a two-hour film is not matched to it and is
flagged with the reason, and a match made before the files were read is checked once they are."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.media.helpers import make_library
from videomanager.core.cards import CardStore
from videomanager.core.identify import IdentifyRunner
from videomanager.core.mediainfo import MediaReader
from videomanager.core.review import review_queue
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import RateLimiter, TMDbClient

MOVIES = [
    # The original and its remake: the same title, the same year; the remake is the more popular.
    {"id": 9001, "title": "Crimson Harbor", "release_date": "1998-03-06", "popularity": 5.0, "runtime": 124},
    {"id": 9002, "title": "Crimson Harbor", "release_date": "1998-10-30", "popularity": 20.0, "runtime": 88},
    {"id": 9003, "title": "Long Voyage", "release_date": "2001-05-01", "popularity": 9.0, "runtime": 118},
    {"id": 9004, "title": "Plain Film", "release_date": "2005-02-02", "popularity": 3.0, "runtime": 95},
]
FILES = {
    "Crimson Harbor (1998)/Crimson.Harbor.1998.mkv": "runtime-124min.mkv",
    "Long Voyage (2001)/Long.Voyage.2001.mkv": "runtime-22min.mkv",  # 22 minutes, named as a two-hour film
}


@pytest.fixture
def tmdb() -> Iterator[FakeTMDb]:
    with FakeTMDb(movies=MOVIES, shows=[]) as fake:
        yield fake


def _client(fake: FakeTMDb) -> TMDbClient:
    return TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(200, burst=20))


def _cards(lib) -> dict[str, object]:
    return {c.title: c for c in CardStore(lib).cards()}


def test_the_runtime_picks_the_film_and_flags_the_file_that_is_not_it(tmp_path: Path, tmdb: FakeTMDb) -> None:
    lib = make_library(tmp_path / "films", FILES)
    assert MediaReader(lib).run().read == 2
    client = _client(tmdb)
    tmdb.reset_stats()
    IdentifyRunner(lib, client).run()
    client.close()
    cards = _cards(lib)
    crimson = cards["Crimson Harbor"]
    assert (crimson.state, crimson.tmdb_id, crimson.runtime) == (
        "matched",
        9001,
        124,
    )  # the original, not the remake
    assert "runtime 124 min agrees" in crimson.reasons and crimson.checks == ()
    voyage = cards["Long Voyage"]
    assert voyage.state == "ambiguous" and voyage.checks == ("runtime_mismatch",)
    assert "runtime 118 min (the file runs 22 min)" in voyage.reasons
    assert voyage.candidates[0].tmdb_id == 9003 and voyage.candidates[0].runtime == 118
    assert voyage.versions[0].checks == ("runtime_mismatch",) and voyage.reclaimable_bytes == 0
    queue = {item.id: item for item in review_queue(cards.values())}
    assert queue[voyage.id].reasons == ("ambiguous", "runtime_mismatch")
    assert queue[voyage.id].suggestion.tmdb_id == 9003 and crimson.id not in queue
    details = sum(n for path, n in tmdb.stats.by_path.items() if path.startswith("/3/movie/"))
    assert details <= 1.5 * len(FILES)  # runtimes fetched only for the close candidates
    lib.close()


def test_without_the_files_durations_the_same_names_stay_a_guess(tmp_path: Path, tmdb: FakeTMDb) -> None:
    lib = make_library(tmp_path / "films", FILES)
    client = _client(tmdb)
    IdentifyRunner(lib, client).run()
    client.close()
    cards = _cards(lib)
    assert cards["Crimson Harbor"].state == "ambiguous"  # title and year cannot tell the remake apart
    assert cards["Long Voyage"].state == "matched" and cards["Long Voyage"].checks == ()
    lib.close()


def test_a_match_made_before_the_files_were_read_is_checked_once_they_are(
    tmp_path: Path, tmdb: FakeTMDb
) -> None:
    lib = make_library(tmp_path / "films", {"Plain Film (2005)/Plain.Film.2005.mkv": "runtime-22min.mkv"})
    client = _client(tmdb)
    IdentifyRunner(lib, client).run()
    assert _cards(lib)["Plain Film"].state == "matched"
    MediaReader(lib).run()
    tmdb.reset_stats()
    IdentifyRunner(lib, client).run()  # nothing to look up: the matched film's runtime is fetched, once
    assert sum(tmdb.stats.by_path.values()) == 1
    card = _cards(lib)["Plain Film"]
    assert (card.state, card.runtime, card.checks) == ("matched", 95, ("runtime_mismatch",))
    tmdb.reset_stats()
    IdentifyRunner(lib, client).run()
    assert sum(tmdb.stats.by_path.values()) == 0
    client.close()
    listed = json.loads(CardStore(lib).json_text())
    assert (
        listed[0]["checks"] == ["runtime_mismatch"]
        and listed[0]["versions"][0]["media"]["duration_s"] == 1320.0
    )
    lib.close()
