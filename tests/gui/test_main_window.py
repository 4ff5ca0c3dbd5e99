"""The main window end to end on tmp libraries: scanning shows cards, drag and drop, the message bar,
cancel on close, the detail panel, the no-key state and the persisted layout."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from tests.gui.conftest import SAMPLE, accepting_settings_dialog, make_tree, scanned_sample, wait_cards
from videomanager.core.grouping import cards_from_library
from videomanager.core.settings import Settings
from videomanager.gui.versions_view import COL


def drop(window, mime: QMimeData) -> None:
    """What the platform sends for a drop: a drag enter (which the window must accept), then the drop."""
    from PySide6.QtWidgets import QApplication

    pos = QPointF(200, 200)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, event)


def test_scan_shows_cards_and_detail_panel(qtbot, tmp_path, window_factory) -> None:
    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    w = window_factory()
    with qtbot.waitSignal(w.scan_finished, timeout=15_000) as blocker:
        w.add_folders([str(root)])
    assert blocker.args[0]["seen"] == len(SAMPLE)
    wait_cards(qtbot, w, 5)  # Matrix (2 versions), Heat, Breaking Bad (2 episodes), Alien, Inception
    assert w.library.roots() == [str(root)]  # the library holds its folders, settings.json does not
    assert "library_folders" not in w.settings.to_json_dict()
    assert "7 files scanned" in w.status.scan.text().replace(",", "").replace("\u202f", "")
    by_title = {w.model.card_at(r).title: w.model.card_at(r) for r in range(w.model.rowCount())}
    assert set(by_title) == {"The Matrix", "Heat", "Breaking Bad", "Alien", "Inception"}
    assert w.select_card(by_title["The Matrix"].id)
    panel = w.detail
    assert panel.title.text() == "The Matrix"
    assert panel.versions.rowCount() == 2
    cells = {panel.versions.item(r, COL["resolution"]).text() for r in range(2)}
    assert cells == {"1080p", "720p"}
    assert panel.versions.item(0, COL["keep"]).text() == "★"  # the best version comes first
    assert panel.split_button.isEnabled()
    assert w.select_card(by_title["Breaking Bad"].id)
    assert panel.episodes.isVisibleTo(panel) and panel.episodes.topLevelItemCount() == 1
    assert panel.episodes.topLevelItem(0).childCount() == 2


def test_drop_folder_adds_and_scans(qtbot, tmp_path, window_factory) -> None:
    folder = tmp_path / "dropped"
    make_tree(folder, ["Heat.1995.1080p.mkv", "Alien.1979.720p.mkv"])
    single = tmp_path / "single" / "Inception.2010.mkv"
    make_tree(tmp_path / "single", ["Inception.2010.mkv"])
    w = window_factory()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(single))])
    drop(w, mime)
    wait_cards(qtbot, w, 3, timeout=15_000)
    assert str(folder) in w.library.roots()
    assert str(single.parent) in w.library.roots()  # a file adds its folder
    assert "drop" not in w.message_bar.keys()


def test_dropping_a_url_or_text_explains_why_nothing_happened(qtbot, window_factory) -> None:
    w = window_factory()
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/movie.mkv")])
    drop(w, mime)
    msg = w.message_bar.message("drop")
    assert msg is not None and "https://example.org/movie.mkv" in msg.text
    assert "Only folders and files" in msg.text
    assert w.library.roots() == []
    text = QMimeData()
    text.setText("just some words")
    drop(w, text)
    assert "just some words" in w.message_bar.message("drop").text
    assert not w.is_scanning()


def test_close_cancels_a_running_scan_and_keeps_the_library_consistent(
    qtbot, tmp_path, window_factory
) -> None:
    root = tmp_path / "big"
    for d in range(24):  # 1,440 files: the scan is still running (batches of 500) when the window closes
        sub = root / f"folder{d:02d}"
        sub.mkdir(parents=True)
        for i in range(60):
            (sub / f"Some.Movie.{d:02d}{i:02d}.{1950 + i}.720p.mkv").write_bytes(b"")
    w = window_factory()
    w.add_folders([str(root)])
    qtbot.waitUntil(lambda: w.library.file_count() > 0, timeout=15_000)
    job = w._scan_job
    assert job is not None and job.is_running()
    started = time.monotonic()
    w.close()
    assert not job.thread.isRunning()
    # Bounded by the parse of the batch under way (the indexer checks cancel between batches).
    assert time.monotonic() - started < 60
    count = w.library.file_count()
    assert 0 < count <= 1440
    assert w.library.integrity_ok()
    cards = cards_from_library(w.library)  # every stored file is usable
    assert sum(len(c.versions) for c in cards) == count


def test_without_a_key_the_window_says_how_to_add_one(qtbot, window_factory) -> None:
    opened = []

    class FakeDialog:  # stands in for the settings dialog: records that it was asked to open
        def __init__(self, settings, parent, folders) -> None:
            opened.append(settings)
            self.accepted = type("S", (), {"connect": lambda *_a: None})()

        def open(self) -> None:
            pass

    from videomanager.gui.main_window import Hooks

    w = window_factory(hooks=Hooks(settings_dialog=FakeDialog))
    msg = w.message_bar.message("no-key")
    assert msg is not None and "API key" in msg.text
    assert not w.identify_action.isEnabled()
    assert "key" in w.identify_action.toolTip()
    w.start_identify()  # explains instead of failing
    assert not w.is_identifying()
    msg.buttons[0].click()  # "Open settings"
    assert len(opened) == 1


def test_layout_persists_between_runs(qtbot, tmp_path, window_factory) -> None:
    data = tmp_path / "persist"
    w = window_factory(data=data)
    w.resize(720, 520)  # within the offscreen screen (800x600), so restoring does not clamp it
    w.sort_box.setCurrentIndex(w.sort_box.findData("year"))
    w.order_button.setChecked(True)
    w.splitter.setSizes([600, 400])
    sizes = w.splitter.sizes()
    w.close()
    assert (data / "window.ini").exists()
    assert not os.path.exists(data / "settings.json") or "sort" not in (data / "settings.json").read_text()
    w2 = window_factory(data=data)
    assert w2.sort_box.currentData() == "year" and w2.order_button.isChecked()
    assert w2.model.sort_name == "year" and w2.model.descending
    assert (w2.size().width(), w2.size().height()) == (720, 520)
    assert w2.splitter.sizes() == sizes


def test_settings_accepted_rebuilds_client_and_scans_new_folders(qtbot, tmp_path, window_factory) -> None:
    from videomanager.gui.main_window import Hooks

    folder = tmp_path / "more"
    make_tree(folder, ["Heat.1995.mkv"])
    built = []
    new = Settings(daily_request_limit=500)
    w = window_factory(hooks=Hooks(client_factory=lambda s: built.append(s) or None,
                                   settings_dialog=accepting_settings_dialog(new, lambda: [str(folder)])))  # fmt: skip
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.open_settings()  # OK pressed with a daily limit of 500 and a folder added
    assert built == [new]
    assert w.settings_store.load().settings.daily_request_limit == 500
    assert "500" in w.status.requests.text()
    wait_cards(qtbot, w, 1)


def test_the_stored_cards_come_first_then_only_what_changed(qtbot, tmp_path, window_factory) -> None:
    """The window shows the library's stored cards at once; a change made behind its back (another process)
    reaches the grid as that change only."""
    root = tmp_path / "videos"
    data = tmp_path / "stored"
    w = scanned_sample(qtbot, window_factory, root, data=data)
    w.close()
    w.library.delete_files([w.library.file_by_path(str(root / "Inception.2010.mkv")).id])
    w2 = window_factory(data=data, show=False)
    rows: list = []  # what reached the grid, in order (the model lives on this thread: nothing is missed)
    w2.model.rowsInserted.connect(lambda _p, first, last: rows.append(("inserted", last - first + 1)))
    w2.model.rowsRemoved.connect(lambda _p, first, last: rows.append(("removed", last - first + 1)))
    w2.show()
    wait_cards(qtbot, w2, 4, timeout=30_000)
    # The stored cards came first, all of them, then the change.
    assert rows == [("inserted", 5), ("removed", 1)]
    diffs: list = []
    w2.cards_job.worker.diff_ready.connect(diffs.append)
    heat = w2.library.file_by_path(str(root / "Heat (1995)" / "Heat.1995.2160p.UHD.BluRay.HDR.x265.mkv"))
    heat_card = next(c.id for c in w2.model.cards() if c.title == "Heat")
    w2.library.delete_files([heat.id])
    w2.request_refresh()
    wait_cards(qtbot, w2, 3, timeout=30_000)
    assert (diffs[-1].inserted, diffs[-1].changed, diffs[-1].removed) == ([], [], [heat_card])
    assert sorted(c.title for c in w2.model.cards()) == ["Alien", "Breaking Bad", "The Matrix"]


def test_an_unreadable_folder_shows_in_the_message_bar_with_retry(qtbot, tmp_path, window_factory) -> None:
    gone = tmp_path / "unplugged-drive"
    w = window_factory()
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.start_scan([str(gone)])
    msg = w.message_bar.message(f"root:{gone}")
    assert msg is not None and str(gone) in msg.text
    assert [b.text() for b in msg.buttons] == ["Retry", "Forget missing files…"]
    assert w.model.rowCount() == 0
    assert "empty" in w.view.empty_text  # the empty grid says what to do


def test_search_and_filter_in_the_window_keep_the_selection(qtbot, tmp_path, window_factory) -> None:
    root = tmp_path / "videos"
    w = scanned_sample(qtbot, window_factory, root)
    assert w.view.model() is w.passthrough  # no search, no filter: a plain C++ proxy
    heat = next(w.model.card_at(r) for r in range(w.model.rowCount()) if w.model.card_at(r).title == "Heat")
    assert w.select_card(heat.id)
    w.search.setText("hea")
    qtbot.waitUntil(lambda: w.view.model() is w.proxy and w.proxy.rowCount() == 1, timeout=5_000)
    assert w.count_label.text() == "1 of 5 cards"
    assert w.current_card() == heat and w.detail.card == heat  # the selection survives the switch
    w.search.clear()
    qtbot.waitUntil(lambda: w.view.model() is w.passthrough, timeout=5_000)
    assert w.count_label.text() == "5 cards" and w.current_card() == heat
    w.filter_box.setCurrentIndex(w.filter_box.findData("tv"))
    assert w.view.model() is w.proxy
    assert [w.proxy.index(r, 0).data() for r in range(w.proxy.rowCount())] == ["Breaking Bad"]
    assert w.current_card() is None and w.detail.card is None  # Heat is filtered out: nothing selected
    # Cards keep arriving while a filter is on: the proxy follows the model.
    make_tree(root, ["Fargo/Season 1/Fargo.S01E01.720p.mkv"])
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 2, timeout=10_000)
    assert w.count_label.text() == "2 of 6 cards"
    w.filter_box.setCurrentIndex(w.filter_box.findData("all"))
    assert w.view.model() is w.passthrough and w.count_label.text() == "6 cards"


def test_cards_stored_for_the_library_as_it_is_are_not_regrouped(qtbot, tmp_path, window_factory) -> None:
    """After a CLI scan (which stores the cards), the window shows them and has nothing to regroup."""
    from videomanager.core.cards import CardStore
    from videomanager.core.indexer import scan_into_library
    from videomanager.core.library import Library
    from videomanager.core.mediainfo import MediaReader

    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    data = tmp_path / "cli"
    data.mkdir()
    lib = Library(data / "library.sqlite3")
    scan_into_library(lib, [str(root)], workers=1)
    MediaReader(lib).run()  # what the files hold is part of the library too
    stored = {c.id: c for c in CardStore(lib).cards()}
    assert not CardStore(lib).pending()  # the window's first update will find nothing to do
    lib.close()
    w = window_factory(data=data)
    wait_cards(qtbot, w, 5, timeout=15_000)
    diffs: list = []
    w.cards_job.worker.diff_ready.connect(diffs.append)  # from now on (the worker runs on its own thread)
    w.request_refresh()
    qtbot.waitUntil(lambda: bool(diffs), timeout=15_000)
    assert not any(diffs)  # nothing to regroup
    assert {c.id: c for c in w.model.cards()} == stored
    assert [c.title for c in w.model.cards()] == ["Alien", "Breaking Bad", "Heat", "Inception", "The Matrix"]


def test_merge_selected_cards_from_the_grid_survives_a_rescan(qtbot, tmp_path, window_factory) -> None:
    """Two versions the grouping kept apart (no key: fallback cards by folder and title) merged from the
    grid's context menu: one card with both files, which a rescan keeps; Split off undoes it."""
    from PySide6.QtCore import QItemSelectionModel

    from videomanager.gui.app import merge, split_off
    from videomanager.gui.main_window import Hooks

    root = tmp_path / "videos"
    make_tree(root, ["Matrix/The.Matrix.1999.1080p.mkv", "Other drive/Matrix Reloaded 2003 720p.mkv",
                     "Heat.1995.mkv"])  # fmt: skip
    w = window_factory(hooks=Hooks(merge=merge, split_off=split_off))
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 3)
    assert w.merge_action in w.view.actions() and not w.merge_action.isEnabled()
    by_title = {w.model.card_at(r).title: w.model.card_at(r) for r in range(w.model.rowCount())}
    target, other = by_title["The Matrix"], by_title["Matrix Reloaded"]
    assert w.select_card(other.id)
    w.select_card(target.id)  # current: the card the other joins
    sel = w.view.selectionModel()
    sel.select(w.view.model().mapFromSource(w.model.index(w.model.row_of(other.id), 0)),
               QItemSelectionModel.SelectionFlag.Select)  # fmt: skip
    assert w.merge_action.isEnabled()
    assert [c.id for c in w.selected_cards()] == [target.id, other.id]
    w.merge_action.trigger()
    wait_cards(qtbot, w, 2, timeout=15_000)
    merged = next(w.model.card_at(r) for r in range(2) if len(w.model.card_at(r).versions) == 2)
    assert {os.path.basename(v.path) for v in merged.versions} == {"The.Matrix.1999.1080p.mkv",
                                                                   "Matrix Reloaded 2003 720p.mkv"}  # fmt: skip
    assert w.message_bar.message("merge") is not None
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    qtbot.wait(300)
    wait_cards(qtbot, w, 2, timeout=15_000)  # the manual decision survives the rescan
    assert any(len(w.model.card_at(r).versions) == 2 for r in range(2))
    assert w.select_card(merged.id)
    w.split_off([merged.versions[1].file_ids[0]])
    wait_cards(qtbot, w, 3, timeout=15_000)


