"""The card store: the library's cards, kept in the library and regrouped only where something changed.

The library's files, lookups, titles and decisions are the source of truth; ``core.grouping`` derives the
cards from them. Every write to those tables leaves a row in ``card_changes`` (SQLite triggers record it,
whoever writes: the window, a CLI scan in another process, a migration). ``CardStore.update`` reads those
rows, regroups only the cards they touch, and stores the result: one row per card in ``cards`` (its
`list --json` object, the one serialisation of a card) and the card and folders of every file in
``card_files``. A full regroup happens only when the grouping's format changes, when most of the library
changed at once (a first scan), or on ``rebuild``.

Which cards a change touches: the cards that held the changed files, the card each changed file now
belongs to, and every card with a file in the changed files' folders (extras attach to the films of their
folder, so a film arriving in a folder can take its extras from another card). Grouping those cards'
files again gives exactly what a full regroup gives for them (a test checks it on random changes).

Concurrent updaters (two windows, a window and the CLI) are safe: the regroup reads one consistent state
of the library, and its result is written only if no other updater applied changes meanwhile (else it
starts again).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import msgspec

from videomanager.core.grouping import build_cards, cards_from_library, list_order, owner_folder
from videomanager.core.library import FileRecord, Library, select_in
from videomanager.core.media_store import media_for, removals_for
from videomanager.core.models import Card, ascii_json, card_from_json

log = logging.getLogger(__name__)

# The format of the stored cards: raise it whenever grouping or the Card type builds different cards from
# the same library, so that every stored card is built again once.
CARDS_FORMAT = 6

# When this share of the library's files changed at once, one full regroup is cheaper than following them.
FULL_SHARE = 0.25
MAX_ATTEMPTS = 5


@dataclass
class CardChanges:
    """What an update changed: cards new to the store, cards that differ, ids of cards that are gone."""

    inserted: list[Card] = field(default_factory=list)
    changed: list[Card] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.inserted or self.changed or self.removed)


@dataclass
class _Plan:
    """One regroup worked out from one state of the library, ready to be written."""

    seq: int  # the last change it covers
    applied: int  # the last change applied when it was read (another updater moving it voids the plan)
    full: bool
    cards: list[Card]  # every card the regroup produced
    texts: dict[str, str]  # their JSON
    old: dict[str, str]  # id -> JSON of the stored cards it replaces
    files: dict[int, FileRecord]  # every file of those cards, and the changed files
    forget: set[int]  # files whose rows in card_files are replaced


def sort_key(card: Card) -> bytes:
    """The stored form of ``grouping.list_order`` (bytes compare as the tuples do)."""
    title, year, cid = list_order(card)
    return f"{title}\x00{year:010d}\x00{cid}".encode("utf-8", "surrogatepass")


def _b(path: str) -> bytes:
    return os.fsencode(path)


class CardStore:
    """The cards of one library (see the module docstring)."""

    def __init__(self, library: Library, *, full_share: float = FULL_SHARE) -> None:
        self.library = library
        self.full_share = full_share

    # -- reading -----------------------------------------------------------------------------------
    def cards(self) -> list[Card]:
        """Every card, up to date, in no particular order."""
        if self.library.read_only:  # nothing can be stored: group in memory
            return cards_from_library(self.library)
        self.update()
        return self.stored()

    def stored(self) -> list[Card]:
        """The cards as stored, without applying pending changes (a window's first paint)."""
        return [card_from_json(d) for (d,) in self.library.conn.execute("SELECT data FROM cards")]

    def card_holding(self, file_id: int) -> Card | None:
        """The up-to-date card that holds a file, or None."""
        if self.library.read_only:
            return next((c for c in cards_from_library(self.library) if file_id in _file_ids(c)), None)
        self.update()
        row = self.library.conn.execute(
            "SELECT data FROM cards WHERE id = (SELECT card_id FROM card_files WHERE file_id = ?)", (file_id,)
        ).fetchone()
        return card_from_json(row[0]) if row else None

    def json_text(self) -> str:
        """`list --json`: every card, up to date, as one JSON array in list order (ASCII)."""
        if self.library.read_only:
            return ascii_json("[" + ", ".join(c.to_json() for c in cards_from_library(self.library)) + "]")
        self.update()
        rows = self.library.conn.execute("SELECT data FROM cards ORDER BY sort_key")
        return ascii_json("[" + ", ".join(d for (d,) in rows) + "]")

    def pending(self) -> bool:
        """Whether changes wait to be applied (or the stored cards are of another format)."""
        conn = self.library.conn
        if self._meta(conn, "cards_format") != CARDS_FORMAT:
            return True
        return conn.execute("SELECT 1 FROM card_changes LIMIT 1").fetchone() is not None

    # -- updating ----------------------------------------------------------------------------------
    def update(self) -> CardChanges:
        """Apply the changes logged since the last update; what changed in the cards."""
        return self._run(full=False)

    def rebuild(self) -> CardChanges:
        """Regroup the whole library."""
        return self._run(full=True)

    def _run(self, full: bool) -> CardChanges:
        for _ in range(MAX_ATTEMPTS):
            with self.library.read_transaction() as conn:
                plan = self._plan(conn, full)
            if plan is None:
                return CardChanges()
            changes = self._write(plan)
            if changes is not None:
                return changes
            log.debug("cards: another update was applied meanwhile; regrouping again")
        raise RuntimeError("the cards could not be updated: the library kept changing")

    @staticmethod
    def _meta(conn, key: str) -> int | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _plan(self, conn, full: bool) -> _Plan | None:
        applied = self._meta(conn, "cards_seq") or 0
        rows = conn.execute("SELECT seq, what, ref FROM card_changes ORDER BY seq").fetchall()
        seq = rows[-1][0] if rows else applied
        if self._meta(conn, "cards_format") != CARDS_FORMAT:
            full = True
        if not full and not rows:
            return None
        if not full:
            plan = self._incremental(conn, rows, seq, applied)
            if plan is not None:
                return plan
        cards = cards_from_library(self.library)
        files = {f.id: f for f in self.library.files()}
        old = dict(conn.execute("SELECT id, data FROM cards"))
        texts = {c.id: c.to_json() for c in cards}
        return _Plan(seq, applied, True, cards, texts, old, files, set())

    def _incremental(self, conn, rows: list[tuple], seq: int, applied: int) -> _Plan | None:
        """The regroup of the cards the logged changes touch, or None when a full one is cheaper."""
        lib = self.library
        refs: dict[str, set] = {
            "file": set(),
            "key": set(),
            "fingerprint": set(),
            "title": set(),
            "card": set(),
            "season": set(),
        }
        for _, what, ref in rows:
            refs.setdefault(what, set()).add(ref)
        changed = {int(i) for i in refs["file"]}
        changed |= lib.file_ids_with(keys=refs["key"], fingerprints=refs["fingerprint"])
        if len(changed) > self.full_share * max(1, lib.file_count()):
            return None
        files = {f.id: f for f in lib.files_by_ids(changed)}
        held = select_in(
            conn, "SELECT file_id, card_id, dir, owner_dir FROM card_files WHERE file_id IN ({})", changed
        )
        folders = {d for r in held for d in (r[2], r[3])}
        folders |= {_b(d) for f in files.values() for d in (f.dir, owner_folder(f.dir))}
        touched = {r[1] for r in held}
        touched |= {
            r[0] for r in select_in(conn, "SELECT card_id FROM card_files WHERE dir IN ({})", folders)
        }
        touched |= {
            r[0] for r in select_in(conn, "SELECT card_id FROM card_files WHERE owner_dir IN ({})", folders)
        }
        touched |= {
            r[0] for r in select_in(conn, "SELECT id FROM cards WHERE tmdb_id IN ({})", refs["title"])
        }
        touched |= {r[0] for r in select_in(conn, "SELECT id FROM cards WHERE id IN ({})", refs["card"])}
        touched |= {
            r[0]
            for r in select_in(
                conn, "SELECT id FROM cards WHERE kind = 'tv' AND tmdb_id IN ({})", refs["season"]
            )
        }
        forget = set(changed)
        while True:
            members = {
                r[0] for r in select_in(conn, "SELECT file_id FROM card_files WHERE card_id IN ({})", touched)
            }
            forget |= members
            files.update((f.id, f) for f in lib.files_by_ids(members - files.keys()))
            cards = self._group(files.values())
            found = {c.id for c in cards} - touched
            known = {r[0] for r in select_in(conn, "SELECT id FROM cards WHERE id IN ({})", found)}
            if not known:  # every card the regroup produced is complete
                break
            touched |= known
        old = dict(select_in(conn, "SELECT id, data FROM cards WHERE id IN ({})", touched))
        texts = {c.id: c.to_json() for c in cards}
        return _Plan(seq, applied, False, cards, texts, old, files, forget)

    def _group(self, files: Iterable[FileRecord]) -> list[Card]:
        """The cards of these files (complete groups), exactly as a full regroup builds them."""
        lib = self.library
        ordered = sorted(files, key=lambda f: f.id)
        lookups = lib.lookups_for({f.lookup_key for f in ordered if f.lookup_key})
        decisions = lib.decisions_for({f.fingerprint for f in ordered if f.fingerprint})
        ids = {row.tmdb_id for row in lookups.values() if row.tmdb_id}
        ids |= {d.tmdb_id for d in decisions.values() if d.tmdb_id}
        seen = lib.seen_for({f.fingerprint for f in ordered if f.fingerprint})
        media = media_for(lib, [f.id for f in ordered])
        cards = build_cards(
            ordered, lookups, lib.titles_for(ids), decisions, lib.seasons_for(ids), seen, media
        )
        removed = removals_for(lib, [c.id for c in cards])
        return [
            msgspec.structs.replace(c, removed=tuple(removed[c.id])) if c.id in removed else c for c in cards
        ]

    def _write(self, plan: _Plan) -> CardChanges | None:
        """Store a plan; None when another updater applied changes since it was read."""
        changes = CardChanges()
        for card in plan.cards:
            before = plan.old.get(card.id)
            if before is None:
                changes.inserted.append(card)
            elif before != plan.texts[card.id]:
                changes.changed.append(card)
        produced = {c.id for c in plan.cards}
        changes.removed = [cid for cid in plan.old if cid not in produced]
        with self.library.transaction() as c:
            if (self._meta(c, "cards_seq") or 0) != plan.applied:
                return None
            if plan.full:
                c.execute("DELETE FROM cards")
                c.execute("DELETE FROM card_files")
            else:
                _execute_in(c, "DELETE FROM cards WHERE id IN ({})", changes.removed)
                _execute_in(c, "DELETE FROM card_files WHERE file_id IN ({})", plan.forget)
            fresh = plan.cards if plan.full else changes.inserted + changes.changed
            c.executemany(
                "INSERT OR REPLACE INTO cards(id, kind, tmdb_id, sort_key, data) VALUES (?, ?, ?, ?, ?)",
                [(k.id, k.kind, k.tmdb_id, sort_key(k), plan.texts[k.id]) for k in fresh],
            )
            c.executemany(
                "INSERT OR REPLACE INTO card_files(file_id, card_id, dir, owner_dir) VALUES (?, ?, ?, ?)",
                [(fid, k.id, _b(plan.files[fid].dir), _b(owner_folder(plan.files[fid].dir)))
                 for k in plan.cards for fid in _file_ids(k)],
            )  # fmt: skip
            c.execute("DELETE FROM card_changes WHERE seq <= ?", (plan.seq,))
            for key, value in (("cards_seq", plan.seq), ("cards_format", CARDS_FORMAT)):
                c.execute(
                    "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
        return changes


def _file_ids(card: Card) -> list[int]:
    out = [fid for v in card.versions for fid in v.file_ids]
    out += [e.file_id for e in card.episodes]
    out += [x.file_id for x in card.extras]
    return out


def _execute_in(conn, query: str, values: Iterable) -> None:
    values = list(values)
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        conn.execute(query.format(",".join("?" * len(chunk))), chunk)
