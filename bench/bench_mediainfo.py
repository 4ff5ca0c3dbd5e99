"""Media info benchmark: a 10,000-file library (200 real small media files among sparse placeholders).

Measures, against a baseline run on the same files in the same run (a bare read of each file's first 4 KiB):
- the library's first media read (core.mediainfo.MediaReader, its thread pool, its batched writes), in
  files per second (target >= 200 files/s);
- a second run (target: nothing read);
- the same first read started by the real MainWindow (offscreen) while its grid is scrolled page by page:
  a 5 ms QTimer records the longest gap between its ticks, i.e. the longest the event loop was blocked
  (target: no stall > 50 ms), and the card updates the read caused are applied meanwhile.
The load average is recorded before and after: the machine is shared.

    python bench/bench_mediainfo.py [--files 10000] [--media 200] [--out bench/RESULTS_mediainfo.md]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MEDIA = ROOT / "tests" / "data" / "media"
RES = ("480p", "720p", "1080p", "2160p")


def build(root: Path, n: int, real: int, seed: int = 7) -> list[Path]:
    """n video files: ``real`` copies of the committed test media, the rest sparse placeholders (a name, then
    gigabytes of nothing), one film folder each."""
    rng = random.Random(seed)
    sources = sorted(p for p in MEDIA.iterdir() if p.suffix in (".mkv", ".mp4", ".avi", ".ts"))
    chosen = set(rng.sample(range(n), real))
    out = []
    for i in range(n):
        year = 1930 + i % 90
        folder = root / f"Film Number {i:05d} ({year})"
        folder.mkdir(parents=True, exist_ok=True)
        if i in chosen:
            src = sources[i % len(sources)]
            path = folder / f"Film.Number.{i:05d}.{year}{src.suffix}"
            shutil.copyfile(src, path)
        else:
            path = folder / f"Film.Number.{i:05d}.{year}.{RES[i % 4]}.mkv"
            with open(path, "wb") as fh:
                fh.write(path.name.encode() + b"\n")
                fh.truncate(rng.randint(1, 8) * 1024**3)
        out.append(path)
    return out


def store_files(lib, root: Path, paths: list[Path]) -> None:
    """The files into the library as a scan writes them, parsed from their regular names without guessit (a
    scan of 10,000 names with guessit takes minutes here; what is measured starts after it)."""
    from videomanager.core.keys import lookup_key
    from videomanager.core.library import NewFile
    from videomanager.core.models import ROLE_VERSION, Parsed

    files = []
    for p in paths:
        st = p.stat()
        parts = p.name.split(".")
        parsed = Parsed(title=f"Film Number {parts[2]}", year=int(parts[3]),
                        resolution=parts[4] if parts[4] in RES else None)  # fmt: skip
        files.append(NewFile(path=str(p), root=str(root), size=st.st_size, mtime=st.st_mtime, role=ROLE_VERSION,
                             extra_type=None, stack_key=None, part=None, parsed=parsed,
                             lookup_key=lookup_key(parsed, ROLE_VERSION)))  # fmt: skip
    lib.add_roots([str(root)])
    for start in range(0, len(files), 2000):
        lib.upsert_files(files[start : start + 2000])


def baseline(paths: list[Path]) -> float:
    """Seconds to open each file and read its first 4 KiB (what any reader must at least do)."""
    started = time.perf_counter()
    for p in paths:
        with open(p, "rb") as fh:
            fh.read(4096)
    return time.perf_counter() - started


def core_runs(db: Path) -> dict:
    from videomanager.core.library import Library
    from videomanager.core.mediainfo import MediaReader

    lib = Library(db)
    started = time.perf_counter()
    first = MediaReader(lib).run()
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = MediaReader(lib).run()
    second_s = time.perf_counter() - started
    lib.close()
    return {"first": first, "first_s": first_s, "second": second, "second_s": second_s}


def gui_run(data: Path, n_cards: int, workers: int | None = None, hold_s: float = 0.0) -> dict:
    """The window reads the media info at start-up while its grid is scrolled; the longest event-loop gap.
    On a library read already, the same scroll for ``hold_s`` seconds is the baseline (nothing to read)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from videomanager.core.library import Library
    from videomanager.core.settings import Settings
    from videomanager.gui import media_actions
    from videomanager.gui.app import configure_process
    from videomanager.gui.main_window import MainWindow

    if workers:
        media_actions.MEDIA_WORKERS = workers

    app = QApplication.instance() or QApplication([])
    configure_process()  # as the program's entry point does
    library = Library(data / "library.sqlite3")
    w = MainWindow(library, Settings(), posters_dir=data / "posters", ui_state_path=data / "window.ini",
                   auto_identify=False)  # fmt: skip
    w.resize(1280, 820)
    w.show()
    gaps: list[float] = []
    state = {
        "last": time.perf_counter(),
        "scrolls": 0,
        "done": None,
        "started": time.perf_counter(),
        "diffs": 0,
    }
    summary: dict = {}
    w.cards_job.worker.diff_ready.connect(lambda d: state.__setitem__("diffs", state["diffs"] + bool(d)))
    if w._media_job is not None:
        w._media_job.worker.finished.connect(lambda s: summary.update(s))
    bar = w.view.verticalScrollBar()

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - state["last"])
        state["last"] = now

    def scroll() -> None:
        bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
        state["scrolls"] += 1
        settled = w.is_settled() and w.model.rowCount() >= n_cards
        if hold_s and settled and time.perf_counter() - state["started"] >= hold_s and state["done"] is None:
            state["done"] = time.perf_counter()
            app.quit()
        if not hold_s and state["done"] is None and settled and summary:
            state["done"] = time.perf_counter()
            QTimer.singleShot(500, app.quit)  # half a second more of scrolling once everything is applied

    ticker, scroller = QTimer(), QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    scroller.setInterval(16)
    scroller.timeout.connect(scroll)
    ticker.start()
    scroller.start()
    QTimer.singleShot(180_000, app.quit)
    app.exec()
    ticker.stop()
    scroller.stop()
    w.shutdown()
    library.close()
    gaps.sort()
    return {
        "max_gap_ms": gaps[-1] * 1000 if gaps else 0.0,
        "p99_ms": gaps[int(len(gaps) * 0.99)] * 1000 if gaps else 0.0,
        "gaps_over_50": sum(g > 0.05 for g in gaps),
        "ticks": len(gaps),
        "scrolls": state["scrolls"],
        "diffs": state["diffs"],
        "seconds": (state["done"] or time.perf_counter()) - state["started"],
        "summary": summary,
    }


