"""Helpers for the reliability tests: film trees from the stand-in's catalog, the CLI in a
subprocess or in-process, a started FakeTMDb, and read-only peeks into a library database.

Everything lives in tmp_path; the stand-in is real HTTP on 127.0.0.1. Nothing here mocks requests.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from videomanager.testing.catalog_movies import MOVIES
from videomanager.testing.fake_tmdb import FakeTMDb

REPO = Path(__file__).resolve().parents[2]


def catalog_films(n: int, start: int = 0, unique_titles: bool = False) -> list[tuple[str, int, int]]:
    """(title, year, tmdb id) of n films of the stand-in's catalog with plain, file-safe titles.

    unique_titles: no two films of the catalog share the title (a search request then tells its film)."""
    counts = Counter(m["title"].casefold() for m in MOVIES)
    out = []
    for m in MOVIES[start:]:
        title = m["title"]
        if any(ch in title for ch in '/:?*"<>|') or not m.get("release_date"):
            continue
        if unique_titles and counts[title.casefold()] > 1:
            continue
        out.append((title, int(m["release_date"][:4]), int(m["id"])))
        if len(out) == n:
            break
    return out


def make_films(root: Path, n: int, start: int = 0, unique_titles: bool = False) -> dict[str, int]:
    """One scene-named file per catalog film under root; returns path -> the film's TMDb id."""
    made = {}
    for title, year, tmdb_id in catalog_films(n, start, unique_titles):
        name = f"{title.replace(' ', '.')}.{year}.1080p.BluRay.x264-GRP.mkv"
        p = root / f"{title} ({year})" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        # Distinct content so fingerprints (and therefore manual decisions) are per file.
        p.write_bytes(f"{title} {year} {tmdb_id}\n".encode() * 64)
        made[str(p)] = tmdb_id
    return made


def cli_env(data_dir: Path, fake: FakeTMDb | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMDB_", "VIDEOMANAGER_"))}
    env["VIDEOMANAGER_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = str(REPO)
    if fake is not None:
        env["TMDB_API_KEY"] = fake.API_KEY
        env["VIDEOMANAGER_TMDB_URL"] = fake.base_url
    env.update(extra)
    return env


def run_cli(
    args: list[str],
    data_dir: Path,
    fake: FakeTMDb | None = None,
    timeout: float = 60,
    obey_modes: bool = False,
    **extra: str,
):
    """The CLI in its own process (for SIGKILL, for two instances at once, for a hang that must time out).

    ``obey_modes``: the process cannot read what its permissions forbid, even when the tests run as root
    (see ``obey_file_modes``)."""
    return subprocess.run(
        [sys.executable, "-m", "videomanager", *args],
        cwd=REPO,
        env=cli_env(data_dir, fake, **extra),
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        preexec_fn=obey_file_modes if obey_modes and os.geteuid() == 0 else None,
    )


def obey_file_modes() -> None:
    """In a child process about to start (``preexec_fn``): give up CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH, the capabilities that let root read any file. The process stays root (so it
    can still run this Python), but a mode-000 file or folder is then unreadable to it, as to any user."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def start_cli(
    args: list[str], data_dir: Path, fake: FakeTMDb | None = None, **extra: str
) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "videomanager", *args],
        cwd=REPO,
        env=cli_env(data_dir, fake, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The CLI in-process: (exit status, stdout, stderr)."""
    from videomanager.cli import main

    capsys.readouterr()
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def list_json(capsys: pytest.CaptureFixture[str], data_dir: Path) -> list[dict[str, Any]]:
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0, err
    return json.loads(out)


def all_paths(cards: list[dict[str, Any]]) -> list[str]:
    """Every file path list --json shows (versions' parts, episodes, extras)."""
    paths = []
    for c in cards:
        for v in c["versions"]:
            paths.extend(v["parts"])
        paths.extend(e["path"] for e in c["episodes"])
        paths.extend(x["path"] for x in c["extras"])
    return paths


def db_peek(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    """A query on a library database through a read-only connection (never changes the file)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def integrity(db: Path) -> str:
    return db_peek(db, "PRAGMA integrity_check")[0][0]


def write_settings(data_dir: Path, **values: Any) -> None:
    path = data_dir / "settings.json"
    path.write_text(json.dumps(values))
    os.chmod(path, 0o600)
