"""The library: one SQLite database (WAL) holding files, parses, lookups, titles, manual decisions and
the TMDb request log.

Paths are stored as BLOBs of their OS bytes (``os.fsencode``) so that names which are not valid UTF-8
survive unchanged; they come back as ``str`` with surrogate escapes, exactly as ``os.scandir`` gives them.
Each thread gets its own connection. A database that is not a database is moved aside and a new one is
started; one written by a newer version is opened read-only and never written.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from videomanager.core.migrations import SCHEMA_VERSION, migrate
from videomanager.core.models import Parsed


def select_in(conn, query: str, values: Iterable) -> list[tuple]:
    """Rows of ``query`` (whose ``{}`` stands for a list of placeholders) for all values, in chunks of 500
    (well under SQLite's limit on the number of parameters)."""
    values = list(values)
    out: list[tuple] = []
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        out.extend(conn.execute(query.format(",".join("?" * len(chunk))), chunk))
    return out


class LibraryError(Exception):
    """A library problem with a message a person understands (English), and its ``kind`` ("busy",
    "write", "read-only", "open"), which a window says in its own language."""

    def __init__(self, message: str, kind: str = "open") -> None:
        super().__init__(message)
        self.kind = kind
        self.args_for_message: dict = {}


# Seconds a write waits for another connection (another window, a CLI scan) to finish its transaction.
BUSY_TIMEOUT = 10.0
BUSY_MESSAGE = "The library is busy: another videomanager is writing to it; try again when it has finished."


def _open_problem(path: Path, exc: sqlite3.OperationalError) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return BUSY_MESSAGE
    return f"The library at {path} cannot be opened ({exc}); it was left untouched."


def _b(path: str) -> bytes:
    return os.fsencode(path)


def _is_root(c: sqlite3.Connection, path: str) -> bool:
    return c.execute("SELECT 1 FROM roots WHERE path = ?", (_b(path),)).fetchone() is not None


_INSERT_FILE = (
    "INSERT INTO files(root, dir, size, mtime, role, extra_type, stack_key, part, parse, lookup_key, path, "
    "missing, added_at, seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,?,?)"
)
_UPDATE_FIELDS = (
    "root=?, dir=?, size=?, mtime=?, role=?, extra_type=?, stack_key=?, part=?, parse=?, lookup_key=?"
)


def _write_file(c: sqlite3.Connection, path: str, params: tuple, moved_id: int | None, now: float) -> bool:
    """Write one file's row: True when a row was updated, False when one was inserted. A new path is one
    insert; a path the library holds is updated; a moved file's old row takes its new path."""
    if moved_id is None:
        cur = c.execute(_INSERT_FILE + " ON CONFLICT(path) DO NOTHING", (*params, _b(path), now, now))
        if cur.rowcount:
            return False
    cur = c.execute(
        f"UPDATE files SET {_UPDATE_FIELDS}, fingerprint=NULL, missing=0, seen_at=? WHERE path=?",
        (*params, now, _b(path)),
    )
    if not cur.rowcount and moved_id is not None:
        cur = c.execute(
            f"UPDATE files SET {_UPDATE_FIELDS}, path=?, missing=0, seen_at=? WHERE id=?",
            (*params, _b(path), now, moved_id),
        )
    if cur.rowcount:
        return True
    c.execute(_INSERT_FILE, (*params, _b(path), now, now))
    return False


def _s(blob: bytes | str | None) -> str | None:
    if blob is None:
        return None
    return os.fsdecode(blob) if isinstance(blob, bytes) else blob


@dataclass(frozen=True)
class FileRecord:
    id: int
    path: str
    root: str
    dir: str
    size: int
    mtime: float
    role: str
    extra_type: str | None
    stack_key: str | None
    part: int | None
    parsed: Parsed
    lookup_key: str | None
    fingerprint: str | None
    missing: bool
    added_at: float


@dataclass(frozen=True)
class NewFile:
    """A file to insert or update after parsing (what the indexer writes)."""

    path: str
    root: str
    size: int
    mtime: float
    role: str
    extra_type: str | None
    stack_key: str | None
    part: int | None
    parsed: Parsed
    lookup_key: str | None


@dataclass(frozen=True)
class LookupRow:
    key: str
    kind: str  # "movie" or "tv"
    query: str | None
    year: int | None
    state: str
    tmdb_id: int | None
    confidence: float | None
    reasons: str
    candidates: list[dict]
    error: str | None
    done_at: float | None


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    action: str  # "match" | "unmatch" | "split" | "group"
    kind: str | None
    tmdb_id: int | None
    group_token: str | None
    created_at: float


@dataclass(frozen=True)
class SeasonRow:
    """One TMDb season of a show: its episode count and air date, and its episodes once fetched."""

    tv_id: int
    season: int
    episode_count: int | None
    air_date: str | None
    episodes: (
        tuple[tuple[int, str | None, str | None], ...] | None
    )  # (number, name, air date); None = not fetched
    language: str | None
    fetched_at: float


_FILE_COLS = (
    "id, path, root, dir, size, mtime, role, extra_type, stack_key, part, parse, lookup_key, "
    "fingerprint, missing, added_at"
)


def _file_from_row(r: tuple, decoded: dict[bytes, str] | None = None) -> FileRecord:
    if decoded is None:
        root, dir_ = _s(r[2]), _s(r[3])
    else:  # many files share a root and a folder: decode each once
        root = decoded.get(r[2]) or decoded.setdefault(r[2], _s(r[2]))
        dir_ = decoded.get(r[3]) or decoded.setdefault(r[3], _s(r[3]))
    return FileRecord(
        id=r[0],
        path=_s(r[1]),
        root=root,
        dir=dir_,
        size=r[4],
        mtime=r[5],
        role=r[6],
        extra_type=r[7],
        stack_key=_s(r[8]),
        part=r[9],
        parsed=Parsed.from_dict(json.loads(r[10])) if r[10] else Parsed(),
        lookup_key=r[11],
        fingerprint=r[12],
        missing=bool(r[13]),
        added_at=r[14],
    )


class Library:
    """The SQLite store. Thread-safe: one connection per thread, WAL, a busy timeout."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, clock=time.time) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.notice: str | None = None  # one sentence for the user (corruption, newer schema, ...)
        self._clock = clock
        self._local: dict[int, sqlite3.Connection] = {}
        self._all_conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self._open()

    # -- connections -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = f"file:{self.path.as_posix()}?mode=ro"
            conn = sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None
            )
        else:
            conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT, check_same_thread=False, isolation_level=None
            )
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        if not self.read_only:
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        with self._conns_lock:
            self._all_conns.append(conn)
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection. Keyed by the OS thread, not a threading.local: a Qt worker thread gets a
        new Python thread state for every slot call, and a threading.local would open a connection per call."""
        ident = threading.get_ident()
        conn = self._local.get(ident)
        if conn is None:
            conn = self._local[ident] = self._connect()
        return conn

    def _open(self) -> None:
        # Two instances creating a new library at once can meet SQLite's lock-upgrade deadlock, which
        # answers "locked" at once instead of waiting: a short retry settles it.
        for attempt in range(4):
            try:
                return self._open_once()
            except LibraryError as exc:
                if attempt == 3 or not isinstance(exc.__cause__, sqlite3.OperationalError):
                    raise
                if "locked" not in str(exc.__cause__) and "busy" not in str(exc.__cause__):
                    raise
                self.close()
                time.sleep(0.05 * (attempt + 1))

    def _open_once(self) -> None:
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.read_only and not self.path.exists():
            raise LibraryError(f"No library at {self.path}.")
        try:
            conn = self.conn
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                self._reopen_read_only()
                self.notice = (
                    "This library was written by a newer version of videomanager; it is opened read-only "
                    "and left unchanged."
                )
                return
            if not self.read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                with self._write_lock:
                    self._migrate(conn)
            else:
                conn.execute("SELECT count(*) FROM files").fetchone()
        except sqlite3.OperationalError as exc:
            # Locked, busy, disk full, I/O or permission errors say nothing about the file's content:
            # setting it aside would throw away a good library (another instance may be using it).
            message = _open_problem(self.path, exc)
            raise LibraryError(message, "busy" if message == BUSY_MESSAGE else "open") from exc
        except sqlite3.DatabaseError as exc:  # not a database, or a malformed one
            if self.read_only:
                raise LibraryError(f"The library at {self.path} cannot be opened: {exc}.") from exc
            self._set_aside_and_restart(exc)

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        for attempt in range(3):
            try:
                migrate(conn)
                return
            except sqlite3.OperationalError as exc:
                # Another process migrated between our read of user_version and our write lock:
                # read the version again (it is now current) rather than fail.
                if "already exists" not in str(exc) or attempt == 2:
                    raise

    def _reopen_read_only(self) -> None:
        self.close()
        self.read_only = True
        self._local = {}
        self.conn.execute("SELECT 1").fetchone()

    def _set_aside_and_restart(self, exc: Exception) -> None:
        self.close()
        self._local = {}
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self._clock()))
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():  # two set-asides within one second must not overwrite each other
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                os.replace(side, Path(str(aside) + suffix))
        self.notice = (
            f"The library database was damaged ({exc}); it was kept as {aside.name} and a new, empty "
            "library was started: scan your folders again."
        )
        conn = self.conn
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)

    def close(self) -> None:
        with self._conns_lock:
            for c in self._all_conns:
                try:
                    c.close()
                except sqlite3.Error:
                    pass
            self._all_conns.clear()
        self._local = {}

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (serialised within the process; SQLite serialises across processes).

        What it changes in files, lookups, titles and decisions is logged for the card store by triggers
        (see core/cards.py)."""
        if self.read_only:
            raise LibraryError("The library is open read-only; nothing can be changed.", "read-only")
        conn = self.conn
        with self._write_lock:
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._rollback(conn)
                text = str(exc)
                if "locked" in text or "busy" in text:
                    raise LibraryError(BUSY_MESSAGE, "busy") from exc
                if "disk" in text or "full" in text or "readonly" in text or "read-only" in text:
                    raise LibraryError(f"Could not write to the library: {exc}.", "write") from exc
                raise
            except BaseException:
                self._rollback(conn)
                raise

    @contextmanager
    def read_transaction(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every read inside sees the library as it was at its first read."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            self._rollback(conn)

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- roots (the library folders: this table is their one home) ----------------------------------
    def add_roots(self, paths: Iterable[str], devices: dict[str, int] | None = None) -> list[str]:
        """Register library folders (known ones are left as they are); ``devices`` records the st_dev each
        folder was read on. Returns the folders that were new."""
        added = []
        now = self._clock()
        with self.transaction() as c:
            for p in paths:
                cur = c.execute("INSERT OR IGNORE INTO roots(path, added_at) VALUES (?, ?)", (_b(p), now))
                if cur.rowcount:
                    added.append(p)
            for p, dev in (devices or {}).items():
                c.execute("UPDATE roots SET dev = ? WHERE path = ? AND dev IS NOT ?", (dev, _b(p), dev))
        return added

    def roots(self) -> list[str]:
        return [_s(r[0]) for r in self.conn.execute("SELECT path FROM roots ORDER BY added_at, path")]

    def root_devices(self) -> dict[str, int | None]:
        """Library folder -> the st_dev it was last read on (None before it was read)."""
        rows = self.conn.execute("SELECT path, dev FROM roots ORDER BY added_at, path")
        return {_s(p): dev for p, dev in rows}

    def root_file_count(self, root: str) -> int:
        return self.conn.execute("SELECT count(*) FROM files WHERE root = ?", (_b(root),)).fetchone()[0]

    def remove_root(self, path: str) -> int:
        """Forget a library folder and its files (the files on disk are not touched)."""
        return self.remove_roots([path])

    def remove_roots(self, paths: Iterable[str]) -> int:
        """Forget library folders and their files; returns how many files left the library. Manual
        decisions (keyed by fingerprint) and lookups stay, so adding a folder back restores its cards."""
        removed = 0
        with self.transaction() as c:
            for p in paths:
                c.execute("DELETE FROM roots WHERE path = ?", (_b(p),))
                removed += c.execute("DELETE FROM files WHERE root = ?", (_b(p),)).rowcount
        return removed

    def adopt_folders(self, paths: Iterable[str]) -> list[str]:
        """Once per library: make ``paths`` (the folders older versions kept in settings.json) library
        folders. Later calls change nothing, so a folder removed since never comes back. Returns the folders
        added."""
        if self.read_only or self._meta("folders_adopted"):
            return []
        now = self._clock()
        added = []
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM meta WHERE key = 'folders_adopted'").fetchone():
                return []  # another process did it meanwhile
            for p in paths:
                if c.execute(
                    "INSERT OR IGNORE INTO roots(path, added_at) VALUES (?, ?)", (_b(p), now)
                ).rowcount:
                    added.append(p)
            c.execute("INSERT INTO meta(key, value) VALUES ('folders_adopted', 1)")
        return added

    def _meta(self, key: str) -> int | None:
        r = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return r[0] if r else None

    # -- files ---------------------------------------------------------------------------------------
    def index_for_root(self, root: str) -> dict[str, tuple[int, int, float, bool, tuple]]:
        """path -> (id, size, mtime, missing, classification) for every file stored under root.

        classification is (is_extra, extra_type, stack_key, part): what the scanner decides from the
        neighbours of a file, which can change while the file itself does not (a cd2 appears)."""
        rows = self.conn.execute(
            "SELECT path, id, size, mtime, missing, role, extra_type, stack_key, part FROM files WHERE root = ?",
            (_b(root),),
        )
        return {
            _s(p): (i, s, m, bool(x), (role == "extra", et, _s(sk), part))
            for p, i, s, m, x, role, et, sk, part in rows
        }

    def index_for_folders(
        self, root: str, folders: Mapping[str, bool]
    ) -> dict[str, tuple[int, int, float, bool, tuple]]:
        """As ``index_for_root``, for the files of root that sit in these folders (and below a folder whose
        value is True)."""
        out: dict[str, tuple[int, int, float, bool, tuple]] = {}
        cols = "path, id, size, mtime, missing, role, extra_type, stack_key, part"
        for folder, deep in folders.items():
            q = f"SELECT {cols} FROM files WHERE root = ? AND (dir = ?"
            args: list = [_b(root), _b(folder)]
            if deep:
                # Paths below folder: from "folder/" up to (not including) "folder0" ("0" follows "/").
                q += " OR (dir >= ? AND dir < ?)"
                base = folder.rstrip(os.sep)
                args += [_b(base + os.sep), _b(base + chr(ord(os.sep) + 1))]
            for p, i, s, m, x, role, et, sk, part in self.conn.execute(q + ")", args):
                out[_s(p)] = (i, s, m, bool(x), (role == "extra", et, _s(sk), part))
        return out

    def stat_index(self, roots: Iterable[str]) -> tuple[dict[bytes, tuple[int, float]], int]:
        """(OS path bytes -> (size, mtime), count of files marked missing) under roots: what a rescan
        compares against, without decoding a single path."""
        known: dict[bytes, tuple[int, float]] = {}
        missing = 0
        for root in roots:
            rows = self.conn.execute("SELECT path, size, mtime FROM files WHERE root = ?", (_b(root),))
            known.update({path: (size, mtime) for path, size, mtime in rows})
            missing += self.conn.execute(
                "SELECT count(*) FROM files WHERE root = ? AND missing = 1", (_b(root),)
            ).fetchone()[0]
        return known, missing

    def upsert_files(
        self, files: list[NewFile], *, moved: Mapping[str, int] | None = None, require_root: bool = False
    ) -> tuple[int, int]:
        """Insert new files or update changed ones. Returns (inserted, updated).

        ``moved`` maps the new path of a file that was moved to the id of the row it had: that row takes
        the new path and keeps its id, date added and fingerprint. With ``require_root``, a file whose root
        is not a library folder (removed meanwhile) is left out."""
        if not files:
            return 0, 0
        moved = moved or {}
        now = self._clock()
        inserted = updated = 0
        with self.transaction() as c:
            registered: dict[str, bool] = {}
            kept = []
            for f in files:
                if require_root and f.root not in registered:
                    registered[f.root] = _is_root(c, f.root)
                if require_root and not registered[f.root]:
                    continue
                kept.append(f)
                params = (
                    _b(f.root),
                    _b(os.path.dirname(f.path)),
                    f.size,
                    f.mtime,
                    f.role,
                    f.extra_type,
                    _b(f.stack_key) if f.stack_key else None,
                    f.part,
                    json.dumps(f.parsed.to_dict(), ensure_ascii=False),
                    f.lookup_key,
                )
                if _write_file(c, f.path, params, moved.get(f.path), now):
                    updated += 1
                else:
                    inserted += 1
            keys = {f.lookup_key for f in kept if f.lookup_key}
            self._ensure_lookups(c, keys, kept)
        return inserted, updated

    def move_candidates(self, sizes: Iterable[int]) -> list[tuple[int, str, int, float, str | None]]:
        """(id, path, size, mtime, fingerprint) of every file of one of these sizes: what a file found at a
        new path may have been."""
        sizes_l = sorted(set(sizes))
        out = []
        for i in range(0, len(sizes_l), 500):
            chunk = sizes_l[i : i + 500]
            q = f"SELECT id, path, size, mtime, fingerprint FROM files WHERE size IN ({','.join('?' * len(chunk))})"
            out.extend((i_, _s(p), s, m, fp) for i_, p, s, m, fp in self.conn.execute(q, chunk))
        return out

    def _ensure_lookups(self, c: sqlite3.Connection, keys: set[str], files: list[NewFile]) -> None:
        by_key: dict[str, NewFile] = {}
        for f in files:
            if f.lookup_key and f.lookup_key not in by_key:
                by_key[f.lookup_key] = f
        for key in keys:
            f = by_key[key]
            kind = "tv" if f.parsed.kind == "episode" else "movie"
            c.execute(
                "INSERT OR IGNORE INTO lookups(key, kind, query, year, state) VALUES (?, ?, ?, ?, 'pending')",
                (key, kind, f.parsed.title, f.parsed.year),
            )

    def set_missing(self, ids: Iterable[int], missing: bool) -> int:
        ids = list(ids)
        if not ids:
            return 0
        with self.transaction() as c:
            c.executemany("UPDATE files SET missing=? WHERE id=?", [(int(missing), i) for i in ids])
        return len(ids)

    def delete_files(self, ids: Iterable[int]) -> int:
        ids = list(ids)
        if not ids:
            return 0
        with self.transaction() as c:
            c.executemany("DELETE FROM files WHERE id=?", [(i,) for i in ids])
        return len(ids)

    def missing_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM files WHERE missing=1").fetchone()[0]

    def prune(self) -> int:
        """Forget every file marked missing (explicit user action)."""
        with self.transaction() as c:
            return c.execute("DELETE FROM files WHERE missing=1").rowcount

    def files(self) -> list[FileRecord]:
        decoded: dict[bytes, str] = {}
        return [
            _file_from_row(r, decoded)
            for r in self.conn.execute(f"SELECT {_FILE_COLS} FROM files ORDER BY id")
        ]

    def file_by_path(self, path: str) -> FileRecord | None:
        r = self.conn.execute(f"SELECT {_FILE_COLS} FROM files WHERE path=?", (_b(path),)).fetchone()
        return _file_from_row(r) if r else None

    def files_by_ids(self, ids: Iterable[int]) -> list[FileRecord]:
        ids = list(ids)
        out: list[FileRecord] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT {_FILE_COLS} FROM files WHERE id IN ({','.join('?' * len(chunk))})"
            out.extend(_file_from_row(r) for r in self.conn.execute(q, chunk))
        return out

    def parses_for_keys(self, keys: set[str]) -> Iterator[tuple[str, Parsed]]:
        """(lookup key, parse) for every file using one of keys."""
        keys = list(keys)
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            q = f"SELECT lookup_key, parse FROM files WHERE lookup_key IN ({','.join('?' * len(chunk))}) ORDER BY id"
            for key, parse in self.conn.execute(q, chunk):
                yield key, Parsed.from_dict(json.loads(parse)) if parse else Parsed()

    def files_without_fingerprint(self, sizes: set[int]) -> list[FileRecord]:
        sizes_l = sorted(sizes)
        out: list[FileRecord] = []
        for i in range(0, len(sizes_l), 500):
            chunk = sizes_l[i : i + 500]
            q = (
                f"SELECT {_FILE_COLS} FROM files WHERE fingerprint IS NULL AND missing = 0 "
                f"AND size IN ({','.join('?' * len(chunk))})"
            )
            out.extend(_file_from_row(r) for r in self.conn.execute(q, chunk))
        return out

    def file_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM files").fetchone()[0]

    def set_fingerprint(self, file_id: int, fingerprint: str) -> None:
        with self.transaction() as c:
            c.execute("UPDATE files SET fingerprint=? WHERE id=?", (fingerprint, file_id))

    # -- lookups ---------------------------------------------------------------------------------------
    _LOOKUP_COLS = "key, kind, query, year, state, tmdb_id, confidence, reasons, candidates, error, done_at"

    @staticmethod
    def _lookup_row(r: tuple) -> LookupRow:
        return LookupRow(key=r[0], kind=r[1], query=r[2], year=r[3], state=r[4], tmdb_id=r[5], confidence=r[6],
                         reasons=r[7] or "", candidates=json.loads(r[8]) if r[8] else [], error=r[9],
                         done_at=r[10])  # fmt: skip

    def lookups(self, states: Iterable[str] | None = None) -> list[LookupRow]:
        q = f"SELECT {self._LOOKUP_COLS} FROM lookups"
        args: tuple = ()
        if states is not None:
            states = list(states)
            q += f" WHERE state IN ({','.join('?' * len(states))})"
            args = tuple(states)
        return [self._lookup_row(r) for r in self.conn.execute(q, args)]

    def _select_in(self, query: str, values: Iterable) -> Iterator[tuple]:
        """Rows of ``query`` (whose one ``{}`` stands for a list of placeholders) for every value, in chunks."""
        values = list(values)
        for i in range(0, len(values), 500):
            chunk = values[i : i + 500]
            yield from self.conn.execute(query.format(",".join("?" * len(chunk))), chunk)

    def lookups_for(self, keys: Iterable[str]) -> dict[str, LookupRow]:
        rows = self._select_in(f"SELECT {self._LOOKUP_COLS} FROM lookups WHERE key IN ({{}})", keys)
        return {r[0]: self._lookup_row(r) for r in rows}

    def file_ids_with(self, *, keys: Iterable[str] = (), fingerprints: Iterable[str] = ()) -> set[int]:
        """Ids of the files that use one of these lookup keys or have one of these fingerprints."""
        out = {r[0] for r in self._select_in("SELECT id FROM files WHERE lookup_key IN ({})", keys)}
        out.update(
            r[0] for r in self._select_in("SELECT id FROM files WHERE fingerprint IN ({})", fingerprints)
        )
        return out

    def pending_lookup_keys(self) -> list[str]:
        """Keys still to look up that some file in the library uses."""
        q = (
            "SELECT key FROM lookups WHERE state='pending' AND key IN "
            "(SELECT DISTINCT lookup_key FROM files WHERE lookup_key IS NOT NULL) ORDER BY key"
        )
        return [r[0] for r in self.conn.execute(q)]

    def save_lookup(
        self,
        key: str,
        *,
        state: str,
        tmdb_id: int | None = None,
        kind: str | None = None,
        confidence: float | None = None,
        reasons: str = "",
        candidates: list[dict] | None = None,
        error: str | None = None,
    ) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE lookups SET state=?, tmdb_id=?, kind=COALESCE(?, kind), confidence=?, reasons=?, "
                "candidates=?, error=?, done_at=? WHERE key=?",
                (
                    state,
                    tmdb_id,
                    kind,
                    confidence,
                    reasons,
                    json.dumps(candidates or [], ensure_ascii=False),
                    error,
                    self._clock(),
                    key,
                ),
            )

    def reset_lookups(self, states: Iterable[str]) -> int:
        states = list(states)
        with self.transaction() as c:
            return c.execute(
                f"UPDATE lookups SET state='pending', done_at=NULL WHERE state IN ({','.join('?' * len(states))})",
                states,
            ).rowcount

    # -- TMDb titles (what a card shows) -------------------------------------------------------------
    def save_title(self, kind: str, tmdb_id: int, data: dict) -> None:
        """Store what a card shows of a TMDb title; malformed fields are dropped, and data with no usable
        title is not stored at all (the card keeps the file's own title)."""
        from videomanager.tmdb.validate import clean_title_data

        data = clean_title_data(data)  # type: ignore[assignment]
        if data is None:
            return
        with self.transaction() as c:
            c.execute(
                "INSERT INTO titles(kind, tmdb_id, data, fetched_at) VALUES (?,?,?,?) "
                "ON CONFLICT(kind, tmdb_id) DO UPDATE SET data=excluded.data, fetched_at=excluded.fetched_at",
                (kind, tmdb_id, json.dumps(data, ensure_ascii=False), self._clock()),
            )

    def titles(self) -> dict[tuple[str, int], dict]:
        return {
            (k, i): json.loads(d) for k, i, d in self.conn.execute("SELECT kind, tmdb_id, data FROM titles")
        }

    def titles_for(self, tmdb_ids: Iterable[int]) -> dict[tuple[str, int], dict]:
        rows = self._select_in("SELECT kind, tmdb_id, data FROM titles WHERE tmdb_id IN ({})", tmdb_ids)
        return {(k, i): json.loads(d) for k, i, d in rows}

    def titles_not_in(self, language: str, default: str) -> list[tuple[str, int, dict]]:
        """The titles whose data were fetched in another language than ``language`` (``default`` for titles
        that do not say): (kind, tmdb id, data)."""
        rows = self.conn.execute(
            "SELECT kind, tmdb_id, data FROM titles "
            "WHERE COALESCE(json_extract(data, '$.fetched_language'), ?) != ?",
            (default, language),
        )
        return [(k, i, json.loads(d)) for k, i, d in rows]

    def title(self, kind: str, tmdb_id: int) -> dict | None:
        r = self.conn.execute(
            "SELECT data FROM titles WHERE kind=? AND tmdb_id=?", (kind, tmdb_id)
        ).fetchone()
        return json.loads(r[0]) if r else None

    # -- TMDb seasons (episode numbering, titles and air dates of the shows held) ----------------------
    def save_season_summary(self, tv_id: int, seasons: Iterable[tuple[int, int | None, str | None]]) -> None:
        """The show's seasons as its details list them: (season, episode count, air date). Episodes already
        fetched are kept; the show's cards are touched only when a count or a date differs (the trigger)."""
        now = self._clock()
        with self.transaction() as c:
            for season, count, air_date in seasons:
                c.execute(
                    "INSERT INTO seasons(tv_id, season, episode_count, air_date, fetched_at) VALUES (?,?,?,?,?) "
                    "ON CONFLICT(tv_id, season) DO UPDATE SET episode_count=COALESCE(excluded.episode_count, "
                    "episode_count), air_date=COALESCE(excluded.air_date, air_date), fetched_at=excluded.fetched_at",
                    (tv_id, season, count, air_date, now),
                )

    def save_season_episodes(
        self,
        tv_id: int,
        season: int,
        episodes: Iterable[tuple[int, str | None, str | None]],
        *,
        air_date: str | None,
        language: str | None,
    ) -> None:
        """A season's episodes as TMDb's season details give them: (number, name, air date)."""
        rows = sorted(set(episodes))
        with self.transaction() as c:
            c.execute(
                "INSERT INTO seasons(tv_id, season, episode_count, air_date, episodes, language, fetched_at) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(tv_id, season) DO UPDATE SET "
                "episode_count=excluded.episode_count, air_date=COALESCE(excluded.air_date, air_date), "
                "episodes=excluded.episodes, language=excluded.language, fetched_at=excluded.fetched_at",
                (tv_id, season, len(rows), air_date, json.dumps(rows, ensure_ascii=False), language,
                 self._clock()),
            )  # fmt: skip

    def seasons_for(self, tv_ids: Iterable[int]) -> dict[int, dict[int, SeasonRow]]:
        """{tv id: {season number: row}} for these shows."""
        out: dict[int, dict[int, SeasonRow]] = {}
        rows = self._select_in(
            "SELECT tv_id, season, episode_count, air_date, episodes, language, fetched_at FROM seasons "
            "WHERE tv_id IN ({})",
            tv_ids,
        )
        for tv_id, season, count, air_date, episodes, language, fetched_at in rows:
            eps = None
            if episodes is not None:
                eps = tuple((int(n), name, date) for n, name, date in json.loads(episodes))
            out.setdefault(tv_id, {})[season] = SeasonRow(
                tv_id, season, count, air_date, eps, language, fetched_at
            )
        return out

    def tv_parses(self) -> dict[int, list[Parsed]]:
        """{tv id: parses of its episode files} for every show a file is matched to (by lookup or by you)."""
        out: dict[int, list[Parsed]] = {}
        rows = self.conn.execute(
            "SELECT l.tmdb_id, f.parse FROM files f JOIN lookups l ON l.key = f.lookup_key "
            "WHERE l.state = 'matched' AND l.kind = 'tv' AND l.tmdb_id IS NOT NULL AND f.role = 'episode' "
            "AND (f.fingerprint IS NULL OR f.fingerprint NOT IN (SELECT fingerprint FROM decisions)) "
            "UNION ALL SELECT d.tmdb_id, f.parse FROM files f JOIN decisions d ON d.fingerprint = f.fingerprint "
            "WHERE d.kind = 'tv' AND d.tmdb_id IS NOT NULL AND d.action != 'unmatch'"
        )
        for tv_id, parse in rows:
            out.setdefault(tv_id, []).append(Parsed.from_dict(json.loads(parse)) if parse else Parsed())
        return out

    # -- manual decisions ----------------------------------------------------------------------------
    def set_decision(
        self,
        fingerprint: str,
        action: str,
        *,
        kind: str | None = None,
        tmdb_id: int | None = None,
        group_token: str | None = None,
    ) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO decisions(fingerprint, action, kind, tmdb_id, group_token, created_at) "
                "VALUES (?,?,?,?,?,?) ON CONFLICT(fingerprint) DO UPDATE SET action=excluded.action, "
                "kind=excluded.kind, tmdb_id=excluded.tmdb_id, group_token=excluded.group_token, "
                "created_at=excluded.created_at",
                (fingerprint, action, kind, tmdb_id, group_token, self._clock()),
            )

    def clear_decision(self, fingerprint: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM decisions WHERE fingerprint=?", (fingerprint,))

    def decisions(self) -> dict[str, Decision]:
        rows = self.conn.execute(
            "SELECT fingerprint, action, kind, tmdb_id, group_token, created_at FROM decisions"
        )
        return {r[0]: Decision(*r) for r in rows}

    def decisions_for(self, fingerprints: Iterable[str]) -> dict[str, Decision]:
        rows = self._select_in(
            "SELECT fingerprint, action, kind, tmdb_id, group_token, created_at FROM decisions "
            "WHERE fingerprint IN ({})",
            fingerprints,
        )
        return {r[0]: Decision(*r) for r in rows}

    def decision_sizes(self) -> set[int]:
        """File sizes that some decision or seen mark is keyed on (a cheap filter before hashing a file)."""
        out = set()
        for (fp,) in self.conn.execute(
            "SELECT fingerprint FROM decisions UNION SELECT fingerprint FROM seen"
        ):
            head = fp.split(":", 1)[0]
            if head.isdigit():
                out.add(int(head))
        return out

    # -- seen marks (user decisions keyed by fingerprint) ----------------------------------------------------
    def set_seen(self, fingerprints: Iterable[str], seen: bool) -> None:
        with self.transaction() as c:
            if seen:
                c.executemany("INSERT OR IGNORE INTO seen(fingerprint, seen_at) VALUES (?, ?)",
                              [(fp, self._clock()) for fp in fingerprints])  # fmt: skip
            else:
                c.executemany("DELETE FROM seen WHERE fingerprint = ?", [(fp,) for fp in fingerprints])

    def seen_marks(self) -> set[str]:
        return {fp for (fp,) in self.conn.execute("SELECT fingerprint FROM seen")}

    def seen_for(self, fingerprints: Iterable[str]) -> set[str]:
        return {
            r[0]
            for r in self._select_in("SELECT fingerprint FROM seen WHERE fingerprint IN ({})", fingerprints)
        }

    # -- TMDb collections -----------------------------------------------------------------------------------
    def save_collection(self, collection_id: int, data: dict) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO collections(id, data, fetched_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET data=excluded.data, fetched_at=excluded.fetched_at",
                (collection_id, json.dumps(data, ensure_ascii=False), self._clock()),
            )

    def collections(self) -> dict[int, dict]:
        return {i: json.loads(d) for i, d in self.conn.execute("SELECT id, data FROM collections")}

    # -- TMDb request log (the daily budget's store) -----------------------------------------------------
    def requests_on(self, day: str) -> int:
        r = self.conn.execute("SELECT count FROM request_log WHERE day=?", (day,)).fetchone()
        return r[0] if r else 0

    def record_request(self, day: str) -> int:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO request_log(day, count) VALUES (?, 1) "
                "ON CONFLICT(day) DO UPDATE SET count = count + 1",
                (day,),
            )
            return c.execute("SELECT count FROM request_log WHERE day=?", (day,)).fetchone()[0]


def adopt_settings_folders(library: Library, settings) -> None:
    """Move the library folders an older settings.json lists (``settings.library_folders``) into the
    library, once; then empty that list, so settings.json stops holding them at its next save. When the
    library cannot take them now (read-only, busy), they stay in the settings for a later run."""
    if library.read_only:
        return
    try:
        library.adopt_folders(settings.library_folders)
    except LibraryError:
        return
    settings.library_folders = []