def gui_child(data: Path, n: int, workers: int, hold: float) -> dict:
    """One window run in a fresh process (Python and Qt state of its own)."""
    out = subprocess.run([sys.executable, __file__, "--files", str(n), "--gui-child", str(data), str(workers),
                          str(hold)], capture_output=True, text=True, check=True).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def gui_pair(work: Path, n: int, workers: int) -> tuple[dict, dict]:
    """The window reading the unread library while scrolling, then the same scroll on the library read
    (the baseline: nothing to read) for as long."""
    shutil.rmtree(work / "gui-data", ignore_errors=True)
    shutil.copytree(work / "pristine", work / "gui-data")
    reading = gui_child(work / "gui-data", n, workers, 0.0)
    return reading, gui_child(work / "gui-data", n, workers, reading["seconds"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--media", type=int, default=200)
    ap.add_argument("--work", default="/tmp/vm_bench/mediainfo")
    ap.add_argument("--out", default=None)
    ap.add_argument(
        "--gui-only", action="store_true", help="the window's run again on the library built before"
    )
    ap.add_argument("--gui-child", nargs=3, metavar=("DATA", "WORKERS", "HOLD"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = Path(args.work)
    if args.gui_child:
        data, workers, hold = args.gui_child
        print(json.dumps(gui_run(Path(data), args.files, int(workers) or None, float(hold))))
        return
    if args.gui_only:
        for workers in (1, 2):
            print(f"workers {workers}", os.getloadavg(), gui_pair(work, args.files, workers))
        return
    shutil.rmtree(work, ignore_errors=True)
    lib_root, data = work / "films", work / "data"
    data.mkdir(parents=True)
    load_before = os.getloadavg()
    t = time.perf_counter()
    paths = build(lib_root, args.files, args.media)
    build_s = time.perf_counter() - t

    from videomanager.core.cards import CardStore
    from videomanager.core.library import Library

    lib = Library(data / "library.sqlite3")
    t = time.perf_counter()
    store_files(lib, lib_root, paths)
    CardStore(lib).update()  # as `videomanager scan` leaves it: the window shows the stored cards
    scan_s = time.perf_counter() - t
    n_cards = len(CardStore(lib).stored())
    lib.close()
    shutil.copytree(data, work / "pristine")  # the same library, not read yet, for the window's runs

    base_s = baseline(paths)
    core = core_runs(data / "library.sqlite3")
    gui, base_gui = gui_pair(work, n_cards, 0)
    load_after = os.getloadavg()
    report = render(args, build_s, scan_s, base_s, core, gui, base_gui, load_before, load_after)
    print(report)
    if args.out:
        Path(args.out).write_text(report)


def render(args, build_s, scan_s, base_s, core, gui, base_gui, load_before, load_after) -> str:
    n = args.files
    first, second = core["first"], core["second"]
    rate = first.total / core["first_s"]
    base_rate = n / base_s
    g = gui["summary"]
    gui_rate = g.get("total", 0) / g["seconds"] if g.get("seconds") else 0.0
    lines = [
        f"{n:,} video files ({args.media} real small media files, the rest sparse placeholders of 1-8 GB named "
        f"like films); library built in {build_s:.1f} s, stored in the library (as a scan does, names parsed without guessit) "
        f"in {scan_s:.1f} s (not measured below).",
        f"Load average: {'/'.join(f'{x:.2f}' for x in load_before)} before, "
        f"{'/'.join(f'{x:.2f}' for x in load_after)} after, on {os.cpu_count()} cores (shared with other work).",
        "",
        "| measure | target | result | baseline (first 4 KiB of each file) | ratio |",
        "|---|---|---|---|---|",
        f"| first media read, whole library | >= 200 files/s | {rate:,.0f} files/s ({first.total:,} files in "
        f"{core['first_s']:.2f} s: {first.read} read, {first.not_media:,} not media, {first.unreadable} unreadable) "
        f"| {base_rate:,.0f} files/s ({base_s:.2f} s) | {rate / base_rate:.2f}x |",
        f"| second run | reads nothing | {second.total} files read in {core['second_s'] * 1000:.0f} ms | | |",
        f"| the window's read at start-up, while its grid scrolls | >= 200 files/s | {gui_rate:,.0f} files/s "
        f"({g.get('total', 0):,} files in {g.get('seconds', 0):.2f} s) | {base_rate:,.0f} files/s | "
        f"{gui_rate / base_rate:.2f}x |",
        f"| longest event-loop stall meanwhile | < 50 ms | {gui['max_gap_ms']:.1f} ms | the same scroll, nothing "
        f"to read: {base_gui['max_gap_ms']:.1f} ms | {gui['max_gap_ms'] / base_gui['max_gap_ms']:.2f}x |",
        f"| 99th percentile of the event-loop gaps | < 50 ms | {gui['p99_ms']:.1f} ms | {base_gui['p99_ms']:.1f} ms "
        f"| {gui['p99_ms'] / base_gui['p99_ms']:.2f}x |",
        f"| gaps over 50 ms | 0 | {gui['gaps_over_50']} of {gui['ticks']} ticks | {base_gui['gaps_over_50']} of "
        f"{base_gui['ticks']} ticks | |",
        "",
        f"Window run: {n_cards_text(gui)}; {gui['scrolls']} page scrolls, {gui['ticks']} timer ticks of 5 ms, "
        f"{gui['gaps_over_50']} gaps over 50 ms, {gui['diffs']} card updates applied while reading; "
        f"{gui['seconds']:.1f} s from the window's start until every change was applied.",
    ]
    return "\n".join(lines) + "\n"


def n_cards_text(gui) -> str:
    return f"media read of {gui['summary'].get('total', 0):,} files"


if __name__ == "__main__":
    main()
