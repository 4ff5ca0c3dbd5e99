"""A persistent on-disk cache of TMDb responses (one SQLite file, thread-safe).

Cache hits never reach the rate limiter or the daily budget, which is why this is not requests-cache.
Keys are sha256 digests of (method, path, sorted parameters without any credential), and only the
decoded JSON body is stored: neither the API key nor the token can end up in the file. Lifetimes
depend on the endpoint (configuration days, details a week, charts hours, changes an hour); 404s are
remembered for a day; other errors are never stored. A damaged file is moved aside and replaced by an
empty one: a cache must never stop the client.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ResponseCache", "CachedResponse", "ttl_for", "cache_key"]

log = logging.getLogger(__name__)

HOUR = 3600.0
DAY = 24 * HOUR
# Parameters that identify the caller, not the resource: never part of a key, never stored.
_CREDENTIAL_PARAMS = frozenset({"api_key", "access_token", "session_id", "guest_session_id"})
_CHART_PREFIXES = (
    "/trending/",
    "/movie/popular",
    "/movie/top_rated",
    "/movie/now_playing",
    "/movie/upcoming",
    "/tv/popular",
    "/tv/top_rated",
    "/tv/on_the_air",
    "/tv/airing_today",
    "/person/popular",
    "/discover/",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    stored_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS responses_expiry ON responses(expires_at);
"""


def ttl_for(path: str, status: int = 200) -> float | None:
    """Seconds a response of ``path`` stays fresh, or None when it must not be cached."""
    if path.startswith("/authentication"):
        return None  # validation must ask the server every time
    if status == 404:
        return DAY
    if status != 200:
        return None
    if path.endswith("/changes") or path.startswith(("/movie/changes", "/tv/changes", "/person/changes")):
        return HOUR
    if path.startswith(("/configuration", "/genre/")):
        return 3 * DAY
    if path.startswith(_CHART_PREFIXES):
        return 6 * HOUR
    return 7 * DAY  # search, details, find, credits, images, ...


def cache_key(method: str, path: str, params: Mapping[str, Any] | None) -> str:
    """sha256 of the request identity, credential parameters removed."""
    items = sorted((str(k), str(v)) for k, v in (params or {}).items() if k not in _CREDENTIAL_PARAMS)
    raw = json.dumps([method.upper(), path, items], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedResponse:
    status: int
    data: Any


class ResponseCache:
    """SQLite-backed response cache; ``ResponseCache(None)`` is a cache that stores nothing."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        *,
        clock: Callable[[], float] = time.time,
        ttl: Callable[[str, int], float | None] = ttl_for,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self._clock = clock
        self._ttl = ttl
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        if self.path is not None:
            self._open()

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    # -- file handling ---------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, check_same_thread=False, timeout=5.0, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            # Reading the table proves the file is a database we can use, not just a header.
            conn.execute("SELECT count(*) FROM responses").fetchone()
            conn.execute("DELETE FROM responses WHERE expires_at < ?", (self._clock(),))
        except BaseException:
            conn.close()
            raise
        return conn

    def _open(self) -> None:
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError as exc:
            log.warning(
                "TMDb cache %s is unreadable (%s): moving it aside and starting empty", self.path, exc
            )
            self._move_aside()
            try:
                self._conn = self._connect()
            except sqlite3.Error as exc2:  # e.g. a read-only directory: run without a cache
                log.warning("TMDb cache disabled: %s", exc2)
                self._conn = None

    def _move_aside(self) -> None:
        assert self.path is not None
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                try:
                    src.replace(Path(f"{self.path}.corrupt-{stamp}{suffix}"))
                except OSError:
                    src.unlink(missing_ok=True)

    def _recover(self, exc: sqlite3.Error) -> None:
        """A query failed on a damaged file: reopen from scratch (caller holds the lock)."""
        log.warning("TMDb cache error (%s): resetting the cache file", exc)
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
        self._conn = None
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
            self._move_aside()
        self._open()

    # -- public API --------------------------------------------------------------------------------

    def get(self, method: str, path: str, params: Mapping[str, Any] | None) -> CachedResponse | None:
        """The fresh stored response for this request, or None."""
        if self._conn is None:
            return None
        key = cache_key(method, path, params)
        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT status, body, expires_at FROM responses WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as exc:
                self._recover(exc)
                return None
        if row is None or row[2] < self._clock():
            return None
        try:
            return CachedResponse(int(row[0]), json.loads(row[1]))
        except (ValueError, TypeError):
            return None

    def put(self, method: str, path: str, params: Mapping[str, Any] | None, status: int, data: Any) -> bool:
        """Store a response if its endpoint and status are cacheable; returns whether it was stored."""
        if self._conn is None:
            return False
        ttl = self._ttl(path, status)
        if not ttl or ttl <= 0:
            return False
        key = cache_key(method, path, params)
        # ASCII escapes: a lone surrogate in some field TMDb sent cannot be encoded as UTF-8 by SQLite.
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=True)
        now = self._clock()
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO responses(key, status, body, stored_at, expires_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (key, status, body, now, now + ttl),
                )
            except sqlite3.Error as exc:
                self._recover(exc)
                return False
        return True

    def clear(self) -> None:
        """Forget every stored response."""
        if self._conn is None:
            return
        with self._lock:
            try:
                self._conn.execute("DELETE FROM responses")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.execute("VACUUM")
            except sqlite3.Error as exc:
                self._recover(exc)

    def stats(self) -> dict[str, int]:
        """``{"entries": n, "bytes": size of the file(s) on disk}`` (zeros when disabled)."""
        if self._conn is None or self.path is None:
            return {"entries": 0, "bytes": 0}
        with self._lock:
            try:
                entries = int(self._conn.execute("SELECT count(*) FROM responses").fetchone()[0])
            except sqlite3.Error as exc:
                self._recover(exc)
                entries = 0
        size = 0
        for suffix in ("", "-wal"):
            try:
                size += os.path.getsize(f"{self.path}{suffix}")
            except OSError:
                pass
        return {"entries": entries, "bytes": size}

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __repr__(self) -> str:
        return f"ResponseCache({str(self.path) if self.path else None!r})"
