"""TMDb season details through the real pipeline: scan, identify against the local stand-in (real HTTP), the
card store. Daily, absolute and multi-episode files come out in TMDb's numbering with TMDb's episode names
and air dates; each season is asked for once; a change to a season's data reaches the cards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.helpers import make_tree
from videomanager.core.cards import CardStore
from videomanager.core.grouping import cards_from_library
from videomanager.core.identify import IdentifyRunner
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.testing.catalog import default_catalog
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.testing.fake_tmdb_serial import episode_air_date
from videomanager.tmdb import RateLimiter, TMDbClient

pytestmark = pytest.mark.slow

FILES = [
    "TV/The Daily Show/Season 2011/The Daily Show - 2011-04-12 - Guest Name.mkv",
    "Downloads/The.Daily.Show.2011.04.13.720p.HDTV.x264-GRP.mkv",
    "Anime/One Piece/[HorribleSubs] One Piece - 143 [1080p].mkv",
    "TV/Band of Brothers/Band of Brothers - S01E01-E02.mkv",
    "TV/Breaking Bad/Season 1/Breaking.Bad.S01E01.720p.mkv",
    "TV/Breaking Bad/Breaking Bad - S01E02.mkv",
]


def daily_show_episode(date: str) -> tuple[int, int]:
    seasons = default_catalog().shows[2224]["seasons"]
    return next((s["season_number"], n) for s in seasons if s["season_number"] > 0
                for n in range(1, s["episode_count"] + 1) if episode_air_date(s, n) == date)  # fmt: skip


@pytest.fixture
def world(tmp_path: Path):
    make_tree(tmp_path / "lib", FILES)
    fake = FakeTMDb()
    fake.start()
    lib = Library(tmp_path / "library.sqlite3")
    client = TMDbClient(
        api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(rate_per_second=500)
    )
    scan_into_library(lib, [str(tmp_path / "lib")], workers=1)
    try:
        yield lib, client, fake
    finally:
        client.close()
        lib.close()
        fake.stop()


def episodes(lib: Library) -> dict[str, dict]:
    cards = json.loads(CardStore(lib).json_text())
    return {Path(e["path"]).name: {**e, "card": c["id"]} for c in cards for e in c["episodes"]}


def test_daily_absolute_and_multi_episode_files_in_tmdb_numbering(world) -> None:
    lib, client, fake = world
    summary = IdentifyRunner(lib, client).run()
    assert summary.seasons_fetched >= 4
    got = episodes(lib)
    daily = got["The Daily Show - 2011-04-12 - Guest Name.mkv"]
    assert (daily["season"], daily["episode"]) == daily_show_episode("2011-04-12")
    assert daily["air_date"] == "2011-04-12" and daily["card"] == "tv:2224"
    scene = got["The.Daily.Show.2011.04.13.720p.HDTV.x264-GRP.mkv"]
    assert (scene["season"], scene["episode"]) == daily_show_episode("2011-04-13")
    assert scene["card"] == "tv:2224"  # one card for the show, whatever the layout
    anime = got["[HorribleSubs] One Piece - 143 [1080p].mkv"]
    assert (anime["season"], anime["episode"], anime["absolute"]) == (5, 13, 143)  # 61 + 16 + 14 + 39 + 13
    multi = got["Band of Brothers - S01E01-E02.mkv"]
    assert (multi["season"], multi["episode"], multi["episode_end"]) == (1, 1, 2)
    assert multi["episode_title"] == "Currahee / Day of Days"
    pilot = got["Breaking.Bad.S01E01.720p.mkv"]
    assert (pilot["episode_title"], pilot["air_date"], pilot["absolute"], pilot["episode_end"]) == (
        "Pilot", "2008-01-20", None, None)  # fmt: skip
    assert got["Breaking Bad - S01E02.mkv"]["card"] == pilot["card"] == "tv:1396"

    seasons = {p: n for p, n in fake.stats.by_path.items() if "/season/" in p}
    assert seasons and set(seasons.values()) == {1}  # each season asked for once
    keys = len(lib.lookups())
    stored = lib.conn.execute("SELECT count(*) FROM seasons WHERE episodes IS NOT NULL").fetchone()[0]
    assert summary.requests <= 1.5 * (keys + stored)

    again = IdentifyRunner(lib, client).run()
    assert again.requests == 0 and again.seasons_fetched == 0


def test_a_change_to_a_season_reaches_the_cards_it_touches(world) -> None:
    lib, client, _ = world
    IdentifyRunner(lib, client).run()
    store = CardStore(lib)
    store.update()
    lib.save_season_episodes(1396, 1, [(1, "Renamed", "2008-01-20"), (2, "Second", "2008-01-27")],
                             air_date="2008-01-20", language="en-US")  # fmt: skip
    changes = store.update()
    assert [c.id for c in changes.changed] == ["tv:1396"]
    assert {e.title for e in changes.changed[0].episodes} == {"Renamed", "Second"}
    assert sorted(store.stored(), key=lambda c: c.id) == sorted(cards_from_library(lib), key=lambda c: c.id)
    # A summary that repeats what is stored touches nothing.
    lib.save_season_summary(1396, [(1, 2, "2008-01-20")])
    assert not store.update()


def test_a_weak_scene_name_joins_the_show_the_library_holds(tmp_path: Path) -> None:
    colbert = "Downloads/Stephen.Colbert.2019.10.01.Guest.720p.WEB.x264-TBS.mkv"
    make_tree(tmp_path / "lib", [colbert])
    fake = FakeTMDb()
    fake.start()
    lib = Library(tmp_path / "library.sqlite3")
    client = TMDbClient(
        api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(rate_per_second=500)
    )
    try:
        scan_into_library(lib, [str(tmp_path / "lib")], workers=1)
        alone = IdentifyRunner(lib, client).run()
        assert (alone.ambiguous, alone.matched) == (1, 0)  # "Stephen Colbert" alone is too weak a title
        make_tree(tmp_path / "lib", ["TV/The Late Show with Stephen Colbert/Season 5/The Late Show with "
                                     "Stephen Colbert - 2019-10-02.mkv"])  # fmt: skip
        scan_into_library(lib, [str(tmp_path / "lib")], workers=1)
        IdentifyRunner(lib, client).run()
        got = episodes(lib)
        assert {e["card"] for e in got.values()} == {"tv:63770"}
        assert got[Path(colbert).name]["air_date"] == "2019-10-01"
        assert "other files in the library" in lib.lookups_for([lib.file_by_path(str(tmp_path / "lib" / colbert))
                                                                .lookup_key]).popitem()[1].reasons  # fmt: skip
    finally:
        client.close()
        lib.close()
        fake.stop()
