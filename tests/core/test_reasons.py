"""Reasons as message ids: every phrase the core can say reads back as itself (id and arguments), so the
window can say it in its own language; text that is not the core's stays one piece."""

from __future__ import annotations

import pytest

from videomanager.core.reasons import NESTED, PHRASES, Phrase, compose, parse, phrase

SAMPLE_ARGS = ("0.97", "1999", "GB")


@pytest.mark.parametrize("pid", [p for p in PHRASES if p not in NESTED])
def test_every_phrase_reads_back(pid):
    args = SAMPLE_ARGS[: PHRASES[pid].count("{")]
    assert parse(phrase(pid, *args)) == [Phrase(pid, args)]


def test_reasons_of_a_lookup_read_back_phrase_by_phrase():
    best = compose(
        [phrase("title", "0.55"), phrase("released_somewhere", 1999, 2000), phrase("not_from", "GB")]
    )
    text = compose([best, phrase("second_best", "0.50")], phrase("too_close"))
    assert (
        text
        == "title 0.55, released 1999 somewhere (first 2000), not from GB, 2nd best 0.50: too close to choose"
    )
    assert [p.id for p in parse(text)] == [
        "title",
        "released_somewhere",
        "not_from",
        "second_best",
        "too_close",
    ]
    far = phrase("too_far", "0.30", best)
    (p,) = parse(far)
    assert p.id == "too_far" and p.args[0] == "0.30" and [q.id for q in p.inner] == ["title", "released_somewhere",
                                                                                   "not_from"]  # fmt: skip


def test_text_that_is_not_ours_stays_whole():
    assert parse("title 0.9, something else") == [Phrase("text", ("title 0.9, something else",))]
    assert parse("") == []


def test_the_matcher_speaks_in_phrases(tmp_path):
    """Every reason an identify run stores parses into known phrases (the demo library, the stand-in)."""
    from videomanager.core.cards import CardStore
    from videomanager.core.identify import IdentifyRunner
    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library
    from videomanager.testing.demo_library import demo_files
    from videomanager.testing.fake_tmdb import FakeTMDb
    from videomanager.tmdb import TMDbClient
    from videomanager.tmdb.ratelimit import RateLimiter

    demo_files(tmp_path / "Videos")
    lib = Library(tmp_path / "lib.sqlite3")
    with FakeTMDb() as fake:
        scan_into_library(lib, [str(tmp_path / "Videos")], workers=1)
        client = TMDbClient(api_key=fake.API_KEY, base_url=fake.base_url, limiter=RateLimiter(200, burst=20))
        IdentifyRunner(lib, client).run()
        client.close()
    texts = [c.reasons for c in CardStore(lib).cards()] + [
        k.reasons for c in CardStore(lib).cards() for k in c.candidates
    ]
    lib.close()
    assert len([t for t in texts if t]) > 10
    unknown = [t for t in texts if any(p.id == "text" for p in parse(t))]
    assert unknown == []
