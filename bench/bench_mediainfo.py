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


def gui_run(data: Path, n_cards: int, mode: str, hold_s: float = 0.0) -> dict:
    """The window on ``data`` while its grid is scrolled page by page; a 5 ms timer notes the event loop's gaps.

    mode "read": the library is not read yet: the window reads it at start-up, then applies the cards it
    changed; "idle": the same scroll for ``hold_s`` seconds, nothing to read; "rebuild": the same scroll while
    a thread regroups every card of the library (the card store's own cost of a change to every card)."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from videomanager.core.cards import CardStore
    from videomanager.core.library import Library
    from videomanager.core.settings import Settings
    from videomanager.gui.app import configure_process
    from videomanager.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    configure_process()  # as the program's entry point does
    library = Library(data / "library.sqlite3")
    w = MainWindow(library, Settings(), posters_dir=data / "posters", ui_state_path=data / "window.ini",
                   auto_identify=False)  # fmt: skip
    w.resize(1280, 820)
    w.show()
    t0 = time.perf_counter()
    gaps: list[tuple[float, float]] = []  # (time the gap ended, gap)
    state: dict = {"last": t0, "scrolls": 0, "done": None, "diffs": 0, "phase": None}
    summary: dict = {}
    w.cards_job.worker.diff_ready.connect(lambda d: state.__setitem__("diffs", state["diffs"] + bool(d)))
    if w._media_job is not None and mode == "read":
        w._media_job.worker.finished.connect(
            lambda s: (summary.update(s), state.__setitem__("phase", time.perf_counter()))
        )
    bar = w.view.verticalScrollBar()

    def rebuild() -> None:
        CardStore(library).rebuild()
        state["phase"] = time.perf_counter()

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now, now - state["last"]))
        state["last"] = now

    def scroll() -> None:
        bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
        state["scrolls"] += 1
        if state["done"] is not None or not (w.is_settled() and w.model.rowCount() >= n_cards):
            return
        if mode == "idle" and time.perf_counter() - t0 >= hold_s:
            state["done"] = time.perf_counter()
            app.quit()
        elif mode == "rebuild" and "thread" not in state:
            state["thread"] = threading.Thread(target=rebuild, daemon=True)
            state["thread"].start()
        elif state["phase"] is not None and (mode == "read" and summary or mode == "rebuild"):
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
    split = state["phase"] or float("inf")
    every = sorted(g for _t, g in gaps)
    return {
        "max_gap_ms": every[-1] * 1000 if every else 0.0,
        "p99_ms": every[int(len(every) * 0.99)] * 1000 if every else 0.0,
        "max_before_ms": max((g for t, g in gaps if t <= split), default=0.0) * 1000,
        "max_after_ms": max((g for t, g in gaps if t > split), default=0.0) * 1000,
        "gaps_over_50": sum(g > 0.05 for g in every),
        "gaps_over_40_at_s": [(round(t - t0, 2), round(g * 1000, 1)) for t, g in gaps if g > 0.04],
        "ticks": len(every),
        "scrolls": state["scrolls"],
        "diffs": state["diffs"],
        "seconds": (state["done"] or time.perf_counter()) - t0,
        "phase_s": (split - t0) if state["phase"] else None,
        "summary": summary,
    }


def gui_child(data: Path, n: int, mode: str, hold: float = 0.0) -> dict:
    """One window run in a fresh process (Python and Qt state of its own)."""
    out = subprocess.run([sys.executable, __file__, "--files", str(n), "--gui-child", str(data), mode, str(hold)],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def gui_runs(work: Path, n: int) -> dict:
    """The window reading the unread library while scrolling; then, on the library read, the same scroll with
    nothing to read (as long), and with a regroup of every card (the card store's cost of such a change)."""
    shutil.rmtree(work / "gui-data", ignore_errors=True)
    shutil.copytree(work / "pristine", work / "gui-data")
    reading = gui_child(work / "gui-data", n, "read")
    idle = gui_child(work / "gui-data", n, "idle", reading["seconds"])
    rebuild = gui_child(work / "gui-data", n, "rebuild")
    return {"read": reading, "idle": idle, "rebuild": rebuild}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--media", type=int, default=200)
    ap.add_argument("--work", default="/tmp/vm_bench/mediainfo")
    ap.add_argument("--out", default=None)
    ap.add_argument(
        "--gui-only", action="store_true", help="the window's run again on the library built before"
    )
    ap.add_argument("--gui-child", nargs=3, metavar=("DATA", "MODE", "HOLD"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = Path(args.work)
    if args.gui_child:
        data, mode, hold = args.gui_child
        print(json.dumps(gui_run(Path(data), args.files, mode, float(hold))))
        return
    if args.gui_only:
        print(os.getloadavg(), json.dumps(gui_runs(work, args.files), indent=1))
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
    gui = gui_runs(work, n_cards)
    load_after = os.getloadavg()
    report = render(args, build_s, scan_s, base_s, core, gui, load_before, load_after)
    print(report)
    if args.out:
        Path(args.out).write_text(report)


def render(args, build_s, scan_s, base_s, core, gui, load_before, load_after) -> str:
    n = args.files
    first, second = core["first"], core["second"]
    rate = first.total / core["first_s"]
    base_rate = n / base_s
    read, idle, rebuild = gui["read"], gui["idle"], gui["rebuild"]
    g = read["summary"]
    gui_rate = g.get("total", 0) / g["seconds"] if g.get("seconds") else 0.0

    def ms(x: float) -> str:
        return f"{x:.1f} ms"

    lines = [
        f"{n:,} video files ({args.media} real small media files, the rest sparse placeholders of 1-8 GB named "
        f"like films); library built in {build_s:.1f} s, stored in the library (as a scan does, names parsed "
        f"without guessit) in {scan_s:.1f} s (not measured below).",
        f"Load average: {'/'.join(f'{x:.2f}' for x in load_before)} before, "
        f"{'/'.join(f'{x:.2f}' for x in load_after)} after, on {os.cpu_count()} cores (shared with other work).",
        "",
        "| measure | target | result | same-run baseline | ratio |",
        "|---|---|---|---|---|",
        f"| first media read, whole library (CLI / core, 4 threads) | >= 200 files/s | {rate:,.0f} files/s "
        f"({first.total:,} files in {core['first_s']:.2f} s: {first.read} read, {first.not_media:,} not media, "
        f"{first.unreadable} unreadable) | bare read of each file's first 4 KiB: {base_rate:,.0f} files/s "
        f"({base_s:.2f} s) | {rate / base_rate:.2f}x |",
        f"| second run | reads nothing | {second.total} files read in {core['second_s'] * 1000:.0f} ms | | |",
        f"| the window's read at start-up (1 thread), while its grid scrolls | >= 200 files/s | {gui_rate:,.0f} "
        f"files/s ({g.get('total', 0):,} files in {g.get('seconds', 0):.2f} s) | {base_rate:,.0f} files/s | "
        f"{gui_rate / base_rate:.2f}x |",
        f"| longest event-loop stall while the window reads | < 50 ms | {ms(read['max_before_ms'])} | the same "
        f"scroll, nothing to read: {ms(idle['max_gap_ms'])} | {read['max_before_ms'] / idle['max_gap_ms']:.2f}x |",
        f"| longest stall while it applies what the read changed (a regroup of every card) | < 50 ms | "
        f"{ms(read['max_after_ms'])} | the same scroll while the card store regroups every card, no read: "
        f"{ms(rebuild['max_before_ms'])} | {read['max_after_ms'] / rebuild['max_before_ms']:.2f}x |",
        f"| 99th percentile of the event-loop gaps, whole window run | < 50 ms | {ms(read['p99_ms'])} | nothing "
        f"to read: {ms(idle['p99_ms'])}; regroup only: {ms(rebuild['p99_ms'])} | {read['p99_ms'] / idle['p99_ms']:.2f}x |",
        f"| gaps over 50 ms | 0 | {read['gaps_over_50']} of {read['ticks']} ticks | nothing to read: "
        f"{idle['gaps_over_50']} of {idle['ticks']}; regroup only: {rebuild['gaps_over_50']} of {rebuild['ticks']} | |",
        "",
        f"Window run: the read ended {read['phase_s'] or 0:.1f} s after the window's start, every change was "
        f"applied at {read['seconds']:.1f} s ({read['diffs']} card updates); {read['scrolls']} page scrolls. "
        f"The regroup-only run: {rebuild['phase_s'] or 0:.1f} s from the window's start to the end of the regroup.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
