"""Stopping and closing: Stop shows at once that work is stopping; closing after Stop prints no traceback
and leaves no parse pool behind; library changes (Fix match, Split off, Merge) end their threads from the
GUI thread, never from the thread itself."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.conftest import scanned_sample, wait_cards

BAD_OUTPUT = ("Traceback", "InvalidStateError", "Thread tried to wait on itself", "Exception in thread")


def release_tree(root: Path, n: int) -> None:
    """n empty files named like scene releases, 100 to a folder."""
    for d in range(n // 100):
        sub = root / f"Release Folder {d:03d}"
        sub.mkdir(parents=True)
        for i in range(100):
            (sub / f"Some.Film.Title.{d:03d}{i:02d}.{1950 + i % 70}.1080p.BluRay.x264-GRP.mkv").write_bytes(
                b""
            )


def pool_threads() -> list[threading.Thread]:
    """The manager threads of live process pools (one per ProcessPoolExecutor still running)."""
    return [t for t in threading.enumerate() if type(t).__name__ == "_ExecutorManagerThread"]


def assert_quiet(capfd, qtlog) -> None:
    _out, err = capfd.readouterr()
    qt_messages = "\n".join(r.message for r in qtlog.records)
    for bad in BAD_OUTPUT:
        assert bad not in err, err[-3000:]
        assert bad not in qt_messages, qt_messages


def stop_and_close(qtbot, w, root: Path, moment: str) -> list[list[threading.Thread]]:
    """Scan ``root``, press Stop at ``moment``, close the window; the pools still running as the scan ended."""
    w.add_folders([str(root)])
    job = w._scan_job
    left_over: list[list[threading.Thread]] = []
    # Runs in the scan thread as the scan ends: is any process pool still running then?
    job.worker.finished.connect(
        lambda _r: left_over.append(pool_threads()), Qt.ConnectionType.DirectConnection
    )
    if moment == "pool started":
        qtbot.waitUntil(lambda: bool(pool_threads()) or not job.is_running(), timeout=20_000)
    else:
        qtbot.waitUntil(lambda: w.library.file_count() > 0 or not job.is_running(), timeout=20_000)
    assert job.is_running(), "the scan ended before Stop: make the tree bigger"
    w.stop_action.trigger()
    w.close()
    assert not job.thread.isRunning()
    return left_over


def test_stop_then_close_mid_parse_prints_no_traceback(qtbot, tmp_path, window_factory, capfd, qtlog) -> None:
    """A scan parsing in a process pool, stopped (as its workers start, then while they parse), then the
    window closed: the scan returns with its pool shut down (nothing of it left to be killed with the
    scan's thread, which is how a cancelled future ended in an InvalidStateError traceback), and nothing
    is printed."""
    root = tmp_path / "big"
    release_tree(root, 2500)
    for attempt, moment in enumerate(("pool started", "files written", "pool started")):
        w = window_factory(scan_workers=2, data=tmp_path / f"data{attempt}")
        assert stop_and_close(qtbot, w, root, moment) == [[]]
        assert w.library.file_count() < 2500 and w.library.integrity_ok()
    deadline = time.monotonic() + 5
    while pool_threads() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool_threads() == []
    assert_quiet(capfd, qtlog)


def test_stop_shows_stopping_at_once(qtbot, tmp_path, window_factory) -> None:
    root = tmp_path / "big"
    release_tree(root, 1500)
    w = window_factory()
    w.add_folders([str(root)])
    qtbot.waitUntil(lambda: w.library.file_count() > 0, timeout=20_000)
    job = w._scan_job
    assert job is not None and job.is_running()
    w.stop_action.trigger()
    # At once, before the scan has had a chance to end: the toolbar and the status bar say so.
    assert not w.stop_action.isEnabled()
    assert w.stop_action.text() == "Stopping…"
    assert w.status.scan.text() == "Stopping…"
    qtbot.wait(50)  # progress still arriving from the scan does not hide it
    if w.is_scanning():
        assert w.status.scan.text() == "Stopping…"
    qtbot.waitUntil(lambda: not w.is_scanning(), timeout=20_000)
    assert w.stop_action.text() == "Stop"
    assert w.status.scan.text().startswith("Scan stopped")


def test_fix_match_split_and_merge_end_their_threads_from_the_gui_thread(
    qtbot, tmp_path, window_factory, capfd, qtlog
) -> None:
    """Each library change runs on a thread of its own; its end (refresh, message, freeing the thread) is
    handled on the GUI thread, so no thread waits on itself and no widget is made off the GUI thread."""
    from videomanager.gui.app import apply_decision, merge, split_off
    from videomanager.gui.main_window import Hooks
    from videomanager.gui.match_dialog import MatchDialog

    hooks = Hooks(merge=merge, split_off=split_off, apply_decision=lambda lib, d: apply_decision(lib, None, d),
                  match_dialog=lambda card, client, parent: MatchDialog(card, client=client, parent=parent))  # fmt: skip
    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", hooks=hooks, distinct=True)
    gui_thread = threading.current_thread()
    ran_on: list[threading.Thread] = []
    w.cards_applied.connect(lambda: ran_on.append(threading.current_thread()))
    by_title = {c.title: c for c in w.model.cards()}

    # Fix match: the real dialog, an id typed, Apply.
    w.open_match_dialog(by_title["Inception"])
    dialog = w._match_dialog
    dialog.id_edit.setText("movie/27205")
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: w.model.card("movie:27205") is not None, timeout=15_000)
    # Split off a version of The Matrix.
    matrix = by_title["The Matrix"]
    assert w.select_card(matrix.id)
    w.split_off(list(matrix.versions[1].file_ids))
    wait_cards(qtbot, w, 6, timeout=15_000)
    # Merge them back.
    from PySide6.QtCore import QItemSelectionModel

    parts = [c for c in w.model.cards() if c.title == "The Matrix"]
    assert len(parts) == 2
    w.select_card(parts[0].id)
    w.view.selectionModel().select(w.view.model().mapFromSource(w.model.index(w.model.row_of(parts[1].id), 0)),
                                   QItemSelectionModel.SelectionFlag.Select)  # fmt: skip
    w.merge_selected()
    wait_cards(qtbot, w, 5, timeout=15_000)
    qtbot.waitUntil(lambda: not w._tasks, timeout=5_000)
    assert ran_on and set(ran_on) == {gui_thread}
    assert_quiet(capfd, qtlog)


def test_a_failed_library_change_shows_in_the_message_bar(
    qtbot, tmp_path, window_factory, capfd, qtlog
) -> None:
    from videomanager.core.decisions import DecisionError
    from videomanager.gui.main_window import Hooks

    def refuse(library, target, others, keep):
        raise DecisionError("None of those files is in the library.")

    w = scanned_sample(qtbot, window_factory, tmp_path / "videos", hooks=Hooks(merge=refuse))
    w.view.selectAll()
    w.merge_selected()
    qtbot.waitUntil(lambda: not w._tasks, timeout=10_000)
    qtbot.waitUntil(lambda: "None of those files" in " ".join(w.message_bar.texts()), timeout=5_000)
    assert w.message_bar.message("merge").thread() is w.thread()  # made on the GUI thread
    assert_quiet(capfd, qtlog)
