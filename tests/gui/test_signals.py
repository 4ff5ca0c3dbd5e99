"""Ctrl+C in a terminal or `timeout` signals the program's whole process group: the window must close
itself and the program exit, leaving no process of its own behind (a scan's parser processes included)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)"),
    pytest.mark.slow,
]


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


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_to_the_process_group_ends_the_program(tmp_path, sig) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VIDEOMANAGER_DATA_DIR=str(tmp_path / "data"),
               HOME=str(tmp_path), TMPDIR=str(tmp_path))  # fmt: skip
    log = tmp_path / "stderr.txt"  # a file, not a pipe: a pipe nobody reads blocks a chatty program
    with log.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "videomanager", "--demo"], env=env,
                                start_new_session=True, stdout=subprocess.DEVNULL, stderr=err)  # fmt: skip
    try:
        time.sleep(3.0)  # the demo window is up and scanning its library
        assert proc.poll() is None, log.read_text(errors="replace")
        left = descendants(proc.pid)
        os.killpg(proc.pid, sig)
        assert proc.wait(timeout=30) is not None  # no hang
        deadline = time.monotonic() + 15
        while any(Path(f"/proc/{p}").exists() and "zombie" not in _state(p) for p in left):
            assert time.monotonic() < deadline, "a process of the program outlived it"
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
