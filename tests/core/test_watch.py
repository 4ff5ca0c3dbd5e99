"""Watched folders, the core half: the incremental scan of changed folders (indexer.scan_changes), the
debounce of events into ready folders (ChangeQueue), and watchdog's events reaching the queue."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from tests.core.helpers import make_tree
from videomanager.core.indexer import scan_changes, scan_into_library
from videomanager.core.library import Library
from videomanager.core.watch import ChangeQueue, FolderWatch

TREE = {
    "Movies/Heat (1995)/Heat (1995).mkv": 1000,
    "Movies/Alien (1979)/Alien (1979).mkv": 1000,
    "Shows/Lost/Season 1/Lost.S01E01.mkv": 1000,
}


@pytest.fixture
def library(tmp_path):
    lib = Library(tmp_path / "lib.sqlite3")
    yield lib
    lib.close()


def _paths(lib: Library) -> dict[str, bool]:
    return {os.path.basename(f.path): f.missing for f in lib.files()}


def test_changed_folders_are_scanned_alone(tmp_path, library):
    root = tmp_path / "root"
    make_tree(root, TREE)
    scan_into_library(library, [str(root)], workers=1)
    make_tree(
        root, {"Movies/Heat (1995)/Heat (1995)-trailer.mkv": 10, "Movies/New (2001)/New (2001).mkv": 10}
    )
    os.remove(root / "Movies/Alien (1979)/Alien (1979).mkv")
    # Also new, but in a folder nobody reported: a changed-folders scan does not see it.
    make_tree(root, {"Shows/Lost/Season 1/Lost.S01E02.mkv": 10})
    s = scan_changes(
        library,
        str(root),
        {str(root / "Movies/Heat (1995)"): False, str(root / "Movies/New (2001)"): True,
         str(root / "Movies/Alien (1979)"): False},
    )  # fmt: skip
    assert (s.new, s.removed) == (2, 1)
    names = _paths(library)
    assert "Heat (1995)-trailer.mkv" in names and "New (2001).mkv" in names
    assert "Alien (1979).mkv" not in names and "Lost.S01E02.mkv" not in names
    trailer = library.file_by_path(str(root / "Movies/Heat (1995)/Heat (1995)-trailer.mkv"))
    assert trailer.role == "extra" and trailer.extra_type == "trailer"  # classified as a full scan does


def test_a_deleted_folder_takes_its_files_and_a_moved_one_keeps_them(tmp_path, library):
    root = tmp_path / "root"
    make_tree(root, TREE)
    scan_into_library(library, [str(root)], workers=1)
    heat_id = library.file_by_path(str(root / "Movies/Heat (1995)/Heat (1995).mkv")).id
    shutil.rmtree(root / "Shows/Lost")
    os.rename(root / "Movies/Heat (1995)", root / "Movies/Heat 1995")
    s = scan_changes(
        library,
        str(root),
        {str(root / "Shows"): False, str(root / "Shows/Lost"): True, str(root / "Movies"): False,
         str(root / "Movies/Heat (1995)"): True, str(root / "Movies/Heat 1995"): True},
    )  # fmt: skip
    assert (s.removed, s.moved) == (1, 1)
    assert library.file_by_path(str(root / "Movies/Heat 1995/Heat (1995).mkv")).id == heat_id


def test_a_file_being_written_is_left_alone(tmp_path, library):
    root = tmp_path / "root"
    make_tree(root, TREE)
    scan_into_library(library, [str(root)], workers=1)
    growing = root / "Movies/Big (2020).mkv"
    make_tree(root, {"Movies/Big (2020).mkv": 10})
    known = root / "Movies/Heat (1995)/Heat (1995).mkv"
    s = scan_changes(library, str(root), {str(root / "Movies"): False}, skip={str(growing)})
    assert s.new == 0 and library.file_by_path(str(growing)) is None
    s = scan_changes(library, str(root), {str(root / "Movies/Heat (1995)"): False}, skip={str(known)})
    assert s.removed == 0 and library.file_by_path(str(known)) is not None


def test_an_unplugged_drive_is_missing_never_removed(tmp_path, library):
    root = tmp_path / "drive"
    make_tree(root, TREE)
    scan_into_library(library, [str(root)], workers=1)
    shutil.rmtree(root)
    root.mkdir()  # the empty mount point stays
    s = scan_changes(library, str(root), {str(root / "Movies"): True})
    assert s.removed == 0
    assert set(_paths(library).values()) == {True} and len(_paths(library)) == 3
    root.rmdir()  # the mount point itself goes
    scan_changes(library, str(root), {str(root / "Movies"): True})
    assert len(_paths(library)) == 3


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_queue_waits_for_quiet_and_for_files_to_settle(tmp_path):
    clock = Clock()
    q = ChangeQueue(quiet=1.0, settle=2.0, max_wait=5.0, clock=clock)
    root, folder = str(tmp_path), str(tmp_path / "Movies")
    (tmp_path / "Movies").mkdir()
    big = tmp_path / "Movies" / "Big.mkv"
    big.write_bytes(b"x")
    q.note(root, str(big), is_dir=False)
    assert q.take_ready() == []  # not quiet yet
    for _ in range(10):  # a copy goes on: an event and more bytes every 0.6 s
        clock.now += 0.6
        with open(big, "ab") as fh:
            fh.write(b"x" * 100)
        q.note(root, str(big), is_dir=False)
        for ready in q.take_ready():  # after max_wait the folder is scanned, without the file
            assert ready.folders == {folder: False} and ready.skip == {str(big)}
    clock.now += 1.0
    assert [r.skip for r in q.take_ready()] == [{str(big)}]  # first look since the last write
    clock.now += 1.0
    assert [r.skip for r in q.take_ready()] == [{str(big)}]  # same size, but not settle seconds yet
    clock.now += 1.0
    ready = q.take_ready()
    assert [(r.folders, r.skip) for r in ready] == [({folder: False}, set())]
    assert not q.pending()


def test_queue_gone_folder_is_listed_from_its_parent(tmp_path):
    clock = Clock()
    q = ChangeQueue(clock=clock)
    q.note(str(tmp_path), str(tmp_path / "A" / "Sub"), is_dir=True, gone=True)
    q.note(str(tmp_path), str(tmp_path / "A" / "New"), is_dir=True)
    clock.now += 2
    (ready,) = q.take_ready()
    assert ready.folders == {str(tmp_path / "A"): False, str(tmp_path / "A" / "Sub"): True,
                             str(tmp_path / "A" / "New"): True}  # fmt: skip


@pytest.mark.slow
def test_watchdog_events_reach_the_queue(tmp_path):
    root = tmp_path / "root"
    (root / "Movies").mkdir(parents=True)
    q = ChangeQueue(quiet=0.3, settle=0.5)
    watch = FolderWatch(q)
    try:
        assert watch.set_roots([str(root)]) == [str(root)]
        make_tree(root, {"Movies/Heat (1995).mkv": 10, "New Folder/Alien (1979).mkv": 10})
        found: dict[str, bool] = {}
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (
            str(root / "Movies") in found and str(root / "New Folder") in found
        ):
            for r in q.take_ready():
                found.update(r.folders)
            time.sleep(0.1)
        assert found.get(str(root / "New Folder")) is True and str(root / "Movies") in found
        shutil.rmtree(root)
        assert watch.check_roots() == ([str(root)], [])
        make_tree(root, {"Movies/Heat (1995).mkv": 10})
        assert watch.check_roots() == ([], [str(root)])
    finally:
        watch.stop()
