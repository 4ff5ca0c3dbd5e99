"""The cards worker regroups without garbage-collector pauses: a regroup of every card allocates a large
transient heap, and each full collection it triggers holds the GIL (so the GUI thread) for tens of ms."""

from __future__ import annotations

import gc

import pytest

from videomanager.core.keys import lookup_key
from videomanager.core.library import Library, NewFile
from videomanager.core.models import ROLE_VERSION, Parsed
from videomanager.gui.workers import CardsWorker, no_collection_pauses


def _library(tmp_path, n: int) -> Library:
    lib = Library(tmp_path / "lib.sqlite3")
    root = "/films"
    files = []
    for i in range(n):
        parsed = Parsed(title=f"Film Number {i:05d}", year=1930 + i % 90, resolution="1080p")
        files.append(NewFile(path=f"{root}/Film {i:05d}/Film.{i:05d}.mkv", root=root, size=i + 1, mtime=0.0,
                             role=ROLE_VERSION, extra_type=None, stack_key=None, part=None, parsed=parsed,
                             lookup_key=lookup_key(parsed, ROLE_VERSION)))  # fmt: skip
    lib.add_roots([root])
    lib.upsert_files(files)
    return lib


@pytest.mark.slow
def test_a_regroup_of_every_card_runs_no_collection(tmp_path, qapp):
    lib = _library(tmp_path, 3000)
    worker = CardsWorker(lib)
    diffs = []
    worker.diff_ready.connect(diffs.append)
    during: list[int] = []  # collections that start before the regroup's cards are sent

    def note(phase: str, info: dict) -> None:
        if phase == "start" and not diffs:
            during.append(info["generation"])

    gc.callbacks.append(note)
    try:
        worker.refresh()  # the first regroup: 3,000 cards built and stored
    finally:
        gc.callbacks.remove(note)
        lib.close()
    assert len(diffs[-1].inserted) == 3000
    assert during == [] and gc.isenabled()


def test_collection_pauses_come_back_when_the_last_block_ends():
    with no_collection_pauses():
        with no_collection_pauses():
            assert not gc.isenabled()
        assert not gc.isenabled()  # another block (another thread's) still runs
    assert gc.isenabled()
