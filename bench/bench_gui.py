"""GUI benchmark: a 30,000-card library in the real MainWindow, against a plain-Qt baseline.

Measures, each in a fresh child process (so "from process start" includes Python and Qt start-up):
- startup: process start -> window shown with the grid populated (target < 1.5 s);
- scrolling: the whole grid scrolled programmatically while a 5 ms QTimer records the longest gap
  between its ticks, i.e. the longest the event loop was blocked (target < 50 ms);
- memory: peak RSS of the process (target < 600 MB).
The baseline is an empty QListView in icon mode over 30,000 plain QStandardItem rows, measured the
same way in the same run; every figure is also printed as a ratio against it.

Each long gap is also accounted for by the kernel: the GUI thread's CPU and run-queue wait
(/proc/thread-self/schedstat) and the virtual CPUs' steal time (/proc/stat).

    python bench/bench_gui.py [--cards 30000] [--runs N] [--load N] [--out bench/RESULTS_gui.md]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))

POSTERS = 200  # distinct poster images on disk, shared by the cards (exercises the loader and LRU)


# -- library generation ---------------------------------------------------------------------------------
STORE_CARDS = "--no-stored-cards" not in sys.argv


def build_library(data: Path, n: int) -> None:
    """n identified movies (one or two versions each), with titles and posters, written in bulk."""
    from videomanager.core.keys import lookup_key
    from videomanager.core.library import Library, NewFile
    from videomanager.core.models import ROLE_VERSION, Parsed

    lib = Library(data / "library.sqlite3")
    files: list[NewFile] = []
    resolutions = ["480p", "720p", "1080p", "2160p"]
    for i in range(n):
        title, year = f"Film Number {i:05d}", 1920 + i % 100
        for v in range(1 + (i % 5 == 0)):
            parsed = Parsed(title=title, year=year, resolution=resolutions[(i + v) % 4],
                            edition="Extended" if i % 11 == 0 and v else None)  # fmt: skip
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
            [
                (
                    i + 1,
                    json.dumps(
                        {
                            "id": i + 1,
                            "title": f"Film Number {i:05d}",
                            "release_date": f"{1920 + i % 100}-01-01",
                            "poster_path": f"/p{i % POSTERS}.jpg",
                        }
                    ),
                )
                for i in range(n)
            ],  # fmt: skip
        )
    if STORE_CARDS:
        # What `videomanager scan` / `identify` (and the window as it works) do: keep the card store up to
        # date, so the first window start shows the stored cards without regrouping the library.
        from videomanager.core.cards import CardStore

        CardStore(lib).update()
    lib.close()
    write_posters(data / "cache" / "posters")


def write_posters(folder: Path) -> None:
    from PySide6.QtGui import QColor, QGuiApplication, QImage

    from videomanager.gui.posters import poster_file

    _app = QGuiApplication.instance() or QGuiApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(POSTERS):
        img = QImage(342, 513, QImage.Format.Format_RGB32)
        img.fill(QColor.fromHsl(i * 7 % 360, 120, 120))
        img.save(str(poster_file(folder, f"/p{i}.jpg")), "JPG")


# -- child measurements -----------------------------------------------------------------------------------
def child(mode: str, data: Path, n: int, t0: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    if mode != "baseline":
        from videomanager.gui.app import configure_process

        configure_process()  # as the program's entry point does
    result: dict = {"mode": mode}
    if mode == "baseline":
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QListView

        model = QStandardItemModel(n, 1)
        items = [QStandardItem(f"Film Number {i:05d}") for i in range(n)]  # kept alive until set
        for i, item in enumerate(items):
            model.setItem(i, 0, item)
        view = QListView()
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setUniformItemSizes(True)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        from PySide6.QtCore import QSize

        from videomanager.gui.card_delegate import CARD_H, CARD_W, MARGIN

        # The same cell size as the cards, so both grids scroll the same number of pages.
        view.setGridSize(QSize(CARD_W + 2 * MARGIN, CARD_H + 2 * MARGIN))
        view.setModel(model)
        view.resize(1280, 820)
        view.show()
        window = view
        populated = lambda: True  # noqa: E731
        grid = view
    else:
        from videomanager.core.library import Library
        from videomanager.core.settings import Settings
        from videomanager.gui.main_window import MainWindow

        library = Library(data / "library.sqlite3")
        window = MainWindow(library, Settings(), posters_dir=data / "cache" / "posters",
                            ui_state_path=data / "window.ini", auto_identify=False)  # fmt: skip
        window.resize(1280, 820)
        window.show()
        populated = lambda: window.model.rowCount() >= n and not window._pending_diffs  # noqa: E731
        grid = window.view
        applied = {"n": 0}
        window.cards_applied.connect(lambda: applied.__setitem__("n", applied["n"] + 1))

    kernel = KernelClocks()
    state = {"last": time.perf_counter(), "max_gap": 0.0, "ticks": 0, "cpu": time.process_time(),
             "max_gap_cpu": 0.0, "max_busy": 0.0}  # fmt: skip
    gaps: list[float] = []
    # The gaps over 50 ms: (start, end, process CPU, GUI-thread CPU, GUI-thread run-queue wait, steal).
    long_gaps: list[tuple] = []
    frame_cpu: list[float] = []

    def tick() -> None:
        now, cpu = time.perf_counter(), time.process_time()
        gap, busy = now - state["last"], cpu - state["cpu"]
        gaps.append(gap)
        clocks = kernel.read()
        if gap > 0.05:
            long_gaps.append((state["last"], now, busy, *kernel.account(state["clocks"], clocks)))
        state["clocks"] = clocks
        if gap > state["max_gap"]:
            state["max_gap"], state["max_gap_cpu"] = gap, busy
        # CPU the whole process (every thread) used during the gap: what our code can have blocked the
        # loop for at most. The rest of a gap is time the process was not running (other load, the VM).
        state["max_busy"] = max(state["max_busy"], min(busy, gap))
        state["last"], state["cpu"] = now, cpu
        state["ticks"] += 1

    def wait_populated() -> None:
        if not populated():
            QTimer.singleShot(5, wait_populated)
            return
        grid.viewport().repaint()  # the first full paint of the populated grid is part of "shown"
        result["startup_s"] = time.time() - t0
        result["rows"] = grid.model().rowCount()
        QTimer.singleShot(200, start_scroll)

    bar = grid.verticalScrollBar()

    def start_scroll() -> None:
        state["last"], state["cpu"], state["clocks"] = time.perf_counter(), time.process_time(), kernel.read()
        state["max_gap"] = state["max_busy"] = 0.0
        state["start"] = time.perf_counter()
        stall.start()
        if mode == "app-identify":
            identify_like_writes()
        step()

    def identify_like_writes() -> None:
        """What an identify run does to the window: every 0.5 s the library changes (here one title of a
        card on screen is renamed, as a match would) and the window is told (keys_done -> _mark_dirty), so
        the card store regroups what changed on the cards thread and the diff is applied while the grid
        scrolls."""
        lib = window.library
        counter = {"n": 0}

        def write() -> None:
            if stall.isActive():
                counter["n"] += 1
                tid = 1 + counter["n"] * 97 % n
                with lib.transaction() as c:
                    c.execute("UPDATE titles SET data = json_set(data, '$.title', ?) WHERE tmdb_id = ?",
                              (f"Renamed Film {counter['n']:05d}", tid))  # fmt: skip
                window._mark_dirty()
                QTimer.singleShot(500, write)

        result["identify_writes"] = counter
        QTimer.singleShot(500, write)

    def step() -> None:
        # Two pages per frame (~60 fps): a fast fling; every frame paints a full page of new cards.
        if bar.value() >= bar.maximum():
            QTimer.singleShot(100, finish)
            return
        cpu = time.thread_time()
        bar.setValue(min(bar.maximum(), bar.value() + 2 * grid.viewport().height()))
        grid.viewport().repaint()  # paint now, so this frame's CPU time is measured here
        frame_cpu.append(time.thread_time() - cpu)
        QTimer.singleShot(16, step)

    def finish() -> None:
        stall.stop()
        result["scroll_s"] = time.perf_counter() - state["start"]
        result["scroll_max_gap_ms"] = state["max_gap"] * 1000
        result["scroll_max_gap_cpu_ms"] = state["max_gap_cpu"] * 1000
        result["scroll_max_busy_ms"] = state["max_busy"] * 1000
        if "identify_writes" in result:
            result["identify_writes"] = result["identify_writes"]["n"]
            result["rebuilds_applied"] = applied["n"]
        gaps.sort()
        frame_cpu.sort()
        result["gap_p99_ms"] = gaps[int(len(gaps) * 0.99)] * 1000 if gaps else 0.0
        result["gaps_over_50ms"] = sum(1 for g in gaps if g > 0.05)
        result["long_gaps"] = long_gaps
        # The longest stall once the kernel's own account of time the GUI thread could not run is taken out:
        # waiting on a run queue (another thread or process on its CPU) or its virtual CPU stolen by the host.
        result["longest_own_ms"] = max([(e - s - wait - steal) * 1000 for s, e, _, _, wait, steal in long_gaps]
                                       or [state["max_gap"] * 1000])  # fmt: skip
        result["steal_in_long_gaps_ms"] = sum(g[5] for g in long_gaps) * 1000
        result["frame_cpu_p50_ms"] = frame_cpu[len(frame_cpu) // 2] * 1000 if frame_cpu else 0.0
        result["frame_cpu_max_ms"] = frame_cpu[-1] * 1000 if frame_cpu else 0.0
        result["frames"] = len(frame_cpu)
        result["scroll_pages"] = bar.maximum() // max(1, grid.viewport().height())  # pages scrolled past
        result["rss_peak_mb"] = peak_rss_mb()
        if mode != "baseline":
            result["posters_in_ram"] = len(window.posters)
            window.shutdown()
        print("RESULT " + json.dumps(result), flush=True)
        app.quit()

    stall = QTimer()
    stall.setInterval(5)
    stall.timeout.connect(tick)
    QTimer.singleShot(0, wait_populated)
    app.exec()


class KernelClocks:
    """What the kernel says the GUI thread did during a gap: its own CPU time and its time waiting on a run
    queue (/proc/thread-self/schedstat, ns), and the steal time of every CPU (/proc/stat, the hypervisor
    running something else on our virtual CPU while a task of ours was on it). Read at every tick: two
    pread() calls, ~5 us."""

    def __init__(self) -> None:
        try:
            self._stat = os.open("/proc/stat", os.O_RDONLY)
            self._sched = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
            self._tick = os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError):
            self._stat = self._sched = None

    def read(self) -> tuple:
        if self._stat is None:
            return ()
        run, wait = os.pread(self._sched, 100, 0).split()[:2]
        steal = [int(line.split()[8]) for line in os.pread(self._stat, 4096, 0).splitlines()
                 if line.startswith(b"cpu") and not line.startswith(b"cpu ")]  # fmt: skip
        return int(run), int(wait), steal

    def account(self, before: tuple, after: tuple) -> tuple[float, float, float]:
        """(GUI-thread CPU, GUI-thread run-queue wait, most steal on one CPU), in seconds, between two reads."""
        if not before or not after:
            return 0.0, 0.0, 0.0
        steal = max(b - a for a, b in zip(before[2], after[2], strict=True)) / self._tick
        return (after[0] - before[0]) / 1e9, (after[1] - before[1]) / 1e9, steal


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage's ru_maxrss: on Linux ru_maxrss survives
    exec, so a child would report the bench parent's peak (the library generation) as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


CANARY = """
import time
last = time.perf_counter()
while True:
    time.sleep(0.001)
    now = time.perf_counter()
    if now - last > 0.02:
        print(last, now, flush=True)
    last = now
