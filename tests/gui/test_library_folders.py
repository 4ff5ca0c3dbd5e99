"""The window and the library folders: Settings → Remove really removes a folder, a moved folder is
recognised, "Forget missing files" asks with the count, and a FIFO named like a video neither hangs a scan
nor the window's close."""

from __future__ import annotations

import errno
import os
import shutil
import time

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.gui.conftest import SAMPLE, make_tree, scanned_sample, wait_cards
from videomanager.core.decisions import set_match
from videomanager.core.grouping import cards_from_library
from videomanager.gui.main_window import Hooks


def _real_settings_dialog(settings, parent, folders=None):
    from videomanager.gui.settings_dialog import SettingsDialog

    return SettingsDialog(settings, client_factory=lambda key, token: None, requests_today=lambda: 0,
                          clear_cache=lambda: None, parent=parent, folders=folders)  # fmt: skip


def _paths(library) -> set[str]:
    return {f.path for f in library.files()}


def test_settings_remove_folder_then_rescan_leaves_it_out(qtbot, tmp_path, window_factory) -> None:
    keep, drop = tmp_path / "keep", tmp_path / "drop"
    make_tree(keep, ["Heat.1995.mkv", "Alien.1979.mkv"])
    make_tree(drop, ["Inception.2010.mkv", "Breaking Bad/Season 1/Breaking.Bad.S01E01.mkv"])
    w = window_factory(hooks=Hooks(settings_dialog=_real_settings_dialog))
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(keep), str(drop)])
    wait_cards(qtbot, w, 4)

    w.open_settings()
    dialog = w._settings_dialog
    assert sorted(dialog.folders()) == [str(drop), str(keep)]  # the library's folders
    dialog.folder_list.item(dialog.folders().index(str(drop))).setSelected(True)
    dialog.remove_folder_button.click()
    assert dialog.folders() == [str(keep)] and not dialog.folders_note.isHidden()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: w.library.roots() == [str(keep)], timeout=10_000)
    qtbot.waitUntil(lambda: all(p.startswith(str(keep)) for p in _paths(w.library)), timeout=10_000)
    wait_cards(qtbot, w, 2)

    with qtbot.waitSignal(w.scan_finished, timeout=15_000) as blocker:
        w.rescan_action.trigger()
    assert blocker.args[0]["seen"] == 2  # the removed folder was not scanned
    assert _paths(w.library) == {str(keep / "Heat.1995.mkv"), str(keep / "Alien.1979.mkv")}
    assert "library_folders" not in w.settings_store.load().settings.to_json_dict()
    assert os.path.exists(drop / "Inception.2010.mkv")  # the files on disk are not touched


def test_a_moved_folder_is_recognised_and_its_old_place_is_not_warned_about(
    qtbot, tmp_path, window_factory
) -> None:
    old, new = tmp_path / "videos", tmp_path / "renamed"
    w = scanned_sample(qtbot, window_factory, old)
    ids = {os.path.relpath(f.path, old): f.id for f in w.library.files()}
    os.rename(old, new)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000) as blocker:
        w.add_folders([str(new)])
    assert blocker.args[0]["seen"] == len(SAMPLE)
    assert {os.path.relpath(f.path, new): f.id for f in w.library.files()} == ids
    assert w.library.roots() == [str(new)]
    note = w.message_bar.message("scan-notes")
    assert note is not None and f"{old} no longer exists" in note.text
    wait_cards(qtbot, w, 5)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    assert not [k for k in w.message_bar.keys() if k.startswith("root:")]
    assert sum(len(c.versions) + len(c.episodes) for c in cards_from_library(w.library)) == len(SAMPLE)


def test_forget_missing_files_asks_with_the_count(qtbot, tmp_path, window_factory) -> None:
    root = tmp_path / "usb"
    w = scanned_sample(qtbot, window_factory, root)
    w.forget_missing_action.trigger()
    assert "nothing to forget" in w.message_bar.message("prune").text
    assert w.forget_missing_action in w.view.actions()  # in the grid's context menu
    shutil.move(str(root), str(tmp_path / "unplugged"))
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.rescan()
    assert w.library.missing_count() == len(SAMPLE)
    msg = w.message_bar.message(f"root:{root}")
    assert "Forget missing files…" in [b.text() for b in msg.buttons]

    w.forget_missing_action.trigger()
    box = w._forget_box
    assert box.isVisible() and box.text() == f"Forget {len(SAMPLE)} missing files?"
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert w.library.file_count() == len(SAMPLE)  # cancelled: nothing forgotten

    w.forget_missing_action.trigger()
    box = w._forget_box
    forget = next(b for b in box.buttons() if b.text() == "Forget")
    forget.click()
    qtbot.waitUntil(lambda: w.library.file_count() == 0, timeout=10_000)
    wait_cards(qtbot, w, 0)


def test_a_fifo_named_like_a_video_hangs_neither_the_scan_nor_the_close(
    qtbot, tmp_path, window_factory
) -> None:
    root = tmp_path / "videos"
    make_tree(root, ["Heat.1995.mkv"])
    empty = root / "Empty (2000).mkv"
    empty.write_bytes(b"")
    fifo = root / "Pipe (2001)" / "movie.mkv"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    w = window_factory()
    try:
        with qtbot.waitSignal(w.scan_finished, timeout=15_000):
            w.add_folders([str(root)])
        set_match(w.library, [w.library.file_by_path(str(empty)).id], "movie", 603)  # a 0-byte decision
        make_tree(root, ["Alien.1979.mkv"])  # something new: a full scan, then fingerprints of 0-byte files
        with qtbot.waitSignal(w.scan_finished, timeout=15_000):
            w.rescan()
        problems = w.message_bar.message("scan-problems")
        assert problems is not None and str(fifo) in problems.text and "named pipe" in problems.text
        started = time.monotonic()
        w.close()
        assert time.monotonic() - started < 10
    finally:
        try:  # a scan stuck opening the FIFO goes on once its writing end is opened
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError as exc:
            assert exc.errno == errno.ENXIO  # nobody was reading it
