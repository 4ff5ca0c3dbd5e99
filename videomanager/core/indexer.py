"""Scan -> parse -> library, incrementally.

A file whose path, size and mtime are unchanged is not parsed again; new and changed files are parsed
(in a process pool when there are many: guessit costs several ms a name) and written in batches as they
come, so a window can show them while the scan runs. At the end of a complete scan, a file that is gone
from a folder that was read is removed; a file whose folder or drive could not be read is only marked
missing, so an unplugged drive never erases the library.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from videomanager.core.children import child_context, leave_with_parent
from videomanager.core.decisions import refresh_fingerprints
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library, NewFile
from videomanager.core.models import ROLE_EPISODE, ROLE_EXTRA, ROLE_VERSION, Parsed, ScannedFile
from videomanager.core.parser import parse
from videomanager.core.scanner import scan, unchanged_since

POOL_THRESHOLD = 200  # below this many names to parse, a process pool costs more than it saves
CHUNK = 128  # names per task sent to a worker process


@dataclass
class ScanSummary:
    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    returned: int = 0  # marked missing before, found again
    missing: int = 0  # newly marked missing (folder or drive unreadable)
    removed: int = 0  # truly gone from a folder that was read
    other_files: int = 0  # non-video files seen (never stored)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_examples: dict[str, str] = field(default_factory=dict)  # reason -> one path
    unavailable_roots: list[str] = field(default_factory=list)
    cancelled: bool = False

    def line(self) -> str:
        skipped = sum(self.skipped.values())
        text = (
            f"{self.seen} video files seen: {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.missing + self._already_missing} missing, {self.removed} removed, {skipped} skipped"
        )
        if self.skipped:
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(self.skipped.items())) + ")"
        if self.cancelled:
            text += "; stopped before the end"
        return text

    _already_missing: int = 0


_stop_parsing = None  # in a worker process: the Event its scan sets when cancelled (see _start_worker)


def _start_worker(parent_pid: int, stop) -> None:
    """Worker-process initializer: leave with the scanning process, and stop parsing when told to."""
    global _stop_parsing
    _stop_parsing = stop
    leave_with_parent(parent_pid)


def _parse_chunk(items: list[tuple[str, str]]) -> list[dict]:
    """Worker-process entry point: parse names, return plain dicts (cheap to pickle). After a cancel, only
    the names parsed so far (a prefix of ``items``)."""
    out = []
    for path, root in items:
        if _stop_parsing is not None and _stop_parsing.is_set():
            break
        out.append(parse(path, root).to_dict())
    return out


def _to_new_file(sf: ScannedFile, parsed: Parsed) -> NewFile:
    role = sf.role
    if role == ROLE_VERSION and parsed.kind == "episode":
        role = ROLE_EPISODE
    return NewFile(
        path=sf.path,
        root=sf.root,
        size=sf.size,
        mtime=sf.mtime,
        role=role,
        extra_type=sf.extra_type,
        stack_key=sf.stack_key,
        part=sf.part,
        parsed=parsed,
        lookup_key=lookup_key(parsed, role),
    )


class _Parser:
    """Parses inline, or in a process pool once enough names are waiting; bounded in-flight work."""

    def __init__(
        self,
        workers: int | None,
        write: Callable[[list[NewFile]], None],
        cancel: threading.Event | None = None,
    ) -> None:
        self.cancel = cancel or threading.Event()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.write = write
        self.pending: list[ScannedFile] = []
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[tuple[Future, list[ScannedFile]]] = []
        self.total = 0
        self._stop_workers: Any = None  # a process Event: once set, the workers stop parsing their chunk

    def add(self, files: list[ScannedFile]) -> None:
        self.pending.extend(files)
        self.total += len(files)
        if self.pool is None and self.workers > 1 and self.total >= POOL_THRESHOLD:
            context = child_context()
            self._stop_workers = context.Event()
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_start_worker,
                initargs=(os.getpid(), self._stop_workers),
            )  # fmt: skip
        if self.pool is None:
            if len(self.pending) >= 50:
                self._inline()
            return
        while len(self.pending) >= CHUNK and not self.cancel.is_set():
            chunk, self.pending = self.pending[:CHUNK], self.pending[CHUNK:]
            self.futures.append((self.pool.submit(_parse_chunk, [(f.path, f.root) for f in chunk]), chunk))
            self._drain(limit=self.workers * 3)

    def _inline(self) -> None:
        """Parse what is pending here, a few names at a time, stopping soon after a cancel."""
        while self.pending and not self.cancel.is_set():
            chunk, self.pending = self.pending[:16], self.pending[16:]
            self.write([_to_new_file(sf, parse(sf.path, sf.root)) for sf in chunk])

    def _drain(self, limit: int) -> None:
        """Write finished chunks; wait (checking for a cancel) while more than ``limit`` are in flight."""
        while len(self.futures) > limit or (self.futures and self.futures[0][0].done()):
            fut, chunk = self.futures[0]
            if not fut.done():
                wait([fut], timeout=0.1)
                if self.cancel.is_set():
                    return
                continue
            self.futures.pop(0)
            self._write_parsed(chunk, fut.result())

    def _write_parsed(self, chunk: list[ScannedFile], dicts: list[dict]) -> None:
        # A chunk stopped by a cancel holds fewer results than names: the first ones.
        self.write([_to_new_file(sf, Parsed.from_dict(d)) for sf, d in zip(chunk, dicts, strict=False)])

    def finish(self, cancelled: bool) -> None:
        """Parse what is left (unless cancelled), write every parsed chunk, shut the pool down.

        The pool is shut down and waited for here, cancelled or not: its workers are tied to this thread
        (see core/children.py), so a pool still busy when the thread ends has its workers killed under it.
        Cancelled, the pool drops the chunks not started (``cancel_futures``: a future cancelled from
        outside may still reach the pool's manager thread, which then fails on it) and the workers stop
        their chunk after the name they are parsing; what was parsed is kept."""
        try:
            if not cancelled:
                if self.pool is not None and self.pending:
                    chunk, self.pending = self.pending, []
                    self.futures.append(
                        (self.pool.submit(_parse_chunk, [(f.path, f.root) for f in chunk]), chunk)
                    )
                self._inline()
            elif self.pool is not None:
                self._stop_workers.set()
                self.pool.shutdown(wait=True, cancel_futures=True)
            for fut, chunk in self.futures:
                if not fut.cancelled():
                    self._write_parsed(chunk, fut.result())
            self.futures.clear()
        finally:
            if self.pool is not None:
                self._stop_workers.set()  # every chunk wanted is written (or an error made the rest moot)
                self.pool.shutdown(wait=True, cancel_futures=True)
                self.pool = None


def scan_into_library(
    library: Library,
    roots: Iterable[str],
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[ScanSummary], None] | None = None,
    on_files: Callable[[list[NewFile]], None] | None = None,
    workers: int | None = None,
    store_cards: bool = True,
) -> ScanSummary:
    """Scan roots into the library; returns what happened. Safe to interrupt at any point."""
    roots = [os.path.abspath(os.path.expanduser(r)) for r in roots]
    cancel = cancel or threading.Event()
    library.add_roots(roots)
    summary = ScanSummary()
    known, missing = library.stat_index(roots)
    if known and not missing and unchanged_since(roots, known, cancel):
        # Nothing was added, removed or touched: the stored results stand, nothing to parse or write.
        summary.seen = summary.unchanged = len(known)
        if progress:
            progress(summary)
        return summary
    del known
    existing: dict[str, tuple] = {}
    for root in roots:
        existing.update(library.index_for_root(root))
    seen: set[str] = set()
    listed: set[str] = set()
    returned_ids: list[int] = []

    def write(files: list[NewFile]) -> None:
        library.upsert_files(files)
        if on_files:
            on_files(files)

    parser = _Parser(workers, write, cancel)
    try:
        for batch in scan(roots, cancel=cancel):
            listed.update(batch.listed_dirs)
            summary.other_files += batch.other_files
            for s in batch.skipped:
                if s.reason == "root-unavailable":
                    summary.unavailable_roots.append(s.path)
                summary.skipped[s.reason] += 1
                summary.skipped_examples.setdefault(s.reason, s.path)
            to_parse = []
            for sf in batch.files:
                summary.seen += 1
                seen.add(sf.path)
                old = existing.get(sf.path)
                if old is None:
                    summary.new += 1
                    to_parse.append(sf)
                elif (old[1] != sf.size or old[2] != sf.mtime
                      or old[4] != (sf.role == ROLE_EXTRA, sf.extra_type, sf.stack_key, sf.part)):  # fmt: skip
                    summary.changed += 1
                    to_parse.append(sf)
                else:
                    summary.unchanged += 1
                    if old[3]:
                        returned_ids.append(old[0])
            parser.add(to_parse)
            if progress:
                progress(summary)
            if cancel.is_set():
                break
        summary.cancelled = cancel.is_set()
    finally:
        parser.finish(cancelled=cancel.is_set())
    if returned_ids:
        summary.returned = library.set_missing(returned_ids, False)
    if not summary.cancelled:
        _settle_unseen(library, roots, existing, seen, listed, summary)
        # Renamed or moved files get their fingerprint now, so the user's decisions follow them.
        refresh_fingerprints(library)
    if store_cards and (
        summary.new or summary.changed or summary.removed or summary.missing or summary.returned
    ):
        # Group now, while the user expects the scan to work, so that listing the library is a read.
        from videomanager.core.grouping import cards_json

        cards_json(library)
    if progress:
        progress(summary)
    return summary


def _settle_unseen(
    library: Library,
    roots: list[str],
    existing: dict[str, tuple],
    seen: set[str],
    listed: set[str],
    summary: ScanSummary,
) -> None:
    """Files not seen: removed when their folder was read (truly gone), else marked missing."""
    unavailable = set(summary.unavailable_roots)
    to_delete: list[int] = []
    to_mark: list[int] = []
    for path, (file_id, _size, _mtime, was_missing, _cls) in existing.items():
        if path in seen:
            continue
        if _truly_gone(path, listed, unavailable):
            to_delete.append(file_id)
        elif not was_missing:
            to_mark.append(file_id)
        else:
            summary._already_missing += 1
    summary.removed = library.delete_files(to_delete)
    summary.missing = library.set_missing(to_mark, True)


def _truly_gone(path: str, listed: set[str], unavailable: set[str]) -> bool:
    folder = os.path.dirname(path)
    if folder in listed:
        return True
    # The folder itself may be gone: it is truly gone if the nearest folder that still exists was read.
    while folder and not os.path.lexists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent
    return folder in listed and folder not in unavailable