def test_play_and_show_in_folder_open_the_file_and_its_folder(qtbot, tmp_path, window_factory) -> None:
    """Play and Show in folder hand the system a file URL (QDesktopServices); a URL handler registered for
    the "file" scheme receives what a real desktop would open."""
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    class Opener(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.opened.append(url.toLocalFile())

    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        root = tmp_path / "videos"
        w = scanned_sample(qtbot, window_factory, root)
        by_title = {w.model.card_at(r).title: w.model.card_at(r) for r in range(w.model.rowCount())}
        assert w.select_card(by_title["The Matrix"].id)
        panel = w.detail
        panel.versions.selectRow(1)  # the second version, not the best
        second = panel.versions.item(1, 0).data(Qt.ItemDataRole.UserRole)
        panel.play_button.click()
        panel.folder_button.click()
        assert opener.opened == [second, os.path.dirname(second)]
        assert second == str(root / "The.Matrix.1999.720p.WEB.mkv")  # the 720p row, below the best (1080p)
        assert w.select_card(by_title["Breaking Bad"].id)
        opener.opened.clear()
        panel.play_button.click()  # a show: its first episode
        assert (
            len(opener.opened) == 1 and opener.opened[0].endswith(".mkv") and "Breaking" in opener.opened[0]
        )
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_a_card_that_changes_id_while_current_stays_current(qtbot, window_factory, tmp_path):
    """A card identified (or regrouped) while it is selected comes back under a new id: the selection stays on
    the card of its files instead of falling to its neighbour."""
    from videomanager.core.models import Card
    from videomanager.gui.library_model import CardsDiff

    w = scanned_sample(qtbot, window_factory, tmp_path / "videos")
    first = w.model.card_at(0)
    w.select_card(first.id)
    renamed = Card.from_dict({**first.to_dict(), "id": "movie:999999"})
    with qtbot.waitSignal(w.cards_applied, timeout=5000):
        w._apply_later(CardsDiff(inserted=[renamed], removed=[first.id]))
    assert w.current_card() is not None and w.current_card().id == "movie:999999"
