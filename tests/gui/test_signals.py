"""Ctrl+C in a terminal or `timeout` signals the program's whole process group: the window must close
itself and the program exit, helper process included. It once hung for ever in Pool.terminate(), waiting
for the task-queue lock of a helper the signal had killed, and again when the signal killed the fork
server the helper came from (see cards_process._helper_init and ProcessBuilder.close)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def parents() -> dict[int, int]:
    out: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                out[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    return out


def descendants(pid: int) -> set[int]:
    """Every process whose parent chain leads to ``pid``."""
    tree = parents()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in tree.items() if pp in frontier} - found
        found |= frontier
    return found


def helper_running(pid: int) -> bool:
    """The cards helper: a process under ours started by multiprocessing's spawn."""
    for child in descendants(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                return True
        except OSError:
            pass
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_the_process_group_ends_the_program_and_its_helper(tmp_path, sig) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VIDEOMANAGER_DATA_DIR=str(tmp_path / "data"),
               HOME=str(tmp_path), TMPDIR=str(tmp_path))  # fmt: skip
    log = tmp_path / "stderr.txt"  # a file, not a pipe: a pipe nobody reads blocks a chatty program
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "videomanager", "--demo"], env=env,
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not helper_running(proc.pid):  # the demo scans, and the scan's cards are built by the helper
            assert proc.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the cards helper never started"
            time.sleep(0.2)
        left = descendants(proc.pid)
        time.sleep(1.0)  # the helper is idle now, waiting on its task queue (the case that hung)
        os.killpg(proc.pid, sig)
        assert proc.wait(timeout=30) is not None  # no hang
        deadline = time.monotonic() + 15
        while any(Path(f"/proc/{p}").exists() and "zombie" not in _state(p) for p in left):
            assert time.monotonic() < deadline, "a helper process outlived the program"
            time.sleep(0.2)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _state(pid: int) -> str:
    try:
        return (
            "zombie" if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z" else "alive"
        )
    except OSError:
        return "zombie"
