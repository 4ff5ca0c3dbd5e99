"""A scan killed mid-way must not leave its parser processes behind (they would hold ~40 MB each)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killed_scan_takes_its_parser_processes_with_it(tmp_path: Path) -> None:
    root = tmp_path / "videos"
    for i in range(1500):
        p = root / f"Film {i} ({1950 + i % 70})" / f"Film.{i}.{1950 + i % 70}.1080p.BluRay.x264-GRP.mkv"
        p.parent.mkdir(parents=True)
        p.write_bytes(b"x")
    env = dict(os.environ, VIDEOMANAGER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen([sys.executable, "-m", "videomanager", "scan", str(root), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = {c for c in _children(proc.pid) if _alive(c)}
        time.sleep(0.1)
    if proc.poll() is not None:
        pytest.skip("the scan finished before its workers could be seen")
    assert workers, "the scan started no parser process"
    time.sleep(1.0)  # let the workers get past their start-up
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, f"parser processes outlived the killed scan: {left}"
