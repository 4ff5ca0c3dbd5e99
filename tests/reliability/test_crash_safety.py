"""Crash safety: ``scan`` and ``identify`` killed with SIGKILL at random points.

After every kill the library opens without a notice, passes ``PRAGMA integrity_check``, and the next run
finishes with no duplicated file, the manual decision made beforehand intact, and no TMDb lookup repeated
that had finished before the kill (counted on the stand-in: the lookups table and the response cache must
prevent it). The default run kills a few times; ``-m soak`` kills 20 times each.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from tests.reliability.helpers import all_paths, db_peek, integrity, make_films, run_cli, start_cli
from videomanager.core.library import Library
from videomanager.testing.fake_tmdb import FakeTMDb

MANUAL_ID = 603  # The Matrix, set by hand on one file before the crashes


def _kill_at(proc, seconds: float) -> bool:
    """SIGKILL proc after `seconds` (only this process, by its id); True if it was still running."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    proc.stderr.close()
    return True


def _check_library_sane(data: Path) -> None:
    db = data / "library.sqlite3"
    assert integrity(db) == "ok"
    lib = Library(db)
    try:
        assert lib.notice is None and not lib.read_only, lib.notice
        assert lib.integrity_ok()
    finally:
        lib.close()
    dupes = db_peek(db, "SELECT path, count(*) FROM files GROUP BY path HAVING count(*) > 1")
    assert dupes == []
    assert not list(data.glob("*.corrupt-*")), "a killed run must not look like corruption"


def _list(data: Path) -> list[dict]:
    r = run_cli(["list", "--json"], data)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def _manual_card(cards: list[dict], path: str) -> dict:
    [card] = [c for c in cards for v in c["versions"] if path in v["parts"]]
    return card


def _set_manual(data: Path, path: str, fake: FakeTMDb | None) -> None:
    r = run_cli(["match", path, "--tmdb-id", str(MANUAL_ID)], data, fake)
    assert r.returncode == 0, r.stderr


# -- scan -------------------------------------------------------------------------------------------------


def _bulk_tree(root: Path, n: int) -> None:
    for i in range(n):
        d = root / f"Batch {i // 50}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"Some.Film.Number.{i}.{1950 + i % 70}.720p.WEB-DL.mkv").write_bytes(b"%d" % i)


def _scan_crashes(tmp_path: Path, rounds: int, seed: int, pool_every: int = 0) -> dict[str, int]:
    """Each round adds files and kills a scan of them; every pool_every-th round is big enough for the
    process pool (guessit costs ~20 ms a name, so the default run stays with small inline rounds)."""
    rng = random.Random(seed)
    films = tmp_path / "films"
    made = make_films(films, 5)
    data = tmp_path / "data"
    assert run_cli(["scan", str(films)], data).returncode == 0
    manual = next(iter(made))
    _set_manual(data, manual, None)
    figures = {"killed": 0, "finished_first": 0}
    total = 5
    for i in range(rounds):
        pool = bool(pool_every) and i % pool_every == 0
        n = 240 if pool else 60
        _bulk_tree(tmp_path / "films" / f"more{i}", n)
        total += n
        proc = start_cli(["scan", str(films), "--workers", "2" if pool else "1"], data)
        if _kill_at(proc, rng.uniform(0.3, 3.0 if pool else 1.5)):
            figures["killed"] += 1
        else:
            figures["finished_first"] += 1
            proc.communicate()
        _check_library_sane(data)
        r = run_cli(["scan", str(films)], data)
        assert r.returncode == 0, r.stderr
        _check_library_sane(data)
        cards = _list(data)
        paths = all_paths(cards)
        assert len(paths) == len(set(paths)) == total
        card = _manual_card(cards, manual)
        assert (card["state"], card["tmdb_id"]) == ("manual", MANUAL_ID)
    return figures


def test_scan_killed_at_random_points(tmp_path: Path) -> None:
    figures = _scan_crashes(tmp_path, rounds=3, seed=11)
    assert figures["killed"] >= 2, figures


@pytest.mark.soak
def test_scan_killed_at_random_points_soak(tmp_path: Path) -> None:
    started = time.monotonic()
    figures = _scan_crashes(tmp_path, rounds=20, seed=12, pool_every=2)
    print(f"\nscan SIGKILL soak: {figures}, {time.monotonic() - started:.0f} s")
    assert figures["killed"] >= 15, figures


# -- identify ---------------------------------------------------------------------------------------------


def _search_titles(fake: FakeTMDb) -> list[str]:
    out = []
    for _method, path, query in list(fake.stats.log):
        if path.startswith("/3/search/"):
            out.append(dict(parse_qsl(query)).get("query", "").casefold())
    return out


def _identify_crashes(tmp_path: Path, fake: FakeTMDb, rounds: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    fake.latency = 0.03
    figures = {"killed": 0, "killed_mid_run": 0, "finished_first": 0, "repeated_lookups": 0}
    for i in range(rounds):
        films = tmp_path / f"films{i}"
        made = make_films(films, 25, unique_titles=True)
        data = tmp_path / f"data{i}"
        assert run_cli(["scan", str(films)], data).returncode == 0
        manual = sorted(made)[rng.randrange(len(made))]
        _set_manual(data, manual, fake)
        proc = start_cli(["identify"], data, fake)
        killed = _kill_at(proc, rng.uniform(0.8, 3.0))
        if not killed:
            figures["finished_first"] += 1
            proc.communicate()
        _check_library_sane(data)
        done = db_peek(data / "library.sqlite3", "SELECT query, state FROM lookups WHERE state != 'pending'")
        pending = db_peek(data / "library.sqlite3", "SELECT count(*) FROM lookups WHERE state = 'pending'")[
            0
        ][0]
        if killed:
            figures["killed"] += 1
            figures["killed_mid_run"] += bool(done and pending)
        fake.reset_stats()
        r = run_cli(["identify"], data, fake)
        assert r.returncode == 0, r.stderr
        _check_library_sane(data)
        assert (
            db_peek(data / "library.sqlite3", "SELECT count(*) FROM lookups WHERE state='pending'")[0][0] == 0
        )
        done_titles = {q.casefold() for q, _ in done}
        repeated = [t for t in _search_titles(fake) if t in done_titles]
        figures["repeated_lookups"] += len(repeated)
        assert repeated == [], f"lookups finished before the kill were sent again: {repeated}"
        cards = _list(data)
        paths = all_paths(cards)
        assert len(paths) == len(set(paths)) == len(made)
        card = _manual_card(cards, manual)
        assert (card["state"], card["tmdb_id"]) == ("manual", MANUAL_ID)
        if i == 0:  # a third run has nothing left to do and sends nothing
            fake.reset_stats()
            assert run_cli(["identify"], data, fake).returncode == 0
            assert fake.stats.request_count == 0
    return figures


def test_identify_killed_at_random_points(tmp_path: Path, fake_tmdb: FakeTMDb) -> None:
    figures = _identify_crashes(tmp_path, fake_tmdb, rounds=3, seed=5)
    assert figures["killed_mid_run"] >= 2, figures


@pytest.mark.soak
def test_identify_killed_at_random_points_soak(tmp_path: Path, fake_tmdb: FakeTMDb) -> None:
    started = time.monotonic()
    figures = _identify_crashes(tmp_path, fake_tmdb, rounds=20, seed=6)
    print(f"\nidentify SIGKILL soak: {figures}, {time.monotonic() - started:.0f} s")
    assert figures["killed_mid_run"] >= 12, figures
