"""Soak: ``organize --apply`` (then ``--undo``) killed with SIGKILL at random moments.

The program runs in its own process; a kill lands when its journal has reached a randomly chosen length
(plus a random few milliseconds), so kills fall on every step of a move: before it, between the rename
and the progress line, between the move and the library's update. After every kill, every file exists
exactly once with its bytes (at its old or its new place); the next run finishes the job; at the end the
journal is gone, every file is at its new place and the library names it there; undo, killed too, brings
back the exact tree (paths, sizes, modification times).

The default run is small (it runs in CI, marked slow); ``-m soak`` runs the full 20 kills over 2,000 files.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.organize.helpers import contents, snapshot
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.core.organize import JOURNAL_NAME

REPO = Path(__file__).resolve().parents[2]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "sa", "no", "vi", "ze", "po"]


def _title(i: int) -> str:
    word = "".join(SYLLABLES[int(d)] for d in f"{i:04d}")
    return word.capitalize()


def _build(tmp_path: Path, n: int) -> tuple[Path, Path]:
    """n films in assorted layouts (a subtitle with every tenth), identified as distinct TMDb ids."""
    root = tmp_path / "lib"
    for i in range(n):
        title, year = _title(i), 1950 + i % 70
        stem = f"{title}.{year}.1080p.BluRay.x264-GRP"
        rel = f"{title} ({year})/{stem}.mkv" if i % 3 else f"Batch {i // 100}/{stem}.mkv"
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(f"film {i}\n".encode() * 16)
        if i % 10 == 0:
            p.with_suffix(".srt").write_bytes(f"subtitle {i}\n".encode())
    data = tmp_path / "data"
    library = Library(data / "library.sqlite3")
    scan_into_library(library, [str(root)], workers=2)
    with library.transaction() as c:
        rows = c.execute("SELECT key, query, year FROM lookups").fetchall()
        for n_key, (key, query, year) in enumerate(rows):
            tmdb_id = 500_000 + n_key
            c.execute(
                "UPDATE lookups SET state='matched', tmdb_id=?, confidence=0.9 WHERE key=?", (tmdb_id, key)
            )
            c.execute(
                "INSERT INTO titles(kind, tmdb_id, data, fetched_at) VALUES ('movie', ?, ?, 0)",
                (tmdb_id, json.dumps({"title": query, "release_date": f"{year}-01-01"})),
            )
    library.close()
    return root, data


def _cli(data: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "VIDEOMANAGER_"))}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.Popen(
        [sys.executable, "-m", "videomanager", "--data-dir", str(data), *args],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def _journal_lines(journal: Path) -> int:
    try:
        return journal.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _kill_when(proc: subprocess.Popen, journal: Path, lines: int, rng: random.Random) -> bool:
    """SIGKILL proc (by its id) once the journal has ``lines`` lines; False when it ended first."""
    deadline = time.monotonic() + 300
    while proc.poll() is None and _journal_lines(journal) < lines:
        if time.monotonic() > deadline:
            break
        time.sleep(0.001)
    time.sleep(rng.random() * 0.004)
    if proc.poll() is not None:
        proc.stderr.close()
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    return True


def _finish(data: Path, *args: str) -> str:
    proc = _cli(data, *args)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode(errors="replace")
    return err.decode(errors="replace")


def _library_ok(data: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{data / 'library.sqlite3'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [os.fsdecode(p) for (p,) in conn.execute("SELECT path FROM files")]
    finally:
        conn.close()


def _killed_runs(
    data: Path, root: Path, args: list[str], kills: int, rng: random.Random, hashes: list[str]
) -> int:
    """Run ``args`` again and again, killing each run at a random later point; returns the kills made."""
    journal = data / JOURNAL_NAME
    made = 0
    for _ in range(kills):
        proc = _cli(data, *args)
        start = _journal_lines(journal)
        while proc.poll() is None and start == 0:  # wait for the plan (written before any move)
            time.sleep(0.001)
            start = _journal_lines(journal)
        count = _planned(journal)
        end = count + 2 + 2 * count  # header, plan, end line, then "moved" and "done" per file
        # A point in the first two thirds of what is left: the run must not end before the kill lands,
        # however slowly this process notices the journal grow on a busy machine.
        last = max(start + 1, start + (end - start) * 2 // 3)
        target = rng.randint(min(start + 1, end), min(last, end)) if end > start else end
        if not _kill_when(proc, journal, target, rng):
            break
        made += 1
        assert contents(root) == hashes, "after a kill every file exists exactly once, with its bytes"
        _library_ok(data)
    return made


def _planned(journal: Path) -> int:
    try:
        with open(journal, "rb") as fh:
            return json.loads(fh.readline())["count"]
    except (FileNotFoundError, ValueError, KeyError):
        return 0


def _soak(tmp_path: Path, n: int, kills: int, undo_kills: int, seed: int) -> dict:
    rng = random.Random(seed)
    root, data = _build(tmp_path, n)
    before = snapshot(root)
    hashes = contents(root)
    made = _killed_runs(data, root, ["organize", "--scheme", "plex", "--apply"], kills, rng, hashes)
    _finish(data, "organize", "--scheme", "plex", "--apply")
    journal = data / JOURNAL_NAME
    assert not journal.exists()
    assert contents(root) == hashes
    paths = _library_ok(data)
    assert len(paths) == n and all(os.path.exists(p) and "{tmdb-" in p for p in paths)
    plan = subprocess.run(
        [sys.executable, "-m", "videomanager", "--data-dir", str(data), "organize", "--scheme", "plex",
         "--dry-run", "--json"], cwd=REPO, capture_output=True, text=True, timeout=600,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("VIDEOMANAGER_")}, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert plan.returncode == 0 and json.loads(plan.stdout)["moves"] == []

    undone = _killed_runs(data, root, ["organize", "--undo"], undo_kills, rng, hashes)
    _finish(data, "organize", "--undo")
    assert not journal.exists()
    assert snapshot(root) == before
    assert sorted(_library_ok(data)) == sorted(str(root / k) for k in before if k.endswith(".mkv"))
    return {"files": n, "kills": made, "undo_kills": undone}


def test_organize_killed_at_random_moments_loses_nothing(tmp_path):
    figures = _soak(tmp_path, n=240, kills=6, undo_kills=3, seed=11)
    assert figures["kills"] >= 4, figures


pytestmark = pytest.mark.slow


@pytest.mark.soak
def test_organize_soak_20_kills_over_2000_files(tmp_path, capsys):
    started = time.monotonic()
    figures = _soak(tmp_path, n=2000, kills=20, undo_kills=20, seed=2024)
    with capsys.disabled():
        print(f"\nsoak: {figures}, {time.monotonic() - started:.0f} s")
    assert figures["kills"] == 20, figures
