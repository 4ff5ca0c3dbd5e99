"""A hostile TMDb through the command line: 5 % of answers malformed (ids 10**30, null or "abc", titles that
are lists, answers of the wrong shape), a server that drips one byte every two seconds, a 401 that echoes
the key, a Retry-After of 999999999 s. `identify` matches every title whose answers were clean exactly as on
a clean server, keeps the others pending, stops a dead run within its deadline with one sentence, never
prints the key; `list --json` keeps the contract's types throughout."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.contract import contract_problems
from tests.reliability.helpers import catalog_films, cli, db_peek, make_films, run_cli, write_settings
from videomanager.testing import fake_tmdb_hostile as hostile
from videomanager.testing.fake_tmdb import FakeTMDb

N_FILMS = 40
BY_ID = 6  # files named with their TMDb id: answered by /movie/{id}, not by a search
SEED = 4  # a seed under which both harmless and whole-answer malformations fire on this library


@pytest.fixture
def tmdb_env(monkeypatch: pytest.MonkeyPatch, fake_tmdb: FakeTMDb) -> FakeTMDb:
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.API_KEY)
    monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake_tmdb.base_url)
    return fake_tmdb


def _library(tmp_path: Path, capsys: Any) -> Path:
    root = tmp_path / "films"
    make_films(root, N_FILMS)
    for title, year, tmdb_id in catalog_films(BY_ID, start=120):
        p = root / "by id" / f"{title.replace(' ', '.')}.{year}.{{tmdb-{tmdb_id}}}.mkv"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(f"by id {tmdb_id}\n".encode() * 64)
    data = tmp_path / "scanned"
    data.mkdir()
    assert cli(capsys, "--data-dir", str(data), "scan", str(root))[0] == 0
    return data


def _copy(data: Path, to: Path) -> Path:
    shutil.copytree(data, to)
    write_settings(to, requests_per_second=50)  # a quick run: the rate limiter is not what is tested here
    return to


def _by_path(cards: list[dict]) -> dict[str, tuple]:
    out = {}
    for c in cards:
        for v in c["versions"]:
            out[v["path"]] = (c["state"], c["kind"], c["tmdb_id"], c["title"], c["year"])
    return out


def _affected(fake: FakeTMDb, data: Path) -> dict[str, set[str]]:
    """Lookup key -> the malformations of the answers it asked for (searches by their text and year;
    /movie/{id} for a file named with the id, or for a candidate whose other titles were fetched)."""
    rows = db_peek(data / "library.sqlite3", "SELECT key, query, year, candidates FROM lookups")
    hit: dict[str, set[str]] = {}
    for path, query, variant in fake.stats.malformed:
        for key, text, year, candidates in rows:
            if path.startswith("/search/"):
                asked_year = query.get("year") or query.get("first_air_date_year")
                asked = query.get("query") == text and asked_year in (None, str(year))
            else:
                movie_id = int(path.split("/")[2])
                ids = {c["tmdb_id"] for c in json.loads(candidates or "[]")}
                asked = key == f"tmdb:movie:{movie_id}" or movie_id in ids
            if asked:
                hit.setdefault(key, set()).add(variant)
    return hit


def test_identify_with_5_percent_malformed_answers_matches_the_clean_run(tmp_path, capsys, tmdb_env) -> None:
    fake = tmdb_env
    scanned = _library(tmp_path, capsys)
    clean, hostile_dir = _copy(scanned, tmp_path / "clean"), _copy(scanned, tmp_path / "hostile")
    rc, out, err = cli(capsys, "--data-dir", str(clean), "identify")
    assert rc == 0, err
    clean_cards = json.loads(cli(capsys, "--data-dir", str(clean), "list", "--json")[1])

    fake.seed, fake.faults.malformed_rate = SEED, 0.05
    rc, out, err = cli(capsys, "--data-dir", str(hostile_dir), "identify")
    assert rc == 0, err  # its usual status: no whole-run stop for a few bad answers
    assert "Unexpected error" not in err and "Traceback" not in err
    variants = {v for _, _, v in fake.stats.malformed}
    assert variants & set(hostile.HARMLESS) and variants & set(hostile.WHOLE), variants  # the faults fired
    n_malformed = len(fake.stats.malformed)
    assert f"{n_malformed} malformed TMDb answers" in out

    rc, listing, err = cli(capsys, "--data-dir", str(hostile_dir), "list", "--json")
    assert rc == 0, err
    cards = json.loads(listing)
    assert contract_problems(cards) == []
    hit = _affected(fake, clean)
    rows = db_peek(hostile_dir / "library.sqlite3", "SELECT path, lookup_key FROM files")
    keys = {os.fsdecode(path): key for path, key in rows}
    states = dict(db_peek(hostile_dir / "library.sqlite3", "SELECT key, state FROM lookups"))
    got, want = _by_path(cards), _by_path(clean_cards)
    assert set(got) == set(want)
    compared = 0
    for path, expected in want.items():
        variants = hit.get(keys[path], set())
        if variants <= set(hostile.HARMLESS):
            assert got[path] == expected, path  # clean answers (or only droppable junk): the same match
            compared += 1
        elif variants & set(hostile.WHOLE):
            assert states[keys[path]] == "pending", path  # a failed lookup, kept for the next run
    assert compared >= N_FILMS + BY_ID - 5
    assert "pending" in states.values()


def test_identify_against_a_dripping_server_stops_within_its_deadline(tmp_path, capsys, tmdb_env,
                                                                      monkeypatch) -> None:  # fmt: skip
    """One byte every two seconds: each lookup is cut at its deadline (here 1 s, to keep the test short)
    and the run stops with one sentence, every title still pending. The default bound is checked too."""
    from videomanager.core.paths import resolve_paths
    from videomanager.core.settings import Settings
    from videomanager.tmdb import client as client_module
    from videomanager.tmdb.factory import build_client

    default = build_client(Settings(tmdb_api_key=FakeTMDb.API_KEY), resolve_paths(str(tmp_path / "x")), None)
    assert (
        default.max_request_seconds < 55
    )  # with the shipped defaults, a dead server is left within a minute
    default.close()

    data = _copy(_library(tmp_path, capsys), tmp_path / "drip")
    tmdb_env.faults.drip = 2.0
    monkeypatch.setattr(client_module, "DEFAULT_DEADLINE", 1.0)
    result: list = []
    started = time.monotonic()
    t = threading.Thread(target=lambda: result.append(cli(capsys, "--data-dir", str(data), "identify")))
    t.start()
    t.join(30)
    took = time.monotonic() - started
    assert not t.is_alive(), "identify is still waiting for the dripping server"
    rc, out, err = result[0]
    assert rc == 1 and took < 10
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "within 1 s" in lines[0] and "pending" in lines[0], err
    pending = db_peek(data / "library.sqlite3", "SELECT count(*) FROM lookups WHERE state='pending'")[0][0]
    assert pending == N_FILMS + BY_ID
    assert f"{pending} still pending" in out


def test_a_key_echoed_in_a_401_is_never_printed(tmp_path, fake_tmdb) -> None:
    """The server glues the key it received into its message ("ab<key>cd", where the 32-hex pattern does
    not see it): not on stdout, not on stderr, not in the --debug log."""
    films = tmp_path / "films"
    make_films(films, 2)
    data = tmp_path / "data"
    assert run_cli(["scan", str(films)], data).returncode == 0
    key = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"  # not the stand-in's: refused
    fake_tmdb.faults.echo_key = "ab{}cd"
    r = run_cli(
        ["--debug", "identify"], data, None, TMDB_API_KEY=key, VIDEOMANAGER_TMDB_URL=fake_tmdb.base_url
    )
    assert r.returncode == 1
    assert "You sent ab***cd" in r.stderr  # the message is there, the key is not
    assert key not in r.stdout + r.stderr
    r = run_cli(["--debug", "tmdb", "validate"], data, None, TMDB_API_KEY=key,
                VIDEOMANAGER_TMDB_URL=fake_tmdb.base_url)  # fmt: skip
    assert r.returncode == 1 and key not in r.stdout + r.stderr


def test_a_huge_retry_after_stops_identify_quickly_with_one_sentence(tmp_path, capsys, tmdb_env) -> None:
    data = _copy(_library(tmp_path, capsys), tmp_path / "busy")
    tmdb_env.faults.rate_limit = 0  # every request answered 429...
    tmdb_env.faults.retry_after = 999_999_999  # ...come back in 31 years
    started = time.monotonic()
    rc, out, err = cli(capsys, "--data-dir", str(data), "identify")
    assert rc == 1 and time.monotonic() - started < 10
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "too many requests" in lines[0], err
    assert tmdb_env.stats.request_count <= 10  # no hammering while TMDb asks to wait
    assert f"{N_FILMS + BY_ID} still pending" in out
