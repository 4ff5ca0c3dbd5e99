"""Merging cards from the grid keeps the TMDb identification: a matched card merged with unmatched ones
keeps its id, poster and details whichever card was clicked last; cards matched to different titles ask
which one to keep (Cancel merges nothing)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from tests.gui.conftest import make_tree, wait_cards
from tests.gui.test_identify_gui import client_for


def identified_window(qtbot, tmp_path, window_factory, fake_tmdb, names: list[str], ids: list[str]):
    """A window that has scanned and identified ``names``, showing the cards ``ids`` (and the others)."""
    from videomanager.gui.app import merge
    from videomanager.gui.main_window import Hooks

    root = tmp_path / "videos"
    make_tree(root, names, distinct=True)  # own contents: decisions are keyed on each file's fingerprint
    data = tmp_path / "data"
    data.mkdir()
    settings, client = client_for(fake_tmdb, data)
    w = window_factory(settings=settings, client=client, data=data, hooks=Hooks(merge=merge))
    with qtbot.waitSignal(w.identify_finished, timeout=30_000):
        w.add_folders([str(root)])
    qtbot.waitUntil(lambda: all(w.model.card(i) is not None for i in ids), timeout=10_000)
    wait_cards(qtbot, w, len(names))
    return w


def select(w, first, *others) -> None:
    """Click ``others`` then ``first`` with Ctrl: ``first`` is the current card, the last one clicked."""
    for card in others:
        w.select_card(card.id)
    w.select_card(first.id)
    flags = QItemSelectionModel.SelectionFlag.Select
    for card in others:
        w.view.selectionModel().select(
            w.view.model().mapFromSource(w.model.index(w.model.row_of(card.id), 0)), flags
        )
    assert [c.id for c in w.selected_cards()] == [first.id, *(c.id for c in others)]


def test_merging_into_an_unmatched_card_keeps_the_match(qtbot, tmp_path, window_factory, fake_tmdb) -> None:
    w = identified_window(qtbot, tmp_path, window_factory, fake_tmdb,
                          ["The.Matrix.1999.1080p.mkv", "Zzqx Home Video Nobody Knows 2019.mkv"], ["movie:603"])  # fmt: skip
    matrix = w.model.card("movie:603")
    other = next(c for c in w.model.cards() if c.id != matrix.id)
    assert matrix.poster_path and other.tmdb_id is None
    select(w, other, matrix)  # the unmatched card clicked last
    w.merge_action.trigger()
    wait_cards(qtbot, w, 1, timeout=15_000)
    (merged,) = w.model.cards()
    assert (merged.id, merged.tmdb_id, merged.title) == ("movie:603", 603, "The Matrix")
    assert merged.poster_path == matrix.poster_path and len(merged.versions) == 2
    assert "“The Matrix”" in w.message_bar.message("merge").text
    assert w.select_card(merged.id)  # the details of the match, not of a local card
    qtbot.waitUntil(lambda: "imdb.com/title/tt0133093" in w.detail.links.text(), timeout=10_000)


def test_merging_two_titles_asks_which_to_keep(qtbot, tmp_path, window_factory, fake_tmdb) -> None:
    from videomanager.gui.merge_dialog import MergeDialog

    w = identified_window(qtbot, tmp_path, window_factory, fake_tmdb,
                          ["The.Matrix.1999.1080p.mkv", "Heat.1995.720p.mkv", "Zzqx Home Video Nobody Knows 2019.mkv"],
                          ["movie:603", "movie:949"])  # fmt: skip
    matrix, heat = w.model.card("movie:603"), w.model.card("movie:949")
    other = next(c for c in w.model.cards() if c.tmdb_id is None)
    select(w, matrix, heat, other)
    w.merge_action.trigger()
    dialog = w._merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    assert [c.id for c in dialog.candidates()] == ["movie:603", "movie:949"]  # the current card first
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    qtbot.wait(300)
    assert not w._tasks and w.model.rowCount() == 3 and "merge" not in w.message_bar.keys()  # nothing merged

    w.merge_action.trigger()
    dialog = w._merge_dialog
    dialog.choose(1)  # Heat, which was not the card clicked last
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_cards(qtbot, w, 1, timeout=15_000)
    (merged,) = w.model.cards()
    assert (merged.id, merged.title, len(merged.versions)) == ("movie:949", "Heat", 3)
    assert merged.poster_path == heat.poster_path
    assert "“Heat”" in w.message_bar.message("merge").text


def test_merge_without_a_choice_between_two_titles_is_refused(tmp_path) -> None:
    """The core function, for callers without a dialog: two different titles and no ``keep`` change nothing."""
    import pytest

    from videomanager.core.decisions import DecisionError, merge
    from videomanager.core.library import Library
    from videomanager.core.models import Card, Version

    library = Library(tmp_path / "library.sqlite3")
    try:
        a = Card(id="movie:1", tmdb_id=1, kind="movie", title="A", year=None, state="matched",
                 versions=(Version(path="/x/a.mkv", parts=("/x/a.mkv",), size=1, file_ids=(1,)),))  # fmt: skip
        b = Card(id="movie:2", tmdb_id=2, kind="movie", title="B", year=None, state="matched",
                 versions=(Version(path="/x/b.mkv", parts=("/x/b.mkv",), size=1, file_ids=(2,)),))  # fmt: skip
        with pytest.raises(DecisionError, match="choose"):
            merge(library, a, [b])
        with pytest.raises(DecisionError):
            merge(library, a, [b], keep=("movie", 3))
        assert library.decisions() == {}
    finally:
        library.close()
