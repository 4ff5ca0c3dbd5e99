"""Migrating a library whose TMDb rows were stored before answers were validated: titles with a list for
a title or a number for a date, candidates whose id is not a positive integer, ids SQLite cannot hold.
Each row is repaired, or its title is set back to pending for the next identify run; `list --json` then
keeps the contract's types, and identify fetches what was set back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.reliability.contract import contract_problems
from tests.reliability.helpers import make_films
from videomanager.core.cards import CardStore
from videomanager.core.identify import IdentifyRunner
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.migrations import MIGRATIONS, SCHEMA_VERSION, _repair_tmdb_data
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import RateLimiter, TMDbClient

POISONED_CANDIDATES = (
    '[{"tmdb_id": 1000000000000000000000000000000, "kind": "movie", "title": "huge id", "year": 1999},'
    ' {"tmdb_id": null, "kind": "movie", "title": "null id"},'
    ' {"tmdb_id": "abc", "kind": "movie", "title": "text id"},'
    ' {"tmdb_id": 77, "kind": "movie", "title": ["a", "list"]},'
    ' {"tmdb_id": 78, "kind": "movie", "title": "Kept", "year": "1999", "popularity": NaN, "score": 0.5}]'
)


def _identified(tmp_path: Path, fake: FakeTMDb) -> tuple[Path, list[tuple[str, str, int]]]:
    films = tmp_path / "films"
    make_films(films, 6, unique_titles=True)
    db = tmp_path / "library.sqlite3"
    lib = Library(db)
    scan_into_library(lib, [str(films)], workers=1)
    client = TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(200, burst=20))
    assert IdentifyRunner(lib, client).run().matched == 6
    client.close()
    matched = sorted((r.key, r.kind, r.tmdb_id) for r in lib.lookups(["matched"]))
    lib.close()
    return db, matched


def test_poisoned_tmdb_rows_are_repaired_or_set_back_to_pending(tmp_path: Path) -> None:
    fake = FakeTMDb().start()
    try:
        db, matched = _identified(tmp_path, fake)
        (k1, kind1, id1), (k2, kind2, id2), (k3, kind3, id3), (k4, _, _), (k5, _, _) = matched[:5]
        conn = sqlite3.connect(db)
        with conn:
            poison = {
                "id": id1,
                "title": "Repaired",
                "release_date": 1999,
                "poster_path": 5,
                "popularity": "x",
            }
            conn.execute(
                "UPDATE titles SET data=? WHERE kind=? AND tmdb_id=?", (json.dumps(poison), kind1, id1)
            )
            conn.execute("UPDATE titles SET data=? WHERE kind=? AND tmdb_id=?",
                         (json.dumps({"id": id2, "title": ["a", "list"], "release_date": 1999}), kind2, id2))  # fmt: skip
            conn.execute("UPDATE titles SET data='not json' WHERE kind=? AND tmdb_id=?", (kind3, id3))
            conn.execute(
                "UPDATE lookups SET candidates=?, confidence='high' WHERE key=?", (POISONED_CANDIDATES, k4)
            )
            conn.execute("UPDATE lookups SET tmdb_id='abc' WHERE key=?", (k5,))
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_repair_tmdb_data)}")  # before the repair
        conn.close()

        lib = Library(db)  # migrates
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        states = {r.key: r for r in lib.lookups()}
        assert states[k1].state == "matched"
        assert lib.title(kind1, id1) == {"id": id1, "title": "Repaired"}  # the bad fields dropped
        assert states[k2].state == "pending" and lib.title(kind2, id2) is None  # nothing usable: fetch again
        assert states[k3].state == "pending" and lib.title(kind3, id3) is None
        assert [c["tmdb_id"] for c in states[k4].candidates] == [78]
        assert states[k4].candidates[0]["year"] is None and states[k4].confidence is None
        assert states[k5].state == "pending" and states[k5].tmdb_id is None
        cards = json.loads(CardStore(lib).json_text())
        assert contract_problems(cards) == []
        assert "Repaired" in {c["title"] for c in cards}

        client = TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(200, burst=20))
        again = IdentifyRunner(lib, client).run()  # what was set back is identified again
        client.close()
        assert again.matched == 3 and again.pending == 0
        assert contract_problems(json.loads(CardStore(lib).json_text())) == []
        lib.close()
    finally:
        fake.stop()


def test_a_new_library_migrates_to_the_current_version(tmp_path: Path) -> None:
    lib = Library(tmp_path / "new.sqlite3")
    assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert json.loads(CardStore(lib).json_text()) == []
    lib.close()
