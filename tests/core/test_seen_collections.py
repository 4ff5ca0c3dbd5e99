"""Seen marks (user decisions keyed by fingerprint: they survive rescans and renames and reach the cards
through the card store) and TMDb collections (a film's collection from its details, a collection's parts
from the local TMDb stand-in over real HTTP)."""

from __future__ import annotations

import os

import pytest

from tests.core.helpers import make_tree
from videomanager.core.cards import CardStore
from videomanager.core.collections import fetch_collection, note_details, stored_collections
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.seen import set_seen
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import TMDbClient
from videomanager.tmdb.cache import ResponseCache
from videomanager.tmdb.ratelimit import RateLimiter


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


def _card(store: CardStore, title: str):
    return next(c for c in store.cards() if c.title == title)


def test_seen_marks_survive_rescans_and_renames(tmp_path, library):
    root = tmp_path / "videos"
    make_tree(root, {"Heat (1995)/Heat (1995).mkv": 5000, "Lost/Season 1/Lost.S01E01.mkv": 5000,
                     "Lost/Season 1/Lost.S01E02.mkv": 5000})  # fmt: skip
    scan_into_library(library, [str(root)], workers=1)
    store = CardStore(library)
    heat, lost = _card(store, "Heat"), _card(store, "Lost")
    assert not heat.seen and not lost.seen
    set_seen(library, heat.versions[0].file_ids)
    set_seen(library, [lost.episodes[0].file_id])
    heat, lost = _card(store, "Heat"), _card(store, "Lost")  # the card store regroups only these
    assert heat.seen and heat.versions[0].seen
    assert [e.seen for e in lost.episodes] == [True, False] and not lost.seen  # a show: every episode
    os.rename(root / "Heat (1995)", root / "Heat 1995 (renamed)")
    os.rename(root / "Lost/Season 1/Lost.S01E01.mkv", root / "Lost/Season 1/Lost - S01E01 - Pilot.mkv")
    scan_into_library(library, [str(root)], workers=1)
    scan_into_library(library, [str(root)], workers=1)
    heat, lost = _card(store, "Heat"), _card(store, "Lost")
    assert heat.seen and [e.seen for e in lost.episodes] == [True, False]
    set_seen(library, [lost.episodes[1].file_id])
    assert _card(store, "Lost").seen
    set_seen(library, heat.versions[0].file_ids, False)
    assert not _card(store, "Heat").seen
    assert CardStore(library).rebuild() is not None and not _card(store, "Heat").seen


@pytest.fixture
def tmdb(tmp_path):
    with FakeTMDb() as fake:
        client = TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(200, burst=20),
                            cache=ResponseCache(tmp_path / "tmdb-cache"))  # fmt: skip
        yield fake, client
        client.close()


def test_a_films_collection_comes_from_its_details_and_its_parts_from_one_request(tmp_path, library, tmdb):
    fake, client = tmdb
    root = tmp_path / "videos"
    make_tree(
        root, ["Alien (1979)/Alien (1979) {tmdb-348}.mkv", "Aliens (1986)/Aliens (1986) {tmdb-679}.mkv"]
    )
    scan_into_library(library, [str(root)], workers=1)
    from videomanager.core.identify import IdentifyRunner

    IdentifyRunner(library, client).run()
    store = CardStore(library)
    alien = _card(store, "Alien")
    assert alien.collection_id is None  # not known before its details were read
    details = client.get_movie(348, append_to_response="credits")
    assert note_details(library, "movie", 348, details)
    assert not note_details(library, "movie", 348, details)  # unchanged: nothing written
    alien = _card(store, "Alien")
    assert (alien.collection_id, alien.collection_name) == (8091, "Alien Collection")
    fake.reset_stats()
    collection = fetch_collection(library, client, 8091)
    fetch_collection(library, client, 8091)  # the client's cache answers the second time
    assert fake.stats.by_path["/3/collection/8091"] == 1
    assert [p.title for p in collection.parts] == ["Alien", "Aliens", "Alien³", "Alien Resurrection",
                                                    "Alien: Romulus"]  # fmt: skip
    owned = {c.tmdb_id for c in store.cards() if c.kind == "movie"}
    assert [p.year for p in collection.missing(owned)] == [1992, 1997, 2024]
    assert all(p.poster_path for p in collection.parts)
    assert stored_collections(library)[8091] == collection
    assert _card(store, "Aliens").collection_id == 8091  # learnt from the collection, not from its details
