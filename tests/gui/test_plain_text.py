"""Outside text is shown as text: titles, overviews, names, reasons, TMDb messages and file names that
look like markup are never interpreted by a label, a tooltip or a message, anywhere in the real window
(detail panel, grid tooltips, message bar, fix-match dialog); "Tom & Jerry" shows as "Tom & Jerry"."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget, QTreeWidget, QWidget

from tests.gui.conftest import store_cards, wait_cards
from videomanager.core.models import Candidate, Card, Episode, Extra, Version


def hostile(token: str, tmp: Path) -> str:
    """Text that would load a local image and show a live file: link if read as markup; ``token`` finds it."""
    return f'Tom & Jerry {token} <img src="{tmp}/evil.png"> <a href="file:///etc/passwd">{token}</a> &amp;'


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label (or a tooltip, always AutoText) with this text and format displays."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def displayed_texts(root: QWidget) -> list[tuple[str, str, str]]:
    """(where, raw text, displayed text) for every label, tooltip and item tooltip under ``root``."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, QLabel):
            out.append((name, widget.text(), shown(widget.text(), widget.textFormat())))
        if widget.toolTip():
            out.append((name + " tooltip", widget.toolTip(), shown(widget.toolTip())))
        items = []
        if isinstance(widget, QTableWidget):
            items = [widget.item(r, c) for r in range(widget.rowCount()) for c in range(widget.columnCount())]
        elif isinstance(widget, QListWidget):
            items = [widget.item(r) for r in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            while stack:
                item = stack.pop()
                stack.extend(item.child(i) for i in range(item.childCount()))
                for col in range(widget.columnCount()):
                    tip = item.toolTip(col)
                    out.append((name + " item", item.text(col), item.text(col)))
                    if tip:
                        out.append((name + " item tooltip", tip, shown(tip)))
        for item in items:
            if item is not None:
                out.append((name + " item", item.text(), item.text()))  # item views never read markup
                if item.toolTip():
                    out.append((name + " item tooltip", item.toolTip(), shown(item.toolTip())))
    return out


def assert_all_plain(texts: list[tuple[str, str, str]], strings: dict[str, str]) -> set[str]:
    """Wherever a hostile string's token appears, the whole string is displayed as is; returns the tokens
    seen (so that the test knows every string was looked at)."""
    seen = set()
    for where, raw, display in texts:
        display = display.replace("\u200b", "")  # where a file name may wrap (see detail_panel.breakable)
        for token, text in strings.items():
            if token in raw or token in display:
                seen.add(token)
                assert text in display, f"{where}: {raw!r} displays as {display!r}"
    return seen


def hostile_cards(tmp: Path) -> tuple[list[Card], dict[str, str]]:
    s = {t: hostile(t, tmp) for t in ("TITLE", "ORIGINAL", "REASONS", "CANDIDATE", "WHY", "EPISODE")}
    folder = tmp / "lib" / '<img src="evil.png"> & <b>FOLDER'
    folder.mkdir(parents=True)
    # No "/" in a file name: no closing tags, but opening ones are markup enough.
    names = {"FILE1": '<img src="evil.png">FILE1.mkv', "FILE2": "Tom &amp; <i>FILE2.720p.mkv",
             "EXTRA": '<a href="file:">EXTRA-trailer.mkv', "EPFILE": "<s>EPFILE.S01E01.mkv"}  # fmt: skip
    for name in names.values():
        (folder / name).write_bytes(b"")
    s.update(names)
    s["FOLDER"] = str(folder)
    movie = Card(
        id="movie:1", tmdb_id=1, kind="movie", title=s["TITLE"], year=2001, state="ambiguous", confidence=0.5,
        reasons=s["REASONS"], original_title=s["ORIGINAL"], folder=str(folder),
        versions=(Version(path=str(folder / names["FILE1"]), parts=(str(folder / names["FILE1"]),), size=1,
                          resolution="1080p", best=True, file_ids=(1,)),
                  Version(path=str(folder / names["FILE2"]), parts=(str(folder / names["FILE2"]),), size=1,
                          resolution="720p", file_ids=(2,))),
        extras=(Extra(path=str(folder / names["EXTRA"]), type="trailer", file_id=3),),
        candidates=(Candidate(tmdb_id=7, kind="movie", title=s["CANDIDATE"], year=2001, reasons=s["WHY"]),),
    )  # fmt: skip
    show = Card(
        id="tv:2", tmdb_id=2, kind="tv", title="Tom & Jerry", year=1940, state="matched", confidence=1.0,
        folder=str(folder),
        episodes=(Episode(path=str(folder / names["EPFILE"]), season=1, episode=1, size=1, title=s["EPISODE"],
                          file_id=4),),
    )  # fmt: skip
    return [movie, show], s


def hostile_details(tmp: Path) -> tuple[dict, dict[str, str]]:
    s = {t: hostile(t, tmp) for t in ("OVERVIEW", "GENRE", "DIRECTOR", "ACTOR")}
    details = {
        "overview": s["OVERVIEW"], "genres": [{"id": 1, "name": s["GENRE"]}], "runtime": 90,
        "credits": {"crew": [{"job": "Director", "name": s["DIRECTOR"]}], "cast": [{"name": s["ACTOR"]}]},
        "external_ids": {"imdb_id": "tt0000001"},
    }  # fmt: skip
    return details, s


def test_outside_text_is_never_read_as_markup(qtbot, tmp_path, window_factory) -> None:
    from PySide6.QtCore import QItemSelectionModel, QMimeData

    from tests.gui.test_main_window import drop
    from videomanager.gui.main_window import Hooks
    from videomanager.gui.match_dialog import MatchDialog
    from videomanager.gui.workers import WorkerError

    cards, strings = hostile_cards(tmp_path)
    details, more = hostile_details(tmp_path)
    strings.update(more)
    strings["TMDBSAYS"] = hostile("TMDBSAYS", tmp_path)
    strings["DROPPED"] = "<b>DROPPED</b> & <img src=x>"
    hooks = Hooks(merge=lambda *_a: None,
                  match_dialog=lambda card, client, parent: MatchDialog(card, client=client, parent=parent))  # fmt: skip
    store_cards(tmp_path / "data", cards)
    w = window_factory(hooks=hooks, data=tmp_path / "data")
    wait_cards(qtbot, w, 2)
    movie, show = cards
    seen: set[str] = set()

    # The movie in the detail panel, with hostile details from TMDb (through the details worker's signal).
    assert w.select_card(movie.id)
    w.details_job.worker.ready.emit(movie.id, details)
    assert "IMDb" in w.detail.links.text()
    seen |= assert_all_plain(displayed_texts(w), strings)
    grid = w.view.model()
    for row in range(grid.rowCount()):
        tip = grid.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        seen |= assert_all_plain([("grid tooltip", tip, shown(tip))], strings)
    # A details failure, an error from TMDb, a refused drop, a merge: in the panel and the message bar.
    w.details_job.worker.failed.emit(movie.id, strings["TMDBSAYS"])
    assert shown(w.detail.overview.text(), w.detail.overview.textFormat()) == strings["TMDBSAYS"]
    w._worker_failed(WorkerError("other", strings["TMDBSAYS"]))
    mime = QMimeData()
    mime.setText(strings["DROPPED"])
    drop(w, mime)
    w.view.selectionModel().select(w.view.model().index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    w.view.selectionModel().select(w.view.model().index(1, 0), QItemSelectionModel.SelectionFlag.Select)
    w.merge_selected()
    assert len(w.message_bar.keys()) >= 3
    seen |= assert_all_plain(displayed_texts(w), strings)

    # The fix-match dialog for the movie: its header, reasons, candidates, and a failed search.
    w.open_match_dialog(movie)
    dialog = w._match_dialog
    qtbot.addWidget(dialog)
    seen |= assert_all_plain(displayed_texts(dialog), strings)
    dialog._search_done(type("TMDbError", (Exception,), {"user_message": strings["TMDBSAYS"]})())
    assert shown(dialog.status_label.text(), dialog.status_label.textFormat()).endswith(strings["TMDBSAYS"])
    dialog.reject()

    # The show: its episode, and its title as is.
    assert w.select_card(show.id)
    seen |= assert_all_plain(displayed_texts(w), strings)
    assert shown(w.detail.title.text(), w.detail.title.textFormat()) == "Tom & Jerry"
    assert set(strings) - seen == set()  # every hostile string was found somewhere and checked
