"""Corrupt or contested state: damaged settings.json, a library that is garbage, locked, or from a newer
version, and two instances at once. The program starts, says what happened in one sentence, keeps the bad
file aside, and never writes over data it could not read.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from pathlib import Path

import pytest

import videomanager.core.library as library_mod
from tests.reliability.helpers import (
    all_paths,
    cli,
    db_peek,
    integrity,
    list_json,
    make_films,
    run_cli,
    start_cli,
    write_settings,
)
from videomanager.core.library import Library


def _one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- settings.json ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b'{"tmdb_api_key": "abc', b"\x00\xff\xfe garbage", b"[1, 2, 3]", b"", b"null"],
    ids=["truncated", "binary", "not-an-object", "empty", "null"],
)
def test_damaged_settings_json_is_kept_aside(data_dir: Path, capsys, content: bytes) -> None:
    (data_dir / "settings.json").write_bytes(content)
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0 and json.loads(out) == []
    sentence = _one_sentence(err)
    assert "settings.json was damaged" in sentence and "default settings" in sentence
    [aside] = data_dir.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == content  # what the user wrote is never lost
    # The next start is quiet: the damaged file is not reported (nor copied) again.
    rc, _, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0 and err == ""
    assert len(list(data_dir.glob("settings.json.corrupt-*"))) == 1


def test_settings_with_wrong_types_fall_back_per_key(data_dir: Path, capsys) -> None:
    bad = {"tmdb_api_key": 987654321, "daily_request_limit": "lots", "library_folders": "x", "language": "fr-FR",
           "requests_per_second": -3, "include_adult": "yes", "future_key": {"kept": True}}  # fmt: skip
    write_settings(data_dir, **bad)
    original = (data_dir / "settings.json").read_bytes()
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0
    sentence = _one_sentence(err)
    assert "wrong type" in sentence and "tmdb_api_key" in sentence
    assert "987654321" not in sentence  # values are not echoed (could be a secret)
    [aside] = data_dir.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == original
    from videomanager.core.settings import SettingsStore

    loaded = SettingsStore(data_dir / "settings.json").load()
    assert loaded.settings.language == "fr-FR"  # the good keys are kept
    assert loaded.settings.daily_request_limit == 20000 and loaded.settings.requests_per_second == 10.0
    assert loaded.settings.extra == {"future_key": {"kept": True}}
    # Starting again does not pile up copies of the same bad file.
    for _ in range(3):
        cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert len(list(data_dir.glob("settings.json.corrupt-*"))) == 1


def test_unreadable_settings_are_never_overwritten(data_dir: Path, tmp_path: Path, capsys) -> None:
    (data_dir / "settings.json").mkdir()  # exists, cannot be read as a file (root ignores chmod)
    marker = data_dir / "settings.json" / "keep-me"
    marker.write_text("user data")
    films = tmp_path / "films"
    make_films(films, 1)
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "scan", str(films))
    assert rc == 0, err
    assert "Could not read" in err and "untouched" in err
    assert marker.read_text() == "user data"


def test_settings_file_mode_is_0600_after_a_save(data_dir: Path) -> None:
    from videomanager.core.settings import Settings, SettingsStore

    path = data_dir / "settings.json"
    path.write_text("{}")
    os.chmod(path, 0o644)  # written by hand, readable by all
    SettingsStore(path).save(Settings(language="fr-FR"))
    assert path.stat().st_mode & 0o777 == 0o600


# -- the library database -----------------------------------------------------------------------------------


def _scanned(tmp_path: Path, data_dir: Path, capsys) -> Path:
    films = tmp_path / "films"
    make_films(films, 3)
    assert cli(capsys, "--data-dir", str(data_dir), "scan", str(films))[0] == 0
    return films


@pytest.mark.parametrize("how", ["garbage", "truncated", "zeroed-header"])
def test_corrupt_library_is_kept_aside_and_a_new_one_started(tmp_path, data_dir, capsys, how) -> None:
    films = _scanned(tmp_path, data_dir, capsys)
    db = data_dir / "library.sqlite3"
    Library(db).close()  # checkpoint so the main file holds everything
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    raw = db.read_bytes()
    if how == "garbage":
        bad = os.urandom(8192)
    elif how == "truncated":
        bad = raw[:1500]
    else:
        bad = b"\x00" * 100 + raw[100:]
    db.write_bytes(bad)
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0, err
    sentence = _one_sentence(err)
    assert "damaged" in sentence and "kept as" in sentence
    [aside] = [p for p in data_dir.glob("library.sqlite3.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == bad
    assert integrity(db) == "ok"
    # The user scans again and is back in business.
    assert cli(capsys, "--data-dir", str(data_dir), "scan", str(films))[0] == 0
    assert len(all_paths(list_json(capsys, data_dir))) == 3


def test_library_from_a_newer_version_is_read_only_and_untouched(tmp_path, data_dir, capsys) -> None:
    films = _scanned(tmp_path, data_dir, capsys)
    db = data_dir / "library.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    Library(db, read_only=True).close()
    before = db.read_bytes()
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert rc == 0
    assert "newer version" in _one_sentence(err)
    assert len(all_paths(json.loads(out))) == 3  # still readable
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "scan", str(films))
    assert rc == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 2 and "newer version" in lines[0] and "read-only" in lines[1]
    assert "Unexpected error" not in err
    assert db.read_bytes() == before
    assert db_peek(db, "PRAGMA user_version")[0][0] == 999
    assert not list(data_dir.glob("library.sqlite3.corrupt-*"))


def test_locked_library_lists_and_a_write_says_busy(tmp_path, data_dir, capsys, monkeypatch) -> None:
    films = _scanned(tmp_path, data_dir, capsys)
    monkeypatch.setattr(library_mod, "BUSY_TIMEOUT", 0.5)
    holder = sqlite3.connect(data_dir / "library.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
        assert rc == 0 and len(all_paths(json.loads(out))) == 3  # WAL readers are not blocked
        (films / "New.Film.2020.mkv").write_bytes(b"new")
        rc, out, err = cli(capsys, "--data-dir", str(data_dir), "scan", str(films))
        assert rc == 1
        assert "busy" in _one_sentence(err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(data_dir.glob("library.sqlite3.corrupt-*"))
    assert cli(capsys, "--data-dir", str(data_dir), "scan", str(films))[0] == 0
    assert len(all_paths(list_json(capsys, data_dir))) == 4


def test_locked_fresh_library_is_not_mistaken_for_corruption(data_dir, capsys, monkeypatch) -> None:
    """A database another process holds locked before it even has tables must not be set aside."""
    monkeypatch.setattr(library_mod, "BUSY_TIMEOUT", 0.5)
    db = data_dir / "library.sqlite3"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE other_program(x)")
    try:
        rc, out, err = cli(capsys, "--data-dir", str(data_dir), "list", "--json")
        assert rc == 1
        assert "busy" in _one_sentence(err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(data_dir.glob("library.sqlite3.corrupt-*"))


def test_a_write_waits_for_a_short_lock(tmp_path, data_dir, capsys) -> None:
    films = _scanned(tmp_path, data_dir, capsys)
    holder = sqlite3.connect(data_dir / "library.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
    (films / "New.Film.2020.mkv").write_bytes(b"new")
    rc, out, err = cli(capsys, "--data-dir", str(data_dir), "scan", str(films))
    holder.close()
    assert rc == 0, err
    assert "1 new" in out


def test_two_libraries_opened_at_once_on_a_fresh_file(tmp_path: Path) -> None:
    """Both create the schema at the same moment: neither may take the other's work for corruption."""
    for i in range(8):
        db = tmp_path / f"lib{i}.sqlite3"
        barrier = threading.Barrier(2)
        notices: list[str | None] = []

        def open_it(db: Path = db, barrier: threading.Barrier = barrier, notices: list = notices) -> None:
            barrier.wait()
            lib = Library(db)
            notices.append(lib.notice)
            lib.close()

        threads = [threading.Thread(target=open_it) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert notices == [None, None]
        assert not list(tmp_path.glob(f"lib{i}.sqlite3.corrupt-*"))


def test_two_scan_processes_at_once(tmp_path: Path) -> None:
    films_a, films_b = tmp_path / "a", tmp_path / "b"
    made = {**make_films(films_a, 15), **make_films(films_b, 15, start=15)}
    data = tmp_path / "data"
    # A fresh data dir, so both also race to create the schema.
    procs = [start_cli(["scan", str(films_a), str(films_b)], data), start_cli(["scan", str(films_b)], data)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [rc for rc, _ in results] == [0, 0], results
    db = data / "library.sqlite3"
    assert integrity(db) == "ok"
    assert db_peek(db, "SELECT path FROM files GROUP BY path HAVING count(*) > 1") == []
    assert not list(data.glob("library.sqlite3.corrupt-*"))
    r = run_cli(["list", "--json"], data)
    paths = all_paths(json.loads(r.stdout))
    assert sorted(paths) == sorted(made)