"""


def machine_pauses(gaps: list, canary: list) -> tuple[int, float]:
    """How many of the window's gaps over 50 ms overlap a pause of the canary (a second process that only
    sleeps 1 ms at a time: when it is late by 20 ms or more, the machine, not the window, was not running),
    and the longest window gap left once those overlaps are taken out. perf_counter is CLOCK_MONOTONIC, one
    clock for every process of the machine."""
    explained, longest = 0, 0.0
    for start, end, *_ in gaps:
        overlap = sum(max(0.0, min(end, c1) - max(start, c0)) for c0, c1 in canary)
        explained += overlap > 0.01
        longest = max(longest, (end - start) - overlap)
    return explained, longest * 1000


def run_child(mode: str, data: Path, n: int) -> dict:
    canary = subprocess.Popen([sys.executable, "-c", CANARY], stdout=subprocess.PIPE, text=True)
    try:
        result = _run_child(mode, data, n)
    finally:
        canary.terminate()
        out, _ = canary.communicate()
    pauses = [tuple(map(float, line.split())) for line in out.splitlines() if line.strip()]
    explained, longest = machine_pauses(result.get("long_gaps", []), pauses)
    result["gaps_machine"] = explained
    # No gap over 50 ms at all: the longest gap is the figure.
    result["longest_not_machine_ms"] = longest if result.get("long_gaps") else result["scroll_max_gap_ms"]
    return result


def _run_child(mode: str, data: Path, n: int) -> dict:
    t0 = time.time()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--data", str(data), "--cards", str(n),
                          "--t0", repr(t0)], capture_output=True, text=True, env=env, timeout=600)  # fmt: skip
    for line in out.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{mode} child failed:\n{out.stdout}\n{out.stderr}")


def measure(args, run: int, runs: int) -> list[str]:
    """One complete measurement (a fresh library, the baseline and three window runs) as Markdown lines."""
    with tempfile.TemporaryDirectory(prefix="vm-bench-gui-") as tmp:
        data = Path(tmp)
        t = time.perf_counter()
        build_library(data, args.cards)
        gen = time.perf_counter() - t
        hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.load)]
        try:
            base = run_child("baseline", data, args.cards)
            app = run_child("app", data, args.cards)
            app_warm = run_child(
                "app", data, args.cards
            )  # second run: window.ini written, files in the OS cache
            app_id = run_child("app-identify", data, args.cards)  # scrolling while the cards are rebuilt
        finally:
            for hog in hogs:
                hog.kill()
                hog.wait()
    rows = [
        ("window shown, grid populated (from process start)", "startup_s", "s", 1.5),
        ("longest event-loop stall while scrolling the whole grid", "scroll_max_gap_ms", "ms", 50),
        ("  process CPU (all threads) within that stall", "scroll_max_gap_cpu_ms", "ms", 50),
        ("  longest stall counting only process CPU time", "scroll_max_busy_ms", "ms", 50),
        (
            "  longest stall, less the time a canary process was paused too",
            "longest_not_machine_ms",
            "ms",
            50,
        ),
        (
            "  longest stall, less the GUI thread's run-queue wait and its CPU's steal time",
            "longest_own_ms",
            "ms",
            50,
        ),  # fmt: skip
        ("99th percentile of the event-loop gaps while scrolling", "gap_p99_ms", "ms", 50),
        ("GUI-thread CPU per scrolled frame, median (thread_time)", "frame_cpu_p50_ms", "ms", 50),
        ("GUI-thread CPU per scrolled frame, worst", "frame_cpu_max_ms", "ms", 50),
        ("peak RSS", "rss_peak_mb", "MB", 600),
    ]
    lines = [
        *([f"## Run {run} of {runs}", ""] if runs > 1 else []),
        f"{args.cards:,} cards ({app['rows']:,} rows shown), {POSTERS} distinct posters on disk; offscreen Qt, "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores. "
        f"Library generation (not measured below): {gen:.1f} s.",
        *(
            [
                f"**Under load:** {args.load} other process(es) spinning on the CPU at normal priority throughout "
                "(`--load`), as on a busy desktop.",
                "",
            ]
            if args.load
            else []
        ),  # fmt: skip
        "Baseline: an empty QListView (icon mode, uniform sizes) over the same number of plain "
        "QStandardItem rows, measured the same way in the same run.",
        "",
        "| measure | target | videomanager (cold) | videomanager (2nd run) | while identifying | baseline | "
        "ratio (cold / baseline) |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, key, unit, target in rows:
        a, w, i, b = app[key], app_warm[key], app_id[key], base[key]
        ok = "ok" if a < target else "OVER"
        lines.append(f"| {label} | < {target} {unit} | {a:.2f} {unit} ({ok}) | {w:.2f} {unit} | {i:.2f} {unit} | "
                     f"{b:.2f} {unit} | {a / b if b else float('nan'):.2f}x |")  # fmt: skip
    load = os.getloadavg()
    cold = (
        "The cold start is a first start of the window on a library that `videomanager scan` / `identify` "
        "left behind: it shows the cards stored in the library's card store (one JSON row per card), which "
        "are up to date, so nothing is regrouped. The 2nd run is the same start again (window.ini written, "
        "the library in the OS file cache)."
        if STORE_CARDS
        else "--no-stored-cards: no command ever stored cards for this library, so the first start groups "
        "the whole library (seconds for 30,000 cards) before the grid fills."
    )
    lines += [
        "",
        f"Machine load average during the run: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} "
        "cores: wall-clock stalls include time the process was not running at all (other load, the VM's "
        "steal time), which the baseline suffers too; the rows 'process CPU within that stall' and 'counting "
        "only process CPU time' bound what the program itself can have blocked. "
        f"Gaps over 50 ms: {app['gaps_over_50ms']} of {app['frames']} frames cold, "
        f"{app_warm['gaps_over_50ms']} 2nd run, {app_id['gaps_over_50ms']} while identifying "
        f"(baseline {base['gaps_over_50ms']}); of these, the canary (a second process that only sleeps 1 ms "
        f"at a time and notes when it wakes 20 ms late or more) was paused at the same time in "
        f"{app['gaps_machine']}, {app_warm['gaps_machine']}, {app_id['gaps_machine']} "
        f"(baseline {base['gaps_machine']}). Steal time (the host running something else on the virtual CPU, "
        f"/proc/stat) summed over those gaps: {app['steal_in_long_gaps_ms']:.0f} ms cold, "
        f"{app_warm['steal_in_long_gaps_ms']:.0f} ms 2nd run, {app_id['steal_in_long_gaps_ms']:.0f} ms while "
        f"identifying (baseline {base['steal_in_long_gaps_ms']:.0f} ms); the kernel counts it in steps of "
        f"{1000 // os.sysconf('SC_CLK_TCK')} ms.",
        cold,
        f"While identifying: the same scroll as the 2nd run while, every 0.5 s, a card's title changes in the "
        f"library and the window is told, as an identify run does ({app_id.get('identify_writes')} changes, "
        f"{app_id.get('rebuilds_applied')} updates applied during the scroll; each update regroups the cards "
        "the change touches on the cards thread, its diff is applied on the GUI thread).",
        f"Scrolling: {app['scroll_pages']} pages in {app['scroll_s']:.1f} s (baseline {base['scroll_pages']} pages "
        f"in {base['scroll_s']:.1f} s, same cell size); posters in the RAM cache at the end: "
        f"{app.get('posters_in_ram')}.",
        "",
    ]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cards", type=int, default=30_000)
    ap.add_argument(
        "--no-stored-cards", action="store_true", help="a library that no scan ever wrote cards for"
    )
    ap.add_argument("--child")
    ap.add_argument("--data")
    ap.add_argument("--t0", type=float)
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS_gui.md"))
    ap.add_argument("--runs", type=int, default=1, help="repeat the whole measurement (the machine is noisy)")
    ap.add_argument(
        "--load", type=int, default=0, help="keep this many CPU-spinning processes running meanwhile"
    )
    args = ap.parse_args()
    if args.child:
        child(args.child, Path(args.data), args.cards, args.t0)
        return 0
    # An installed program has its bytecode (pip compiles it at install time); this checkout may not (and
    # PYTHONDONTWRITEBYTECODE keeps Python from writing it), which would add ~0.1 s of compiling to every
    # start measured below.
    compileall.compile_dir(str(ROOT / "videomanager"), quiet=1)
    lines = ["# GUI benchmark (bench/bench_gui.py)", ""]
    for run in range(1, args.runs + 1):
        lines += measure(args, run, args.runs)
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
