"""Identifying films whose names are hard, against the local TMDb stand-in (real HTTP, real SQLite).

The joined title is searched before the title alone; a famous film wins over its obscure namesakes of the
long tail (``FakeTMDb(long_tail=True)``); a generic file joins the film identified beside it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

import pytest

from videomanager.core.grouping import cards_from_library
from videomanager.core.identify import Identifier, IdentifyRunner
from videomanager.core.indexer import scan_into_library
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library
from videomanager.core.matcher import Query
from videomanager.core.parser import parse
from videomanager.testing.catalog import default_catalog
from videomanager.testing.catalog_longtail import LONG_TAIL_ID_BASE
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import RateLimiter, TMDbClient


@pytest.fixture
def fake():
    with FakeTMDb() as f:
        yield f


def _client(fake: FakeTMDb) -> TMDbClient:
    return TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(rate_per_second=500))


def _searches(fake: FakeTMDb) -> list[tuple[str, str | None]]:
    out = []
    for _, path, query in fake.stats.log:
        if path.endswith("/search/movie"):
            q = parse_qs(query)
            out.append((q["query"][0], (q.get("year") or [None])[0]))
    return out


def test_the_full_title_is_searched_first(fake: FakeTMDb) -> None:
    parsed = parse("Kung Fu Panda - Secrets of the Furious Five (2008).mkv")
    query = Query(parsed.title, parsed.year, full_title=parsed.full_title)
    with _client(fake) as client:
        result = Identifier(client).identify(lookup_key(parsed, "version"), query)
    assert (result.state, result.tmdb_id) == ("matched", 15854)
    assert _searches(fake) == [("Kung Fu Panda - Secrets of the Furious Five", "2008")]


def test_the_title_alone_when_the_full_title_finds_nothing(fake: FakeTMDb) -> None:
    query = Query("Heat", 1995, full_title="Heat - Los Angeles Crime Saga")
    with _client(fake) as client:
        result = Identifier(client).identify("movie|heat los angeles crime saga|1995", query)
    assert (result.state, result.tmdb_id) == ("matched", 949)
    assert _searches(fake) == [("Heat - Los Angeles Crime Saga", "1995"), ("Heat", "1995")]


def test_parts_of_a_saga_get_their_own_lookup_keys() -> None:
    one, two = parse("Harry Potter - Part 1.mkv"), parse("Harry Potter - Part 2.mkv")
    assert lookup_key(one, "version") != lookup_key(two, "version")
    assert lookup_key(parse("Heat (1995).mkv"), "version") == "movie|heat|1995"


def _same_year_namesake() -> tuple[dict, list[dict]]:
    """A catalog film with an obscure namesake of its own year in the long tail (the first by id)."""
    cat = default_catalog(long_tail=True)
    for m in sorted(cat.movies.values(), key=lambda m: m["id"]):
        if m["id"] >= LONG_TAIL_ID_BASE or ":" in m["title"]:
            continue
        twins = [
            n for n in cat.movies.values()
            if n["id"] >= LONG_TAIL_ID_BASE and n["title"] == m["title"] and n["release_date"][:4] == m["release_date"][:4]
        ]  # fmt: skip
        if twins and m["popularity"] > 10:
            return m, twins
    raise AssertionError("the long tail has no same-year namesake")


def test_the_long_tail_holds_obscure_same_year_namesakes() -> None:
    film, twins = _same_year_namesake()
    assert all(t["popularity"] < 1.5 and t["vote_count"] < 20 for t in twins)
    plain, tail = default_catalog(), default_catalog(long_tail=True)
    assert len(tail.movies) > 1.5 * len(plain.movies)
    assert default_catalog(long_tail=True).movies.keys() == tail.movies.keys()  # the same every time


def test_a_famous_film_wins_over_its_namesakes(tmp_path: Path) -> None:
    film, _ = _same_year_namesake()
    name = f"{film['title'].replace(':', ' -')} ({film['release_date'][:4]}).mkv"
    (tmp_path / "films").mkdir()
    (tmp_path / "films" / name).write_bytes(b"x" * 100)
    lib = Library(tmp_path / "library.sqlite3")
    try:
        with FakeTMDb(long_tail=True) as fake, _client(fake) as client:
            scan_into_library(lib, [str(tmp_path / "films")], workers=1)
            summary = IdentifyRunner(lib, client).run()
        (card,) = cards_from_library(lib)
        assert summary.matched == 1 and card.tmdb_id == film["id"]
        assert "namesake" in card.reasons and "votes vs" in card.reasons
    finally:
        lib.close()


def test_a_generic_file_joins_the_film_identified_beside_it(tmp_path: Path, fake: FakeTMDb) -> None:
    root = tmp_path / "films"
    for rel in ("Kids stuff/Rango.2011.1080p.BluRay.x264-GRP.mkv", "Kids stuff/movie.mkv",
                "Two films/Heat.1995.1080p.mkv", "Two films/Up.2009.1080p.mkv", "Two films/video.mp4"):  # fmt: skip
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(rel.encode() * 20)
    lib = Library(tmp_path / "library.sqlite3")
    try:
        scan_into_library(lib, [str(root)], workers=1)
        with _client(fake) as client:
            IdentifyRunner(lib, client).run()
        cards = {c.tmdb_id: c for c in cards_from_library(lib)}
        rango = cards[44896]
        assert sorted(Path(v.path).name for v in rango.versions) == [
            "Rango.2011.1080p.BluRay.x264-GRP.mkv",
            "movie.mkv",
        ]
        # Beside two films a generic file belongs to neither.
        assert [Path(v.path).name for v in cards[949].versions] == ["Heat.1995.1080p.mkv"]
        assert [Path(v.path).name for v in cards[14160].versions] == ["Up.2009.1080p.mkv"]
    finally:
        lib.close()
