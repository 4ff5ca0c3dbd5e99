"""Where media info and removals live in the library: the ``media`` and ``removals`` tables.

A ``media`` row holds what reading one file found (``core/mediainfo.py``): its state (read, not media,
unreadable) and the Media as JSON. It is valid while the file keeps the size and modification time it was
read at; a changed file is read again, a moved file (the same row at a new path) is not. Both tables change
cards: their triggers log the file or the card they touch for the card store (migration 5 -> 6).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import time
from collections.abc import Iterable
from typing import NamedTuple

import msgspec

from videomanager.core.library import select_in
from videomanager.core.models import MEDIA_READ, Media, Removed

_MEDIA_DECODER = msgspec.json.Decoder(Media)
_ENCODER = msgspec.json.Encoder()


class MediaRow(NamedTuple):
    size: int
    mtime: float
    state: str
    media: Media | None

    def valid_for(self, size: int, mtime: float) -> bool:
        """Whether this row was read from the file as it is now."""
        return self.size == size and self.mtime == mtime


class ToRead(NamedTuple):
    id: int
    path: str
    size: int
    mtime: float


def _media(state: str, data: str | None) -> Media | None:
    if state != MEDIA_READ or not data:
        return None
    try:
        return _MEDIA_DECODER.decode(data)
    except msgspec.DecodeError:  # written by another version: read again later
        return None


def media_for(library, file_ids: Iterable[int]) -> dict[int, MediaRow]:
    """file id -> its media row, for the ids that have one."""
    rows = select_in(
        library.conn, "SELECT file_id, size, mtime, state, data FROM media WHERE file_id IN ({})", file_ids
    )
    return {r[0]: MediaRow(r[1], r[2], r[3], _media(r[3], r[4])) for r in rows}


def all_media(library) -> dict[int, MediaRow]:
    try:
        rows = library.conn.execute("SELECT file_id, size, mtime, state, data FROM media").fetchall()
    except sqlite3.OperationalError:  # a library opened read-only before it was migrated: nothing read yet
        return {}
    return {r[0]: MediaRow(r[1], r[2], r[3], _media(r[3], r[4])) for r in rows}


def files_to_read(library) -> list[ToRead]:
    """The files present whose media info is not known for their current size and modification time."""
    rows = library.conn.execute(
        "SELECT f.id, f.path, f.size, f.mtime FROM files f LEFT JOIN media m ON m.file_id = f.id "
        "WHERE f.missing = 0 AND (m.file_id IS NULL OR m.size != f.size OR m.mtime != f.mtime) ORDER BY f.id"
    )
    return [ToRead(i, os.fsdecode(p), s, m) for i, p, s, m in rows]


def save_media(library, results: Iterable[tuple[ToRead, str, Media | None]]) -> int:
    """Store what reading files found, in one transaction. A file that changed or left the library since it
    was listed gets no row (it is read again, or not at all). Returns the rows written."""
    now = time.time()
    rows = [(f.id, f.size, f.mtime, state, _ENCODER.encode(media).decode() if media is not None else None, now,
             f.id, f.size, f.mtime) for f, state, media in results]  # fmt: skip
    with library.transaction() as c:
        cur = c.executemany(
            "INSERT INTO media(file_id, size, mtime, state, data, read_at) "
            "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM files WHERE id = ? AND size = ? AND mtime = ?) "
            "ON CONFLICT(file_id) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, "
            "state = excluded.state, data = excluded.data, read_at = excluded.read_at",
            rows,
        )
        return max(0, cur.rowcount)


def media_counts(library) -> dict[str, int]:
    """How many files are in each media state, with "unread" for the present files not read as they are."""
    rows = library.conn.execute(
        "SELECT CASE WHEN m.file_id IS NULL OR m.size != f.size OR m.mtime != f.mtime THEN 'unread' "
        "ELSE m.state END, count(*) FROM files f LEFT JOIN media m ON m.file_id = f.id WHERE f.missing = 0 "
        "GROUP BY 1"
    )
    return dict(rows)


# -- removals: versions sent to the trash --------------------------------------------------------------------
def record_removal(conn, card_id: str, removed: Removed) -> None:
    """Record, inside the caller's transaction, a version sent to the trash from a card."""
    conn.execute(
        "INSERT INTO removals(card_id, path, size, resolution, edition, removed_at) VALUES (?, ?, ?, ?, ?, ?)",
        (card_id, os.fsencode(removed.path), removed.size, removed.resolution, removed.edition,
         removed.removed_at),
    )  # fmt: skip


def _removed(row: tuple) -> Removed:
    return Removed(
        path=os.fsdecode(row[1]), size=row[2], resolution=row[3], edition=row[4], removed_at=row[5]
    )


def removals_for(library, card_ids: Iterable[str]) -> dict[str, list[Removed]]:
    """card id -> the versions sent to the trash from it, oldest first."""
    rows = select_in(
        library.conn,
        "SELECT card_id, path, size, resolution, edition, removed_at FROM removals WHERE card_id IN ({}) "
        "ORDER BY removed_at, id",
        card_ids,
    )
    out: dict[str, list[Removed]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(_removed(r))
    return out


def all_removals(library) -> dict[str, list[Removed]]:
    try:
        rows = library.conn.execute(
            "SELECT card_id, path, size, resolution, edition, removed_at FROM removals ORDER BY removed_at, id"
        ).fetchall()
    except sqlite3.OperationalError:  # see all_media
        return {}
    out: dict[str, list[Removed]] = {}
    for r in rows:
        out.setdefault(r[0], []).append(_removed(r))
    return out


def durations_for_keys(library, keys: Iterable[str]) -> dict[str, float]:
    """Lookup key -> what its films run (seconds): the median of its versions, a multi-part version counting
    its parts together; only keys whose versions' media info is read."""
    rows = select_in(
        library.conn,
        "SELECT f.lookup_key, f.stack_key, f.id, m.data FROM files f JOIN media m ON m.file_id = f.id "
        "WHERE f.lookup_key IN ({}) AND f.role = 'version' AND m.state = 'read' "
        "AND m.size = f.size AND m.mtime = f.mtime",
        keys,
    )
    versions: dict[str, dict[object, float]] = {}
    for key, stack, file_id, data in rows:
        media = _media(MEDIA_READ, data)
        if media is None or not media.duration_s:
            continue
        unit = ("stack", stack) if stack else ("file", file_id)
        per_key = versions.setdefault(key, {})
        per_key[unit] = per_key.get(unit, 0.0) + media.duration_s
    return {key: statistics.median(units.values()) for key, units in versions.items()}


def titles_without_runtime(library) -> list[tuple[int, dict]]:
    """(TMDb id, stored data) of the matched films with a file whose duration is read but no runtime stored."""
    rows = library.conn.execute(
        "SELECT DISTINCT t.tmdb_id, t.data FROM lookups l JOIN files f ON f.lookup_key = l.key "
        "JOIN media m ON m.file_id = f.id JOIN titles t ON t.kind = 'movie' AND t.tmdb_id = l.tmdb_id "
        "WHERE l.state = 'matched' AND l.kind = 'movie' AND m.state = 'read' "
        "AND json_extract(t.data, '$.runtime') IS NULL ORDER BY t.tmdb_id"
    )
    out = []
    for tmdb_id, data in rows:
        try:
            out.append((tmdb_id, json.loads(data)))
        except ValueError:
            continue
    return out
