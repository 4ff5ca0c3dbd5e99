"""Shared helpers for the benchmark scripts: machine facts, timing, memory sampling, the bare directory
walk used as a baseline, the fake TMDb and a client wired to it, and result files.

Benchmarks are scripts, not tests: each prints its figures and writes them as JSON under
``/tmp/vm_bench/results`` so RESULTS.md can be written from them. Every figure is reported as a ratio
against a baseline measured in the same run, because the machine is shared and noisy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# VM_BENCH_REPO measures another checkout (a patched copy) with the same scripts.
REPO = Path(os.environ.get("VM_BENCH_REPO") or Path(__file__).resolve().parent.parent)
if str(REPO) not in sys.path:  # run as `python bench/x.py` from anywhere
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))

WORK = Path(os.environ.get("VM_BENCH_DIR", "/tmp/vm_bench"))
RESULTS = WORK / "results"


def machine() -> dict[str, Any]:
    """nproc, python, CPU model, load average and the date: the header of every result."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "cpu": cpu,
        "loadavg": os.getloadavg(),
    }


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """``with timed() as t: ...`` then ``t["s"]`` holds the wall seconds."""
    out: dict[str, float] = {}
    start = time.perf_counter()
    try:
        yield out
    finally:
        out["s"] = time.perf_counter() - start


def maxrss_mb() -> dict[str, float]:
    """getrusage high-water marks (Linux reports KiB): this process, and waited-for descendants."""
    return {
        "self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _parents() -> dict[int, list[int]]:
    """ppid -> children, from /proc/<pid>/stat (the kernel here has no /proc/<pid>/task/*/children)."""
    out: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        out.setdefault(ppid, []).append(int(name))
    return out


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, ValueError, IndexError):
        return 0


class TreeRss:
    """Samples the RSS of this process and all its descendants (pool workers are grandchildren under
    forkserver, so RUSAGE_CHILDREN never sees them): the peak of the sum, and each process's VmHWM."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_total_kb = 0
        self.hwm_kb: dict[int, int] = {}
        # CPU seconds (user + system) of each process, last seen: on a shared, oversubscribed machine
        # CPU time per file is a steadier figure than wall time.
        self.cpu_ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree(self) -> list[int]:
        parents = _parents()
        pids, todo = [], [os.getpid()]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo.extend(parents.get(pid, ()))
        return pids

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                total += _status_kb(pid, "VmRSS:")
                self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), _status_kb(pid, "VmHWM:"))
                self.cpu_ticks[pid] = max(self.cpu_ticks.get(pid, 0), _cpu_ticks(pid))
            self.peak_total_kb = max(self.peak_total_kb, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> TreeRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self) -> dict[str, float]:
        me = os.getpid()
        others = [v for p, v in self.hwm_kb.items() if p != me]
        return {
            "tree_peak_mb": self.peak_total_kb / 1024,
            "self_hwm_mb": self.hwm_kb.get(me, 0) / 1024,
            "max_child_hwm_mb": max(others, default=0) / 1024,
            "processes_seen": len(self.hwm_kb),
            "children_cpu_s": sum(v for p, v in self.cpu_ticks.items() if p != me) / _TICKS,
        }


def bare_walk(root: str) -> tuple[int, int]:
    """The baseline: an iterative os.scandir walk that stats every file. Returns (files, folders)."""
    files = dirs = 0
    stack = [root]
    while stack:
        d = stack.pop()
        dirs += 1
        try:
            with os.scandir(d) as it:
                for e in it:
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)
                    else:
                        e.stat()
                        files += 1
        except OSError:
            continue
    return files, dirs


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy of a SQLite library (WAL included), via the backup API."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(src) as s, sqlite3.connect(dst) as d:
        s.backup(d)


def save(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, default=str))
    return path


def show(label: str, value: Any, unit: str = "", note: str = "") -> None:
    v = (
        f"{value:,.3f}"
        if isinstance(value, float)
        else f"{value:,}"
        if isinstance(value, int)
        else str(value)
    )
    print(f"  {label:<48} {v:>14} {unit:<8} {note}", flush=True)


# -- the fake TMDb and a client pointed at it ---------------------------------------------------------


def start_fake(catalog: dict | None = None, latency: float = 0.05, rate_limit: float | None = 40.0):
    """A started FakeTMDb with the given custom catalog (or its built-in one)."""
    from videomanager.testing.fake_tmdb import FakeTMDb

    kw: dict[str, Any] = {"latency": latency}
    if catalog is not None:
        kw["movies"] = catalog.get("movies", [])
        kw["shows"] = catalog.get("shows", [])
    fake = FakeTMDb(**kw).start()
    fake.faults.rate_limit = rate_limit
    return fake


def make_client(fake, rate: float, cache_path: Path | None, budget_store=None, burst: float | None = None):
    """The real TMDbClient at ``rate`` requests/s, with an on-disk response cache (None: no cache)."""
    from videomanager.tmdb import DailyBudget, ResponseCache, TMDbClient
    from videomanager.tmdb.ratelimit import RateLimiter

    return TMDbClient(
        api_key=fake.API_KEY,
        base_url=fake.base_url,
        limiter=RateLimiter(rate_per_second=rate, burst=burst),
        cache=ResponseCache(cache_path),
        budget=DailyBudget(0, budget_store) if budget_store is not None else None,
    )


def send_rate(sends: list[float]) -> float:
    """Requests per second over the span of the given send times (first to last)."""
    if len(sends) < 2:
        return 0.0
    return (len(sends) - 1) / (max(sends) - min(sends))


def max_in_window(sends: list[float], window: float) -> int:
    """The most send times falling in any half-open window of ``window`` seconds."""
    times = sorted(sends)
    best = lo = 0
    for hi, t in enumerate(times):
        while t - times[lo] >= window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best
