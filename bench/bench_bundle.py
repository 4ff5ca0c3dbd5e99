"""The PyInstaller bundle, started as a user would: under Xvfb, ``videomanager --demo``. Measures the
bundle's size, the time until its window is on the screen and until the demo library's cards are shown,
and saves a screenshot of the screen. Not a test (it needs Xvfb and a built bundle):

    bash packaging/build.sh                      # once: packaging/dist/videomanager/
    python bench/bench_bundle.py [--runs 3] [--shot docs/screenshots/bundle-xvfb.png]

Needs Xvfb and xwininfo (apt-get install xvfb x11-utils) and the X libraries Qt's xcb plugin uses
(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0
libxcb-cursor0 libxcb-shape0).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "packaging" / "dist" / "videomanager"
DISPLAY = ":97"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def start_xvfb() -> subprocess.Popen:
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    sock = Path("/tmp/.X11-unix") / f"X{DISPLAY[1:]}"
    deadline = time.monotonic() + 10
    while not sock.exists():
        if time.monotonic() > deadline or xvfb.poll() is not None:
            raise SystemExit("Xvfb did not start")
        time.sleep(0.05)
    return xvfb


def window_up(env: dict) -> bool:
    out = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
    return re.search(r'"videomanager"', out) is not None


def shoot(env: dict, path: Path) -> None:
    """A screenshot of the whole X screen (Qt, in a process of its own, on the same display)."""
    code = (
        "import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
        "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1]); sys.exit(0 if ok else 1)"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], env={**env, "QT_QPA_PLATFORM": "xcb"}, check=True)


def run_once(env: dict, shot: Path | None, timeout: float = 120) -> dict:
    log = tempfile.NamedTemporaryFile(prefix="vm-bundle-", suffix=".log", delete=False)
    started = time.monotonic()
    proc = subprocess.Popen([str(BUNDLE / "videomanager"), "--demo", "--debug"], env=env,
                            stdout=subprocess.DEVNULL, stderr=log)  # fmt: skip
    result: dict = {"window_s": None, "first_cards_s": None, "all_cards_s": None}
    try:
        while time.monotonic() - started < timeout and proc.poll() is None:
            now = time.monotonic() - started
            if result["window_s"] is None and window_up(env):
                result["window_s"] = now
            text = Path(log.name).read_text(errors="replace")
            shown = [int(n) for n in re.findall(r"cards shown: (\d+)", text)]
            if result["first_cards_s"] is None and any(shown):
                result["first_cards_s"] = now
            _, done, after = text.partition("identify finished")
            if done and re.search(r"cards shown: [1-9]", after) and result["window_s"] is not None:
                result["all_cards_s"] = now
                result["cards"] = int(re.findall(r"cards shown: (\d+)", after)[-1])
                time.sleep(3)  # the posters of the cards on the screen
                if shot is not None:
                    shoot(env, shot)
                break
            time.sleep(0.05)
        result["exit_code"] = proc.poll()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)  # the window closes cleanly (workers stopped)
            try:
                result["exit_code"] = proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                result["exit_code"] = "killed"
        result["log"] = log.name
    return result


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shot", default=str(ROOT / "docs" / "screenshots" / "bundle-xvfb.png"))
    args = ap.parse_args()
    if not (BUNDLE / "videomanager").exists():
        raise SystemExit("no bundle: run bash packaging/build.sh first")
    for tool in ("Xvfb", "xwininfo"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: apt-get install xvfb x11-utils")
    size = folder_size(BUNDLE)
    print(f"bundle: {BUNDLE} {size / 1024**2:.0f} MiB in {sum(1 for _ in BUNDLE.rglob('*'))} files")
    xvfb = start_xvfb()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "VIDEOMANAGER_", "TMDB_"))}
    env.update(DISPLAY=DISPLAY, HOME=tempfile.mkdtemp(prefix="vm-bundle-home-"))
    try:
        for i in range(args.runs):
            r = run_once(env, Path(args.shot) if i == args.runs - 1 else None)
            print(
                f"run {i + 1}: window on screen {r['window_s'] and round(r['window_s'], 2)} s, first cards "
                f"{r['first_cards_s'] and round(r['first_cards_s'], 2)} s, identified ({r.get('cards')} cards) "
                f"{r['all_cards_s'] and round(r['all_cards_s'], 2)} s, exit {r['exit_code']} (log {r['log']})"
            )
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    print(f"screenshot: {args.shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
