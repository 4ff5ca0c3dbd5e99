"""Disk problems: the library cannot grow (disk full), cannot be written (read-only), or a cache folder
cannot be created. Each gives one clear sentence, nothing already stored is damaged, and the program stays
usable read-only (``list`` works).

Root ignores chmod and there is no read-only mount here, so SQLite is told instead: ``PRAGMA
max_page_count`` caps the file at its current size (SQLITE_FULL on the next page) and ``PRAGMA
query_only`` refuses every write, on each connection the library opens.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.helpers import all_paths, cli, db_peek, integrity, make_films
from videomanager.core.library import Library


def _cripple(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    real = Library._connect

    def connect(self: Library) -> sqlite3.Connection:
        conn = real(self)
        if how == "full":
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        else:
            conn.execute("PRAGMA query_only = 1")
        return conn

    monkeypatch.setattr(Library, "_connect", connect)


@pytest.fixture
def library_with_films(tmp_path: Path, data_dir: Path, capsys) -> tuple[Path, Path]:
    films = tmp_path / "films"
    make_films(films, 4)
    assert cli(capsys, "--data-dir", str(data_dir), "scan", str(films))[0] == 0
    Library(data_dir / "library.sqlite3").close()  # checkpoint the WAL so page_count is the real size
    return films, data_dir


def _one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and "Unexpected error" not in err, err
    return lines[0]


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_scan_fails_clearly_and_list_still_works(library_with_films, capsys, monkeypatch, how) -> None:
    films, data = library_with_films
    before = db_peek(data / "library.sqlite3", "SELECT path, size FROM files ORDER BY path")
    for i in range(60):  # enough new rows to need new pages
        (films / f"More.Film.{i}.{1950 + i % 70}.mkv").write_bytes(b"%d" % i)
    _cripple(monkeypatch, how)
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(films), "--workers", "1")
    assert rc == 1
    sentence = _one_sentence(err)
    assert "Could not write to the library" in sentence
    assert ("full" in sentence) if how == "full" else ("readonly" in sentence or "read-only" in sentence)
    rc, out, err = cli(capsys, "--data-dir", str(data), "list", "--json")
    assert rc == 0, err
    assert len(all_paths(json.loads(out))) >= 4
    monkeypatch.undo()
    assert integrity(data / "library.sqlite3") == "ok"
    after = db_peek(data / "library.sqlite3", "SELECT path, size FROM files WHERE path IN "
                    "(SELECT path FROM files) ORDER BY path")  # fmt: skip
    assert set(before) <= set(after), "rows stored before the failure were lost"
    # Space is back: the same scan finishes.
    rc, out, err = cli(capsys, "--data-dir", str(data), "scan", str(films), "--workers", "1")
    assert rc == 0, err
    assert len(all_paths(json.loads(cli(capsys, "--data-dir", str(data), "list", "--json")[1]))) == 64


def test_match_on_a_read_only_library_says_so(library_with_films, capsys, monkeypatch) -> None:
    films, data = library_with_films
    path = next(str(p) for p in films.rglob("*.mkv"))
    _cripple(monkeypatch, "read-only")
    rc, out, err = cli(capsys, "--data-dir", str(data), "match", path, "--tmdb-id", "603")
    assert rc == 1
    assert "Could not write to the library" in _one_sentence(err)
    monkeypatch.undo()
    assert db_peek(data / "library.sqlite3", "SELECT count(*) FROM decisions")[0][0] == 0


def test_identify_with_a_read_only_library_stops_clearly(
    library_with_films, capsys, monkeypatch, fake_tmdb
) -> None:
    films, data = library_with_films
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.API_KEY)
    monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake_tmdb.base_url)
    _cripple(monkeypatch, "read-only")
    rc, out, err = cli(capsys, "--data-dir", str(data), "identify")
    assert rc == 1
    assert "Could not write to the library" in err
    assert "Traceback" not in err and "Unexpected error" not in err, err
    monkeypatch.undo()
    pending = db_peek(data / "library.sqlite3", "SELECT count(*) FROM lookups WHERE state='pending'")[0][0]
    assert pending == 4


def test_cache_folder_that_cannot_be_created(library_with_films, capsys, monkeypatch, fake_tmdb) -> None:
    films, data = library_with_films
    cache = data / "cache"
    for p in sorted(cache.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    cache.rmdir()
    cache.write_text("a file where the cache folder should be")
    rc, out, err = cli(capsys, "--data-dir", str(data), "list", "--json")
    assert rc == 0, err
    assert len(all_paths(json.loads(out))) == 4
    assert "Cannot create the data folder" in _one_sentence(err)
    monkeypatch.setenv("TMDB_API_KEY", fake_tmdb.API_KEY)
    monkeypatch.setenv("VIDEOMANAGER_TMDB_URL", fake_tmdb.base_url)
    rc, out, err = cli(capsys, "--data-dir", str(data), "identify")
    assert rc == 1
    assert "Cannot use the cache folder" in err and "Unexpected error" not in err
    assert cache.read_text() == "a file where the cache folder should be"
