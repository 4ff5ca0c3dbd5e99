"""The metadata language follows the settings: after the user switches it, the next identify run fetches
again, in the new language, the titles fetched in the old one (one request each), and the cards show the
new titles. Real pipeline against the local stand-in (real HTTP)."""

from __future__ import annotations

from pathlib import Path

from videomanager.core.grouping import cards_from_library
from videomanager.core.identify import LANGUAGE_FIELD, IdentifyRunner
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import RateLimiter, TMDbClient


def client(fake: FakeTMDb, language: str) -> TMDbClient:
    return TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, language=language,
                      limiter=RateLimiter(rate_per_second=200, burst=20))  # fmt: skip


def test_switching_the_language_refetches_titles_once(tmp_path: Path) -> None:
    root = tmp_path / "films"
    for name in ("Ghostbusters (1984)/Ghostbusters.1984.1080p.mkv", "Psycho.1960.720p.mkv",
                 "The.Thing.1982.mkv"):  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(name.encode() * 50)
    fake = FakeTMDb(latency=0.0)
    fake.start()
    lib = Library(tmp_path / "library.sqlite3")
    try:
        scan_into_library(lib, [str(root)], workers=1)
        english = client(fake, "en-US")
        first = IdentifyRunner(lib, english).run()
        assert first.matched == 3 and first.titles_refreshed == 0
        assert {c.title for c in cards_from_library(lib)} == {"Ghostbusters", "Psycho", "The Thing"}
        assert {d[LANGUAGE_FIELD] for d in lib.titles().values()} == {"en-US"}

        french = client(fake, "fr-FR")
        switched = IdentifyRunner(lib, french).run()
        assert switched.titles_refreshed == 3
        assert switched.requests == 3  # one per title, no new searches
        assert {c.title for c in cards_from_library(lib)} == {"SOS Fantômes", "Psychose", "The Thing"}
        assert {d[LANGUAGE_FIELD] for d in lib.titles().values()} == {"fr-FR"}
        psycho = next(c for c in cards_from_library(lib) if c.tmdb_id == 539)
        assert psycho.original_title == "Psycho" and psycho.year == 1960  # the rest of the card is kept

        again = IdentifyRunner(lib, french).run()
        assert again.titles_refreshed == 0 and again.requests == 0
        english.close()
        french.close()
    finally:
        lib.close()
        fake.stop()
