"""Watched library folders in a running window (offscreen): files copied in show up as cards without
Rescan, a file still being written is not taken half-written, an unplugged drive's files turn missing,
and the setting turns the watch off."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from tests.gui.conftest import make_tree, wait_cards
from videomanager.core.settings import Settings

pytestmark = pytest.mark.slow

SHOWN_WITHIN_MS = 10_000


def _watched_window(qtbot, window_factory, root):
    make_tree(root, ["Heat (1995)/Heat.1995.1080p.mkv"], distinct=True)
    w = window_factory(watch_folders=True)
    with qtbot.waitSignal(w.scan_finished, timeout=15_000):
        w.add_folders([str(root)])
    wait_cards(qtbot, w, 1)
    qtbot.waitUntil(lambda: w.folder_watch.watched == [str(root)], timeout=5_000)
    return w


def _titles(w) -> set[str]:
    return {w.model.card_at(r).title for r in range(w.model.rowCount())}


def test_files_copied_in_appear_without_rescan(qtbot, window_factory, tmp_path):
    root = tmp_path / "Videos"
    w = _watched_window(qtbot, window_factory, root)
    started = time.monotonic()
    make_tree(root, ["Alien (1979)/Alien.1979.1080p.mkv", "Inception.2010.720p.mkv"], distinct=True)
    qtbot.waitUntil(lambda: {"Alien", "Inception"} <= _titles(w), timeout=SHOWN_WITHIN_MS)
    print(f"cards shown {time.monotonic() - started:.1f} s after the copy")
    assert not w.is_scanning()  # no Rescan ran: the watch scanned the two folders
    os.remove(root / "Inception.2010.720p.mkv")
    qtbot.waitUntil(lambda: "Inception" not in _titles(w), timeout=SHOWN_WITHIN_MS)


def test_a_file_being_copied_is_not_scanned_half_written(qtbot, window_factory, tmp_path):
    root = tmp_path / "Videos"
    w = _watched_window(qtbot, window_factory, root)
    big = root / "Big.Movie.2020.2160p.mkv"
    size = 0
    with open(big, "wb") as fh:  # a 2 GB copy, sparse: 64 MB more every 0.2 s for 6 s
        fh.write(b"header")
        deadline = time.monotonic() + 6
        while time.monotonic() < deadline:
            size += 64 * 1024**2
            fh.truncate(size)
            fh.flush()
            os.utime(big)
            qtbot.wait(200)
            assert w.library.file_by_path(str(big)) is None, "a file still being written was scanned"
    qtbot.waitUntil(lambda: w.library.file_by_path(str(big)) is not None, timeout=SHOWN_WITHIN_MS)
    assert w.library.file_by_path(str(big)).size == os.path.getsize(big)  # its final size
    qtbot.waitUntil(lambda: "Big Movie" in _titles(w), timeout=SHOWN_WITHIN_MS)


def test_an_unplugged_drive_marks_its_files_missing(qtbot, window_factory, tmp_path):
    root = tmp_path / "Drive"
    w = _watched_window(qtbot, window_factory, root)
    moved = tmp_path / "elsewhere"
    shutil.move(str(root), str(moved))  # the drive goes away with its mount point
    qtbot.waitUntil(lambda: w.model.rowCount() == 1 and w.model.card_at(0).missing, timeout=SHOWN_WITHIN_MS)
    assert w.library.file_count() == 1  # missing, never removed
    shutil.move(str(moved), str(root))  # plugged in again
    qtbot.waitUntil(lambda: not w.model.card_at(0).missing, timeout=SHOWN_WITHIN_MS)


def test_the_setting_turns_the_watch_off(qtbot, window_factory, tmp_path):
    w = window_factory(watch_folders=True, settings=Settings(watch_folders=False))
    assert not w.folder_watch.is_watching()
    w.apply_settings(Settings(watch_folders=True))
    assert w.folder_watch.is_watching()
    w.apply_settings(Settings(watch_folders=False))
    assert not w.folder_watch.is_watching()
