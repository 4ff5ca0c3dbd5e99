"""Card pipeline benchmark: what one change costs on its way from the library to the grid.

On a library of 30,000 identified films shown in the real MainWindow (offscreen), measures:
- one identify result: one title re-matched (its title and lookup rows written on another thread, as identify
  writes them), then the window told; time from the write to the grid showing the new title;
- a 1,000-file scan batch: 1,000 new files written on another thread (as the scanner writes a batch), then the
  window told; time from the write to the grid showing the 1,000 new cards;
- for each, the longest the GUI thread's event loop was blocked meanwhile (a 5 ms timer's longest gap).
Each is repeated and the median kept. ``--code DIR`` runs the measurement against another checkout of the
project (e.g. an older commit in a git worktree), so that two versions are compared in the same run:

    python bench/bench_pipeline.py [--cards 30000] [--repeat 5] [--code DIR ...] [--out FILE]

The baseline of each run is the same window doing nothing for the same time (its own longest gap).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_library(data: Path, n: int) -> None:
    """n identified films (one or two versions each), with titles, written in bulk, then the cards built
    once (what a first scan + identify leaves behind)."""
    from videomanager.core.keys import lookup_key
    from videomanager.core.library import Library, NewFile
    from videomanager.core.models import ROLE_VERSION, Parsed

    lib = Library(data / "library.sqlite3")
    files: list[NewFile] = []
    resolutions = ["480p", "720p", "1080p", "2160p"]
    for i in range(n):
        title, year = f"Film Number {i:05d}", 1920 + i % 100
        for v in range(1 + (i % 5 == 0)):
            parsed = Parsed(title=title, year=year, resolution=resolutions[(i + v) % 4])
            path = f"/media/films/{title} ({year})/{title}.{year}.{parsed.resolution}.v{v}.mkv"
            files.append(NewFile(path=path, root="/media/films", size=1_000_000_000 + i, mtime=0.0,
                                 role=ROLE_VERSION, extra_type=None, stack_key=None, part=None, parsed=parsed,
                                 lookup_key=lookup_key(parsed, ROLE_VERSION)))  # fmt: skip
    for start in range(0, len(files), 5000):
        lib.upsert_files(files[start : start + 5000])
    keys = {f.lookup_key: int(f.parsed.title.split()[-1]) for f in files}
    with lib.transaction() as c:
        c.executemany(
            "UPDATE lookups SET state='matched', tmdb_id=?, kind='movie', confidence=0.95, reasons='title, year', "
            "done_at=1 WHERE key=?",
            [(tid + 1, key) for key, tid in keys.items()],
        )
        c.executemany(
            "INSERT OR REPLACE INTO titles(kind, tmdb_id, data, fetched_at) VALUES ('movie', ?, ?, 1)",
            [(i + 1, json.dumps({"id": i + 1, "title": f"Film Number {i:05d}",
                                 "release_date": f"{1920 + i % 100}-01-01"})) for i in range(n)],
        )  # fmt: skip
    _store_cards(lib)
    lib.close()


def _store_cards(lib) -> None:
    try:  # the card store (one row per card, kept up to date incrementally)
        from videomanager.core.cards import CardStore

        CardStore(lib).update()
    except ImportError:  # older code: the whole list stored as one JSON text
        from videomanager.core.grouping import cards_json

        cards_json(lib)


def full_regroup(data: Path) -> float:
    """Seconds to group the whole library in this process (what every change cost when cards were rebuilt
    from scratch, and what the card store still does once on a new format)."""
    from videomanager.core.grouping import cards_from_library
    from videomanager.core.library import Library

    lib = Library(data / "library.sqlite3")
    started = time.perf_counter()
    cards_from_library(lib)
    seconds = time.perf_counter() - started
    lib.close()
    return seconds


def _window(data: Path):
    import inspect

    from videomanager.core.library import Library
    from videomanager.core.settings import Settings
    from videomanager.gui.main_window import MainWindow

    library = Library(data / "library.sqlite3")
    kw = {"posters_dir": data / "posters", "ui_state_path": data / "window.ini", "auto_identify": False}
    params = inspect.signature(MainWindow).parameters
    if "cards_in_process" in params:  # older code: its helper process and snapshot file, as the app ran it
        kw.update(cards_in_process=True, snapshot_path=data / "cards.snapshot")
    return MainWindow(library, Settings(), **kw)


def child(data: Path, n: int, repeat: int) -> None:
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from videomanager.core.keys import lookup_key
    from videomanager.core.library import NewFile
    from videomanager.core.models import ROLE_VERSION, Parsed

    app = QApplication([])
    try:
        from videomanager.gui.app import configure_process

        configure_process()  # as the program's entry point does
    except ImportError:  # older code: the window's constructor did it
        pass
    window = _window(data)
    window.resize(1280, 820)
    window.show()
    lib = window.library
    gap = {"last": time.perf_counter(), "max": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        gap["max"] = max(gap["max"], now - gap["last"])
        gap["last"] = now

    stall = QTimer()
    stall.setInterval(5)
    stall.timeout.connect(tick)
    results: dict[str, list] = {"identify_ms": [], "identify_gap_ms": [], "batch_ms": [], "batch_gap_ms": [],
                                "idle_gap_ms": []}  # fmt: skip
    state = {"step": 0, "t0": 0.0}

    def begin() -> None:
        gap["last"], gap["max"] = time.perf_counter(), 0.0
        state["t0"] = time.perf_counter()

    def identify_one() -> None:
        i = state["step"] * 7
        key = lookup_key(Parsed(title=f"Film Number {i:05d}", year=1920 + i % 100), ROLE_VERSION)
        new_title = f"Renamed Film {i:05d}"
        begin()
        tid = 900_000 + i
        in_background(lambda: (
            lib.save_title("movie", tid, {"id": tid, "title": new_title, "release_date": "2001-01-01"}),
            lib.save_lookup(key, state="matched", tmdb_id=tid, kind="movie", confidence=0.9, reasons="bench"),
        ))  # fmt: skip
        wait(lambda: getattr(window.model.card(f"movie:{tid}"), "title", None) == new_title, "identify")

    def batch() -> None:
        i = state["step"]
        files = []
        for j in range(1000):
            parsed = Parsed(title=f"New Film {i} {j:04d}", year=2020, resolution="1080p")
            files.append(NewFile(path=f"/media/new{i}/New Film {i} {j:04d} (2020)/new.{j}.mkv", root="/media/films",
                                 size=10 + j, mtime=0.0, role=ROLE_VERSION, extra_type=None, stack_key=None,
                                 part=None, parsed=parsed, lookup_key=lookup_key(parsed, ROLE_VERSION)))  # fmt: skip
        want = window.model.rowCount() + 1000
        begin()
        in_background(lambda: lib.upsert_files(files))
        wait(lambda: window.model.rowCount() >= want, "batch")

    class Writer(QObject):
        written = Signal()

    writer = Writer()
    writer.written.connect(window.request_refresh)  # emitted from the writing thread: queued to this one

    def in_background(write) -> None:
        """Write as the scan and identify threads do (off the GUI thread), then tell the window, as they do."""

        def run() -> None:
            write()
            writer.written.emit()

        threading.Thread(target=run, daemon=True).start()

    def wait(done, name: str) -> None:
        if not done():
            QTimer.singleShot(1, lambda: wait(done, name))
            return
        results[f"{name}_ms"].append((time.perf_counter() - state["t0"]) * 1000)
        results[f"{name}_gap_ms"].append(gap["max"] * 1000)
        QTimer.singleShot(300, next_step)

    plan = ["idle"] + ["identify"] * repeat + ["batch"] * repeat

    def idle() -> None:
        begin()

        def end() -> None:
            results["idle_gap_ms"].append(gap["max"] * 1000)
            next_step()

        QTimer.singleShot(1000, end)

    def next_step() -> None:
        if not plan:
            stall.stop()
            print("RESULT " + json.dumps(results), flush=True)
            window.shutdown() if hasattr(window, "shutdown") else window.close()
            app.quit()
            return
        what = plan.pop(0)
        state["step"] += 1
        {"idle": idle, "identify": identify_one, "batch": batch}[what]()

    def populated() -> None:
        if window.model.rowCount() < n:
            QTimer.singleShot(20, populated)
            return
        stall.start()
        QTimer.singleShot(2000, next_step)  # let start-up work settle

    QTimer.singleShot(0, populated)
    app.exec()


def run(code: Path, n: int, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code), QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="vm-bench-pipeline-") as tmp:
        built = subprocess.run([sys.executable, __file__, "--build", tmp, "--cards", str(n)], env=env, check=True,
                               capture_output=True, text=True)  # fmt: skip
        full = json.loads(next(x for x in built.stdout.splitlines() if x.startswith("FULL "))[5:])
        out = subprocess.run(
            [sys.executable, __file__, "--child", tmp, "--cards", str(n), "--repeat", str(repeat)],
            env=env, check=True, capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT "))
    raw = json.loads(line[7:])
    return {k: statistics.median(v) for k, v in raw.items() if v} | {"full_regroup_s": full, "raw": raw}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cards", type=int, default=30_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--code", action="append", type=Path, help="a checkout of the project to measure")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.build:
        build_library(args.build, args.cards)
        print("FULL " + json.dumps(full_regroup(args.build)), flush=True)
        return
    if args.child:
        child(args.child, args.cards, args.repeat)
        return
    codes = args.code or [ROOT]
    rows = []
    for code in codes:
        started = time.time()
        r = run(code.resolve(), args.cards, args.repeat)
        rows.append((code, r, time.time() - started))
        print(code, json.dumps({k: round(v, 1) for k, v in r.items() if k != "raw"}), flush=True)
    lines = [
        f"Card pipeline, {args.cards:,} cards, median of {args.repeat} (`python bench/bench_pipeline.py`, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        "| code | one identify result -> grid (ms) | longest GUI stall (ms) | 1,000-file batch -> grid (ms) "
        "| longest GUI stall (ms) | idle window's longest gap (ms) | full regroup in-process (s) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for code, r, _ in rows:
        lines.append(
            f"| `{code}` | {r['identify_ms']:.0f} | {r['identify_gap_ms']:.0f} | {r['batch_ms']:.0f} "
            f"| {r['batch_gap_ms']:.0f} | {r['idle_gap_ms']:.0f} | {r['full_regroup_s']:.2f} |"
        )
    if len(rows) == 2:
        a, b = rows[0][1], rows[1][1]
        lines.append("")
        lines.append(
            f"Ratio (first / second): identify {a['identify_ms'] / b['identify_ms']:.1f}x, "
            f"batch {a['batch_ms'] / b['batch_ms']:.1f}x"
        )
    load = os.getloadavg()
    lines += [
        "",
        f"Machine load average at the end: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text)


if __name__ == "__main__":
    main()
