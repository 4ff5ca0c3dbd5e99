"""Hostile folder trees: loops, broken links, unreadable folders, files that vanish or change while the
scan runs, a huge folder and a very deep one. The scan always finishes and says what it skipped and why
(``ScanSummary.skipped`` and the ``scan`` output line).

We run as root, so chmod cannot make a folder unreadable: ``os.scandir`` is patched for one path instead.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import all_paths, cli, list_json
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.scanner import scan


def _lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib.sqlite3")


def _video(p: Path, content: bytes = b"v") -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(content)
    return p


def test_symlink_loops_and_broken_links_are_counted(tmp_path: Path, capsys) -> None:
    root = tmp_path / "videos"
    _video(root / "Heat (1995)" / "Heat.1995.1080p.mkv")
    os.symlink(root, root / "Heat (1995)" / "loop")  # points at an ancestor
    os.symlink(root / "Heat (1995)", root / "again")  # a second way into a folder already read
    os.symlink(tmp_path / "nowhere.mkv", root / "Broken.2001.mkv")  # a dangling video link
    os.symlink(tmp_path / "nowhere", root / "gone-folder")  # a dangling folder link
    os.symlink("self", root / "self")  # a link to itself (ELOOP)
    data = tmp_path / "data"
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(root))
    assert rc == 0, err
    lib = Library(data / "library.sqlite3")
    assert [os.path.basename(f.path) for f in lib.files()] == ["Heat.1995.1080p.mkv"]
    lib.close()
    summary = scan_into_library(_lib(tmp_path), [str(root)], workers=1)
    assert summary.skipped["symlink-loop"] == 1
    assert summary.skipped["already-scanned"] == 1
    assert summary.skipped["broken-symlink"] >= 1
    assert "skipped" in out and "symlink-loop" in out and "broken-symlink" in out


def test_unreadable_folder_is_skipped_with_a_reason_and_its_files_kept(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "videos"
    ok = _video(root / "Alien (1979)" / "Alien.1979.mkv")
    locked = _video(root / "Locked" / "Heat.1995.mkv")
    lib = _lib(tmp_path)
    assert scan_into_library(lib, [str(root)], workers=1).new == 2

    real_scandir = os.scandir
    blocked = str(locked.parent)

    def scandir(path=".", *a, **kw):
        if os.fsdecode(path) == blocked:  # the OS refuses str and bytes paths alike
            raise PermissionError(13, "Permission denied", blocked)
        return real_scandir(path, *a, **kw)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = scan_into_library(lib, [str(root)], workers=1)
    assert summary.skipped == {"unreadable": 1}
    assert summary.skipped_examples["unreadable"] == blocked
    assert "1 unreadable" in summary.line()
    # Its files are not deleted: an unreadable folder is not an empty one.
    paths = {f.path: f.missing for f in lib.files()}
    assert paths == {str(ok): False, str(locked): True}
    monkeypatch.setattr(os, "scandir", real_scandir)
    again = scan_into_library(lib, [str(root)], workers=1)
    assert again.returned == 1 and not any(f.missing for f in lib.files())


def test_unreadable_root_marks_missing_never_erases(tmp_path: Path, monkeypatch, capsys) -> None:
    root = tmp_path / "usb"
    _video(root / "Alien.1979.mkv")
    data = tmp_path / "data"
    assert cli(capsys, "--data-dir", str(data), "scan", str(root))[0] == 0
    real_scandir = os.scandir

    def scandir(path=".", *a, **kw):
        if os.fsdecode(path) == str(root):  # the OS refuses str and bytes paths alike
            raise OSError(5, "Input/output error", str(root))
        return real_scandir(path, *a, **kw)

    monkeypatch.setattr(os, "scandir", scandir)
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(root))
    assert rc == 0
    assert "1 root-unavailable" in out and "could not be read" in err
    monkeypatch.setattr(os, "scandir", real_scandir)
    cards = list_json(capsys, data)
    assert [v.get("missing") for c in cards for v in c["versions"]] == [True]


def test_files_that_vanish_or_change_during_the_scan(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "videos"
    vanishing = _video(root / "A" / "Vanishing.2001.mkv")
    growing = _video(root / "A" / "Growing.2002.mkv")
    doomed_dir = root / "B"
    _video(doomed_dir / "Doomed.2003.mkv")
    _video(root / "A" / "Stays.2004.mkv")
    real_scandir = os.scandir

    def scandir(path=".", *a, **kw):
        it = real_scandir(path, *a, **kw)
        if os.fspath(path) == str(root / "A"):
            # Listed, then changed on disk before the scanner stats each file.
            entries = list(it)
            it.close()
            vanishing.unlink()
            growing.write_bytes(b"g" * 5000)
            # The other folder disappears after its parent was listed, before it is entered.
            for p in doomed_dir.iterdir():
                p.unlink()
            doomed_dir.rmdir()
            return _ListIter(entries)
        return it

    monkeypatch.setattr(os, "scandir", scandir)
    lib = _lib(tmp_path)
    summary = scan_into_library(lib, [str(root)], workers=1)
    assert summary.skipped["vanished"] == 2  # the file and the folder
    stored = {os.path.basename(f.path): f.size for f in lib.files()}
    assert stored == {"Growing.2002.mkv": 5000, "Stays.2004.mkv": 1}
    monkeypatch.setattr(os, "scandir", real_scandir)
    again = scan_into_library(lib, [str(root)], workers=1)
    assert (again.new, again.changed, again.unchanged, sum(again.skipped.values())) == (0, 0, 2, 0)


class _ListIter:
    """What os.scandir returns, over a list already read (a context manager and an iterator)."""

    def __init__(self, entries: list) -> None:
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def close(self) -> None:
        return None


def test_listing_that_breaks_off_midway_is_reported_and_nothing_removed(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "videos"
    for i in range(5):
        _video(root / f"Film.{2000 + i}.mkv")
    lib = _lib(tmp_path)
    scan_into_library(lib, [str(root)], workers=1)
    real_scandir = os.scandir

    def scandir(path=".", *a, **kw):
        entries = list(real_scandir(path, *a, **kw))

        def gen():
            yield from sorted(entries, key=lambda e: e.name)[:2]
            raise OSError(5, "Input/output error")  # a network share dropping mid-listing

        return _GenIter(gen())

    monkeypatch.setattr(os, "scandir", scandir)
    summary = scan_into_library(lib, [str(root)], workers=1)
    assert summary.skipped == {"unreadable": 1}
    assert summary.removed == 0, "files not listed because the listing broke must not be deleted"
    assert lib.file_count() == 5


class _GenIter(_ListIter):
    def __init__(self, gen) -> None:
        self._it = gen


def test_folder_nested_100_deep(tmp_path: Path, capsys) -> None:
    root = tmp_path / "deep"
    d = root
    for i in range(100):
        d = d / f"d{i:03d}"
    deep_file = _video(d / "Deep.Movie.1999.mkv")
    data = tmp_path / "data"
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(root))
    assert rc == 0, err
    assert out.startswith("1 video files seen: 1 new") and "0 skipped" in out
    assert all_paths(list_json(capsys, data)) == [str(deep_file)]


def test_depth_limit_is_a_counted_skip_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "deep"
    d = root
    for i in range(30):
        d = d / f"d{i}"
    _video(d / "Deep.1999.mkv")
    batches = list(scan([str(root)], max_depth=10))
    skipped = [s.reason for b in batches for s in b.skipped]
    assert skipped == ["too-deep"]
    assert sum(len(b.files) for b in batches) == 0


def _make_flat(folder: Path, n_videos: int, n_other: int) -> None:
    folder.mkdir(parents=True)
    fd_dir = os.open(folder, os.O_RDONLY)
    try:
        for i in range(n_videos):
            os.close(os.open(f"Clip.{i:05d}.mkv", os.O_CREAT | os.O_WRONLY, dir_fd=fd_dir))
        for i in range(n_other):
            os.close(os.open(f"note.{i:05d}.nfo", os.O_CREAT | os.O_WRONLY, dir_fd=fd_dir))
    finally:
        os.close(fd_dir)


def test_folder_of_50000_files(tmp_path: Path) -> None:
    """50,000 entries in one folder: the walk streams them in bounded batches; the library takes them."""
    root = tmp_path / "flat"
    _make_flat(root, 100, 49_900)
    started = time.monotonic()
    batches = list(scan([str(root)], batch_size=500))
    assert sum(len(b.files) for b in batches) == 100
    assert sum(b.other_files for b in batches) == 49_900
    assert max(len(b.files) for b in batches) <= 500
    lib = _lib(tmp_path)
    summary = scan_into_library(lib, [str(root)], workers=1)
    assert (summary.seen, summary.new, summary.other_files) == (100, 100, 49_900)
    assert lib.file_count() == 100
    assert time.monotonic() - started < 60


@pytest.mark.soak
@pytest.mark.timeout(3600)  # 50,000 guessit parses: ten minutes or more on 2 cores
def test_folder_of_50000_videos_soak(tmp_path: Path, capsys) -> None:
    root = tmp_path / "flat"
    _make_flat(root, 50_000, 0)
    data = tmp_path / "data"
    started = time.monotonic()
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(root))
    first = time.monotonic() - started
    assert rc == 0, err
    assert out.startswith("50000 video files seen: 50000 new")
    started = time.monotonic()
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(root))
    second = time.monotonic() - started
    assert "50000 unchanged" in out
    print(f"\n50,000 videos: first scan {first:.1f} s, rescan {second:.1f} s")
