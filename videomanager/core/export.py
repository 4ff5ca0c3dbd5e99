"""The library as rows for spreadsheets: one row per file (default) or per card, as CSV or JSON.

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return: a title from TMDb, a file name) get a leading ``'``, the usual guard; the JSON
export gives every value exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO

from videomanager.core.models import Card, resolution_label

FILE_COLUMNS = (
    "card_id", "tmdb_id", "kind", "title", "year", "state", "role", "path", "size", "missing", "best",
    "part", "resolution", "edition", "source", "video_codec", "hdr", "season", "episode", "episode_title",
    "extra_type",
)  # fmt: skip
CARD_COLUMNS = (
    "card_id", "tmdb_id", "kind", "title", "original_title", "year", "state", "confidence", "versions",
    "episodes", "extras", "best_resolution", "size", "reclaimable_bytes", "missing", "folder", "added_at",
)  # fmt: skip


def _card_base(c: Card) -> dict:
    return {"card_id": c.id, "tmdb_id": c.tmdb_id, "kind": c.kind, "title": c.title, "year": c.year,
            "state": c.state}  # fmt: skip


def file_rows(cards: list[Card]) -> list[dict]:
    """One row per file: every part of every version, every episode, every extra."""
    rows = []
    for c in cards:
        base = _card_base(c)
        for v in c.versions:
            for n, path in enumerate(v.parts, 1):
                rows.append({**base, "role": "version", "path": path, "size": None if len(v.parts) > 1 else v.size,
                             "missing": v.missing, "best": v.best, "part": n if len(v.parts) > 1 else None,
                             "resolution": v.resolution, "edition": v.edition, "source": v.source,
                             "video_codec": v.video_codec, "hdr": v.hdr})  # fmt: skip
        for e in c.episodes:
            rows.append({**base, "role": "episode", "path": e.path, "size": e.size, "missing": e.missing,
                         "resolution": e.resolution, "season": e.season, "episode": e.episode,
                         "episode_title": e.title})  # fmt: skip
        for x in c.extras:
            rows.append({**base, "role": "extra", "path": x.path, "size": x.size, "missing": x.missing,
                         "extra_type": x.type})  # fmt: skip
    return [{k: r.get(k) for k in FILE_COLUMNS} for r in rows]


def card_rows(cards: list[Card]) -> list[dict]:
    """One row per card."""
    return [
        {**_card_base(c), "original_title": c.original_title, "confidence": c.confidence,
         "versions": len(c.versions), "episodes": len(c.episodes), "extras": len(c.extras),
         "best_resolution": resolution_label(c.best_resolution) or None, "size": c.size,
         "reclaimable_bytes": c.reclaimable_bytes, "missing": c.missing, "folder": c.folder,
         "added_at": _iso(c.added_at)}
        for c in cards
    ]  # fmt: skip


def export_rows(cards: list[Card], per_card: bool = False) -> list[dict]:
    from videomanager.core.grouping import list_order

    ordered = sorted(cards, key=list_order)
    return card_rows(ordered) if per_card else file_rows(ordered)


def _iso(ts: float) -> str | None:
    if not ts:
        return None
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    # A name that is not UTF-8 (surrogate escapes) is written with replacement characters.
    return text.encode("utf-8", "replace").decode("utf-8") if not text.isascii() else text


def write_csv(rows: list[dict], out: IO[str], columns: tuple[str, ...] = FILE_COLUMNS) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r[k]) for k in columns])


def write_json(rows: list[dict], out: IO[str]) -> None:
    out.write(json.dumps(rows, ensure_ascii=True, indent=1))
    out.write("\n")
