"""The main window end to end on tmp libraries: scanning shows cards, drag and drop, the message bar,
cancel on close, the detail panel, the no-key state and the persisted layout."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from tests.gui.conftest import SAMPLE, make_tree, wait_cards
from videomanager.core.grouping import cards_from_library
from videomanager.core.settings import Settings


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
    assert str(root) in w.settings.library_folders
    assert str(root) in w.settings_store.load().settings.library_folders  # saved
    assert "7 files scanned" in w.status.scan.text().replace(",", "").replace("\u202f", "")
    by_title = {w.model.card_at(r).title: w.model.card_at(r) for r in range(w.model.rowCount())}
    assert set(by_title) == {"The Matrix", "Heat", "Breaking Bad", "Alien", "Inception"}
    assert w.select_card(by_title["The Matrix"].id)
    panel = w.detail
    assert panel.title.text() == "The Matrix"
    assert panel.versions.rowCount() == 2
    cells = {panel.versions.item(r, 1).text() for r in range(2)}
    assert cells == {"1080p", "720p"}
    assert panel.versions.item(0, 5).text() == "★"  # the best version comes first
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
    assert str(folder) in w.settings.library_folders
    assert str(single.parent) in w.settings.library_folders  # a file adds its folder
    assert "drop" not in w.message_bar.keys()


def test_dropping_a_url_or_text_explains_why_nothing_happened(qtbot, window_factory) -> None:
    w = window_factory()
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/movie.mkv")])
    drop(w, mime)
    msg = w.message_bar.message("drop")
    assert msg is not None and "https://example.org/movie.mkv" in msg.text
    assert "Only folders and files" in msg.text
    assert w.settings.library_folders == []
    text = QMimeData()
    text.setText("just some words")
    drop(w, text)
    assert "just some words" in w.message_bar.message("drop").text
    assert w._scan_job is None


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
        def __init__(self, settings, parent) -> None:
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
    assert w._enrich_job is None
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
    w = window_factory(hooks=Hooks(client_factory=lambda s: built.append(s) or None))
    new = Settings(library_folders=[str(folder)], daily_request_limit=500)

    class Accepted:
        def result_settings(self):
            return new

    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w._settings_accepted(Accepted())
    assert built == [new]
    assert w.settings_store.load().settings.daily_request_limit == 500
    assert "500" in w.status.requests.text()
    wait_cards(qtbot, w, 1)


def test_cards_come_from_the_snapshot_first_then_from_a_helper_process(
    qtbot, tmp_path, window_factory
) -> None:
    root = tmp_path / "videos"
    make_tree(root, SAMPLE)
    data = tmp_path / "snap"
    snapshot = data / "cache" / "cards.snapshot"
    w = window_factory(data=data, snapshot_path=snapshot)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 5)
    w.close()
    assert snapshot.exists()
    # Next run: the library changed behind the window's back; the snapshot shows at once (preliminary),
    # then the rebuild in the helper process brings the change.
    w.library.delete_files([w.library.file_by_path(str(root / "Inception.2010.mkv")).id])
    w2 = window_factory(data=data, snapshot_path=snapshot, cards_in_process=True)
    seen: list[int] = []
    w2.cards_applied.connect(lambda: seen.append(w2.model.rowCount()))
    qtbot.waitUntil(lambda: bool(seen) and seen[-1] == 4, timeout=30_000)
    assert seen[0] == 5  # the snapshot's cards came first
    assert w2.cards_job.worker._process is not None  # the rebuild ran in the helper process


def test_an_unreadable_folder_shows_in_the_message_bar_with_retry(qtbot, tmp_path, window_factory) -> None:
    gone = tmp_path / "unplugged-drive"
    w = window_factory()
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.start_scan([str(gone)])
    msg = w.message_bar.message(f"root:{gone}")
    assert msg is not None and str(gone) in msg.text
    assert [b.text() for b in msg.buttons] == ["Retry"]
    assert w.model.rowCount() == 0
    assert "empty" in w.view.empty_text  # the empty grid says what to do
