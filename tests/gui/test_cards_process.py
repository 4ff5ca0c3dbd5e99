"""The helper process's side of card rebuilds: all cards the first time, then only the changes, and all of
them again whenever the caller's token does not name the set it holds (a new helper, another window)."""

from __future__ import annotations

from tests.gui.conftest import SAMPLE, make_tree
from videomanager.core.grouping import cards_from_library
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.gui.cards_process import build_cards, card_changes, release, unchunk


def test_rebuilds_send_everything_once_then_only_changes(tmp_path) -> None:
    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    db = str(lib.path)

    first = build_cards(db, None)
    assert first.full is not None and first.generation == lib.generation()
    shown = {c.id: c for c in unchunk(first.full)}
    assert shown == {c.id: c for c in cards_from_library(lib)}

    same = build_cards(db, first.token)  # nothing changed: an empty answer, same token
    assert same.full is None and same.token == first.token
    assert (unchunk(same.inserted), unchunk(same.changed), same.removed) == ([], [], [])

    # Identify one film, delete another: the answer is exactly that.
    heat = next(r for r in lib.lookups() if "heat" in r.key)
    lib.save_lookup(heat.key, state="matched", tmdb_id=949, kind="movie", confidence=0.95)
    lib.save_title("movie", 949, {"title": "Heat", "release_date": "1995-12-15"})
    lib.delete_files([lib.file_by_path(str(root / "Inception.2010.mkv")).id])
    delta = build_cards(db, first.token)
    assert delta.full is None and delta.generation == lib.generation()
    inserted, changed = unchunk(delta.inserted), unchunk(delta.changed)
    assert [c.id for c in inserted] == ["movie:949"] and changed == []
    old_heat = next(c for c in shown.values() if c.title == "Heat")
    old_inception = next(c for c in shown.values() if c.title == "Inception")
    assert sorted(delta.removed) == sorted([old_heat.id, old_inception.id])  # Heat's fallback card became movie:949
    for cid in delta.removed:
        del shown[cid]
    shown.update({c.id: c for c in inserted + changed})
    assert shown == {c.id: c for c in cards_from_library(lib)}  # applying the changes gives the rebuilt cards

    stale = build_cards(db, "a token this helper never gave")
    assert stale.full is not None and stale.token != first.token
    assert {c.id for c in unchunk(stale.full)} == set(shown)
    lib.close()


def test_unchanged_cards_keep_the_objects_already_shown() -> None:
    from videomanager.core.models import Card

    a = Card(id="a", tmdb_id=None, kind=None, title="A", year=None, state="pending")
    b = Card(id="b", tmdb_id=None, kind=None, title="B", year=None, state="pending")
    a2 = Card(id="a", tmdb_id=None, kind=None, title="A", year=None, state="pending")  # equal, not the same
    b2 = Card(id="b", tmdb_id=None, kind=None, title="B!", year=None, state="pending")
    inserted, changed, removed, snapshot = card_changes({"a": a, "b": b}, [a2, b2])
    assert inserted == [] and changed == [b2] and removed == []
    assert snapshot["a"] is a and snapshot["b"] is b2
    cards = [a2] * 1234
    release(cards)
    assert cards == []
