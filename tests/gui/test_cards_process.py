"""The helper process's side of card rebuilds: all cards the first time, then only the changes, and all of
them again whenever the caller's token does not name the set it holds (a new helper, another window)."""

from __future__ import annotations

from tests.gui.conftest import SAMPLE, make_tree
from videomanager.core.grouping import cards_from_library
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.gui.cards_process import (
    Baseline,
    build_cards,
    card_changes,
    chunk_cards,
    load_snapshot,
    release,
    save_snapshot,
    text_digest,
    unchunk,
)


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
    assert sorted(delta.removed) == sorted(
        [old_heat.id, old_inception.id]
    )  # Heat's fallback card became movie:949
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


def test_the_first_rebuild_starts_from_the_cards_the_window_loaded(tmp_path) -> None:
    """The helper loads the window's baseline (its snapshot file, or the library's stored cards) and answers
    the first rebuild with changes only; a baseline it cannot reproduce exactly gets every card."""
    from videomanager.core.grouping import CARDS_FORMAT, cards_json

    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    db = str(lib.path)
    gen = lib.generation()
    text = cards_json(lib)
    snap_path = tmp_path / "cards.snapshot"
    save_snapshot(snap_path, db, chunk_cards(cards_from_library(lib)), gen, CARDS_FORMAT)
    snap = load_snapshot(snap_path, db)
    assert snap is not None and snap.digest

    lib.delete_files([lib.file_by_path(str(root / "Inception.2010.mkv")).id])
    for baseline in (
        Baseline("snapshot", str(snap_path), snap.digest),
        Baseline("stored", str(gen), text_digest(text)),
    ):
        built = build_cards(db, None, baseline)
        assert built.full is None, baseline.kind
        assert unchunk(built.inserted) == [] and unchunk(built.changed) == [] and len(built.removed) == 1
        again = build_cards(db, built.token)  # and the token works from then on
        assert again.full is None and again.removed == []

    # A baseline that is not what the window loaded (the file was rewritten since): every card.
    assert build_cards(db, None, Baseline("snapshot", str(snap_path), "0" * 40)).full is not None
    assert build_cards(db, None, Baseline("stored", str(gen), "0" * 40)).full is not None
    assert build_cards(db, None, Baseline("stored", str(gen + 99), text_digest(text))).full is not None
    lib.close()


def test_the_helper_keeps_the_snapshot_file(tmp_path) -> None:
    from videomanager.core.grouping import CARDS_FORMAT
    from videomanager.gui import cards_process

    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    lib = Library(tmp_path / "lib.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    db, snap = str(lib.path), tmp_path / "cards.snapshot"
    first = build_cards(db, None, snapshot=str(snap))  # nothing written yet: written now
    loaded = load_snapshot(snap, db)
    assert loaded is not None and (loaded.generation, loaded.cards_format) == (lib.generation(), CARDS_FORMAT)
    assert {c.id for c in loaded.cards} == {c.id for c in unchunk(first.full)}
    lib.delete_files([lib.file_by_path(str(root / "Inception.2010.mkv")).id])
    build_cards(
        db, first.token, snapshot=str(snap)
    )  # within SNAPSHOT_EVERY_S of the last write: not rewritten
    assert load_snapshot(snap, db).generation < lib.generation()
    assert cards_process.flush_snapshot(db, str(snap))  # the window closes: written
    loaded = load_snapshot(snap, db)
    assert (
        loaded.generation == lib.generation()
        and len(loaded.cards) == len(first.full and unchunk(first.full)) - 1
    )
    assert cards_process.flush_snapshot(db, str(snap))  # nothing new: nothing to do, still current
    lib.close()
