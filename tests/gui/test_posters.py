"""Poster cache: hashed file names (no path from the server), disk cache, LIFO loading, bounded LRU."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSize

from tests.gui.test_card_delegate import png_bytes
from videomanager.gui.posters import PosterCache, poster_file


def test_file_name_is_a_hash_inside_the_folder(tmp_path) -> None:
    for evil in ("../../etc/passwd", "/../../x.jpg", "..\\..\\win.ini", "/a/b/c.jpg"):
        target = poster_file(tmp_path, evil)
        assert target.parent == tmp_path
        assert ".." not in target.name and "/" not in target.name
    assert poster_file(tmp_path, "/a.jpg") != poster_file(tmp_path, "/b.jpg")


def test_downloads_once_then_reads_disk_and_bounds_ram(qtbot, tmp_path) -> None:
    blue = png_bytes("#1030d0")
    calls: list[str] = []
    gate = threading.Event()

    def fetch(p: str) -> bytes:
        calls.append(p)
        gate.wait(5)  # hold the loader on the first request while the others queue up
        return blue

    cache = PosterCache(tmp_path / "p", fetch, QSize(100, 150), 2.0, ram_items=50)
    try:
        paths = [f"/poster{i}.jpg" for i in range(60)]
        assert cache.pixmap(paths[0]) is None  # requested, not ready yet
        qtbot.waitUntil(lambda: calls == [paths[0]], timeout=5000)
        for p in paths[1:]:
            assert cache.pixmap(p) is None
        gate.set()
        qtbot.waitUntil(lambda: len(calls) == 60 and calls[-1] in cache._lru, timeout=15_000)
        assert len(cache) == 50  # bounded
        assert calls[1:] == paths[:0:-1]  # LIFO: the newest request is served first
        pm = cache.pixmap(calls[-1])
        assert pm is not None and pm.devicePixelRatio() == 2.0
        assert pm.width() <= 342 and pm.width() >= 200  # decoded at card size x DPR, not full size
        assert sorted(f.name for f in (tmp_path / "p").iterdir()) == sorted(
            poster_file(tmp_path / "p", p).name for p in set(calls)
        )
        # A new cache (next run) reads the disk and never downloads again.
        again = PosterCache(tmp_path / "p", lambda p: calls.append(p) or blue, QSize(100, 150))
        try:
            n = len(calls)
            again.pixmap(paths[0])
            qtbot.waitUntil(lambda: again.pixmap(paths[0]) is not None, timeout=5000)
            assert len(calls) == n
        finally:
            again.shutdown()
    finally:
        cache.shutdown()


def test_a_broken_download_is_not_kept(qtbot, tmp_path) -> None:
    cache = PosterCache(tmp_path / "p", lambda p: b"not an image", QSize(100, 150))
    try:
        with qtbot.waitSignal(cache._bridge.failed, timeout=5000):
            cache.pixmap("/x.jpg")
        assert not poster_file(tmp_path / "p", "/x.jpg").exists()
        assert cache.pixmap("/x.jpg") is None  # not asked again in this run
    finally:
        cache.shutdown()


def test_loading_waits_while_the_grid_scrolls(qtbot, tmp_path) -> None:
    import time

    calls: list[float] = []
    blue = png_bytes("#1030d0")
    cache = PosterCache(tmp_path / "p", lambda p: calls.append(time.monotonic()) or blue, QSize(100, 150))
    try:
        asked = time.monotonic()
        cache.hold(0.4)  # the grid is scrolling
        cache.pixmap("/a.jpg")
        qtbot.waitUntil(lambda: cache.pixmap("/a.jpg") is not None, timeout=5000)
        assert calls and calls[0] - asked >= 0.35  # nothing was decoded before the hold ended
    finally:
        cache.shutdown()
