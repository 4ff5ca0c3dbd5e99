"""Scan -> parse -> library, incrementally.

A file whose path, size and mtime are unchanged is not parsed again; new and changed files are parsed
(in a process pool when there are many: guessit costs several ms a name) and written in batches as they
come, so a window can show them while the scan runs. At the end of a complete scan, a file that is gone
from a folder that was read is removed; a file whose folder or drive could not be read is only marked
missing, so an unplugged drive never erases the library (nor does its empty mount point).

A file found at a new path that matches a file the library holds at a path now gone (a moved or renamed
folder) takes over that file's row: it keeps its id, date added and fingerprint, so it is listed once and
the user's decisions stay with it. A library folder that no longer exists and whose files were all found
elsewhere is retired from the library folders.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from videomanager.core.children import child_context, leave_with_parent
from videomanager.core.decisions import refresh_fingerprints
from videomanager.core.fastparse import SLOW, FastParser, Plan, shared_vocabulary
from videomanager.core.fingerprint import fingerprint
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library, NewFile
from videomanager.core.models import ROLE_EPISODE, ROLE_EXTRA, ROLE_VERSION, Parsed, ScannedFile, Skipped
from videomanager.core.nfo import NfoEvidence
from videomanager.core.parser import parse
from videomanager.core.scanner import (
    REASON_ROOT_UNAVAILABLE,
    REASON_UNREADABLE,
    ScanBatch,
    scan,
    scan_folders,
    unchanged_since,
)

POOL_THRESHOLD = 100  # below this many names to parse, a process pool costs more than it saves
CHUNK = 32  # names per task sent to a worker process
FIRST_BATCH = 100  # files in the walk's first batch: the first cards come sooner
FAST_THRESHOLD = 50  # below this many names to parse, the fast path costs more than it saves
LEARN_CHUNK = 4  # names per task for names the fast path learns from (others wait for them)
# The first files of a scan get a provisional card as soon as the walk finds them, before they are read
# (reading the first names is the slowest: every title and folder is new to the fast path).
PROVISIONAL_FIRST = 2000


PROBLEMS_KEPT = 10_000  # skipped paths kept by name for the summary (all are counted)
EMPTY_ROOT = "it is empty, like the mount point of an unplugged drive"
MTIME_SLACK = 2.0  # seconds: FAT keeps modification times to the even second, so a copy there may differ
PROVISIONAL_MTIME = -1.0  # the stored mtime of a provisionally read file: never a file's, so always re-read


@dataclass
class ScanSummary:
    seen: int = 0
    new: int = 0
    moved: int = 0  # found at a new path: recognised as a file the library held at a path now gone
    changed: int = 0
    unchanged: int = 0
    returned: int = 0  # marked missing before, found again
    missing: int = 0  # newly marked missing (folder or drive unreadable)
    removed: int = 0  # truly gone from a folder that was read
    other_files: int = 0  # non-video files seen (never stored)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    skipped_examples: dict[str, str] = field(default_factory=dict)  # reason -> one path
    problems: list[Skipped] = field(default_factory=list)  # what was skipped, by name (the first ones)
    unavailable_roots: list[str] = field(default_factory=list)
    retired_roots: list[str] = field(default_factory=list)  # gone, every file found elsewhere: forgotten
    cancelled: bool = False
    to_parse: int = 0  # new, moved and changed files found so far (final once ``walked``)
    parsed: int = 0  # of those, parsed and written
    fast_parsed: int = 0  # of those, read by the fast path (core/fastparse.py)
    walked: bool = False  # the walk is complete: ``seen`` and ``to_parse`` are totals

    def line(self) -> str:
        skipped = sum(self.skipped.values())
        moved = f"{self.moved} moved, " if self.moved else ""
        text = (
            f"{self.seen} video files seen: {self.new} new, {moved}{self.changed} changed, "
            f"{self.unchanged} unchanged, {self.missing + self._already_missing} missing, "
            f"{self.removed} removed, {skipped} skipped"
        )
        if self.skipped:
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(self.skipped.items())) + ")"
        if self.cancelled:
            text += "; stopped before the end"
        return text

    def notes(self) -> list[str]:
        """Sentences for what the scan decided beyond the counts (a library folder retired)."""
        return [
            f"{root} no longer exists and every file in it was found elsewhere: it is no longer a "
            "library folder."
            for root in self.retired_roots
        ]

    def note_skipped(self, items: Iterable[Skipped]) -> None:
        for s in items:
            if s.reason == REASON_ROOT_UNAVAILABLE:
                self.unavailable_roots.append(s.path)
            self.skipped[s.reason] += 1
            self.skipped_examples.setdefault(s.reason, s.path)
            if len(self.problems) < PROBLEMS_KEPT:
                self.problems.append(s)

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


def _to_new_file(sf: ScannedFile, parsed: Parsed, provisional: bool = False) -> NewFile:
    """A file to write. A provisional one (read before parse() has read it) has no lookup key (identify
    leaves it alone) and a modification time no file has, so that any later scan reads it again."""
    role = sf.role
    if role == ROLE_VERSION and parsed.kind == "episode":
        role = ROLE_EPISODE
    return NewFile(
        path=sf.path,
        root=sf.root,
        size=sf.size,
        mtime=PROVISIONAL_MTIME if provisional else sf.mtime,
        role=role,
        extra_type=sf.extra_type,
        stack_key=sf.stack_key,
        part=sf.part,
        parsed=parsed,
        lookup_key=None if provisional else lookup_key(parsed, role),
    )


_Item = tuple[ScannedFile, "Plan | None"]


class _Parser:
    """Parses names and writes them as they are read: the fast path (core/fastparse.py) where it is sure,
    parse() for the rest, inline or in a process pool once enough names are waiting; bounded in-flight work.

    A name of a shape the fast path has not learnt yet is parsed first (a *learner*, sent ahead in a small
    chunk); the names of that shape that come meanwhile wait for it (*parked*), then are read by the fast
    path, or one of them becomes the next learner."""

    def __init__(
        self,
        workers: int | None,
        write: Callable[[list[NewFile]], None],
        cancel: threading.Event | None = None,
        fast: bool = False,
        write_provisional: Callable[[list[NewFile]], None] | None = None,
    ) -> None:
        self.cancel = cancel or threading.Event()
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self.write = write
        self.write_provisional = write_provisional
        self.use_fast = fast
        self.fast: FastParser | None = None  # made once enough names come (it takes ~0.4 s to build)
        self.slow: list[_Item] = []  # for parse(), in the next chunk
        self.learners: list[_Item] = []  # for parse() first: their keys wait for them
        self.parked: dict[str, list[_Item]] = {}  # key -> names waiting for that key's learner
        self.learning: set[str] = set()  # keys with a learner on its way
        self.pool: ProcessPoolExecutor | None = None
        self.backlog: list[ScannedFile] = []  # names that came while the fast path was being made
        self._vocabulary: threading.Thread | None = None
        self.futures: list[tuple[Future, list[_Item]]] = []
        self.total = 0
        self.claimed = 0  # names read by the fast path
        self.early: set[str] = set()  # paths written with a provisional reading
        self.early_budget = PROVISIONAL_FIRST if write_provisional is not None else 0
        self._stop_workers: Any = None  # a process Event: once set, the workers stop parsing their chunk

    def add(self, files: list[ScannedFile]) -> None:
        self.total += len(files)
        if self.pool is None and self.workers > 1 and self.total >= POOL_THRESHOLD:
            context = child_context()
            self._stop_workers = context.Event()
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context, initializer=_start_worker,
                initargs=(os.getpid(), self._stop_workers),
            )  # fmt: skip
            self._submit([])  # the workers start now (~1 s)
        if self.use_fast and self.fast is None and self.total >= FAST_THRESHOLD and not self._fast_ready():
            # The fast path's vocabulary is being built (~0.5 s): these names wait, with a provisional card.
            self.backlog.extend(files)
            self._write_early(files, every=True)
            return
        if self.total >= FAST_THRESHOLD:  # a few files dropped are read at once: no provisional card first
            self._write_early(files)
        files, self.backlog = [*self.backlog, *files], []
        ready: list[NewFile] = []
        fresh: list[_Item] = []
        for sf in files:
            self._route(sf, None, ready, fresh)
        self._write_fast(ready)
        self._write_provisional(fresh)
        self._dispatch(final=False)

    def _route(
        self, sf: ScannedFile, plan: Plan | None, ready: list[NewFile], fresh: list | None = None
    ) -> None:
        """Read a name with the fast path, or queue it: as a learner, parked behind one, or for parse()
        (and, when ``fresh`` is given, list it there for a provisional reading)."""
        if self.fast is None:
            self.slow.append((sf, None))
            return
        plan = plan or self.fast.plan(sf.path, sf.root)
        got = self.fast.predict(plan) if plan is not None else SLOW
        if isinstance(got, Parsed):
            ready.append(_to_new_file(sf, got))
            return
        if fresh is not None:
            fresh.append((sf, plan))
        if got == SLOW:
            self.slow.append((sf, None))
        else:
            key = self.fast.wait_key(plan)
            if key in self.learning:
                self.parked.setdefault(key, []).append((sf, plan))
            else:
                self.learning.update(("F:" + plan.frame, "T:" + plan.tail))
                self.learners.append((sf, plan))

    def _fast_ready(self, wait: bool = False) -> bool:
        """Make the FastParser once its vocabulary is built (on a thread of its own, so the walk goes on)."""
        if self._vocabulary is None:
            self._vocabulary = threading.Thread(
                target=shared_vocabulary, name="fastparse-vocabulary", daemon=True
            )
            self._vocabulary.start()
        if wait:
            self._vocabulary.join()
        if self._vocabulary.is_alive():
            return False
        self.fast = FastParser()
        return True

    def _write_early(self, files: list[ScannedFile], every: bool = False) -> None:
        """Write files with a provisional reading before they are read: the first PROVISIONAL_FIRST of the
        scan, or ``every`` one (while the fast path is being made)."""
        take = files if every else files[: max(0, self.early_budget)]
        self.early_budget -= self._write_provisional([(sf, None) for sf in take])

    def _write_provisional(self, items: list[_Item]) -> int:
        """Give these names a provisional reading (and a card) now, unless they have one already; parse()
        reads them later, and its reading replaces it. Returns how many were written."""
        if self.write_provisional is None:
            return 0
        items = [(sf, plan) for sf, plan in items if sf.path not in self.early]
        if items:
            self.early.update(sf.path for sf, _ in items)
            self.write_provisional(
                [
                    _to_new_file(sf, FastParser.provisional(sf.path, sf.root, plan), provisional=True)
                    for sf, plan in items
                ]
            )
        return len(items)

    def _write_fast(self, ready: list[NewFile]) -> None:
        if ready:
            self.claimed += len(ready)
            self.write(ready)

    def _dispatch(self, final: bool) -> None:
        """Send learners at once and the rest by chunks (all of it when ``final``); parse inline without a
        pool, a few names at a time, stopping soon after a cancel."""
        if self.pool is None:
            self._inline(final)
            return
        while self.learners:
            chunk, self.learners = self.learners[:LEARN_CHUNK], self.learners[LEARN_CHUNK:]
            self._submit(chunk)
        # Other names go in chunks, only a few ahead of the workers, so that a learner sent later does
        # not wait behind them.
        while not self.cancel.is_set() and (
            (len(self.slow) >= CHUNK and len(self.futures) <= self.workers) or (final and self.slow)
        ):
            chunk, self.slow = self.slow[:CHUNK], self.slow[CHUNK:]
            self._submit(chunk)
        if not final:
            self._drain(limit=self.workers * 3)

    def _inline(self, final: bool) -> None:
        """Without a pool: parse here, learners first, a few names at a time, stopping soon after a cancel."""
        while not self.cancel.is_set():
            if self.learners:
                items, self.learners = self.learners[:LEARN_CHUNK], self.learners[LEARN_CHUNK:]
            elif len(self.slow) >= 50 or (final and self.slow):
                items, self.slow = self.slow[:16], self.slow[16:]
            else:
                return
            self._done(items, [parse(sf.path, sf.root) for sf, _ in items])

    def _submit(self, items: list[_Item]) -> None:
        assert self.pool is not None
        self.futures.append((self.pool.submit(_parse_chunk, [(sf.path, sf.root) for sf, _ in items]), items))

    def _drain(self, limit: int | None = None) -> None:
        """Take in every finished chunk (in any order: a learner can overtake); wait while more than
        ``limit`` chunks of other names are out (learners are not held back: few, and others wait on
        them), or (no limit) until one chunk comes back."""
        waited = False
        while self.futures:
            finished = [entry for entry in self.futures if entry[0].done()]
            for entry in finished:
                self.futures.remove(entry)
                self._done(entry[1], [Parsed.from_dict(d) for d in entry[0].result()])
            others = sum(1 for _, items in self.futures if items and items[0][1] is None)
            if (limit is None and (finished or waited)) or (limit is not None and others <= limit):
                return
            if self.cancel.is_set():
                return
            waited = bool(wait([f for f, _ in self.futures], timeout=0.1, return_when=FIRST_COMPLETED).done)

    def _done(self, items: list[_Item], parsed: list[Parsed]) -> None:
        """Write parsed names (a chunk stopped by a cancel holds fewer results than names: the first ones);
        learn from the learners among them and release the names waiting on them."""
        self.write([_to_new_file(sf, p) for (sf, _), p in zip(items, parsed, strict=False)])
        learnt = []
        for (_, plan), p in zip(items, parsed, strict=False):
            if plan is not None and self.fast is not None:
                self.fast.learn(plan, p)
                learnt += ["F:" + plan.frame, "T:" + plan.tail]
        self.learning.difference_update(learnt)
        ready: list[NewFile] = []
        for key in learnt:
            for sf, plan in self.parked.pop(key, []):
                self._route(sf, plan, ready)
        self._write_fast(ready)

    def finish(self, cancelled: bool) -> None:
        """Parse what is left (unless cancelled), write every parsed chunk, shut the pool down.

        The pool is shut down and waited for here, cancelled or not: its workers are tied to this thread
        (see core/children.py), so a pool still busy when the thread ends has its workers killed under it.
        Cancelled, the pool drops the chunks not started (``cancel_futures``: a future cancelled from
        outside may still reach the pool's manager thread, which then fails on it) and the workers stop
        their chunk after the name they are parsing; what was parsed is kept."""
        try:
            if self.backlog and not cancelled:
                self._fast_ready(wait=True)
                self.add([])
            # Even when cancelled, keep what was already parsed: nothing found is lost.
            while not cancelled and (self.learners or self.slow or self.futures or self.parked):
                self._dispatch(final=True)
                if self.parked and not (self.learners or self.slow or self.futures):
                    # Nothing left to learn from: whatever still waits is parsed as it is.
                    self.slow.extend(item for items in self.parked.values() for item in items)
                    self.parked.clear()
                    continue
                if self.pool is not None and self.futures:
                    self._drain()
                cancelled = self.cancel.is_set()
            if cancelled and self.pool is not None:
                self._stop_workers.set()
                self.pool.shutdown(wait=True, cancel_futures=True)
            for fut, items in self.futures:
                if not fut.cancelled():
                    self.write(
                        [
                            _to_new_file(sf, Parsed.from_dict(d))
                            for (sf, _), d in zip(items, fut.result(), strict=False)
                        ]
                    )
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
    fast_parse: bool = True,
) -> ScanSummary:
    """Scan roots into the library; returns what happened. Safe to interrupt at any point.

    ``progress`` gets the summary after each batch of the walk and after each write (at most ~10 times a
    second): ``seen`` grows with the walk, ``parsed`` with the writes, ``to_parse`` is final once
    ``walked`` is True. ``fast_parse=False`` parses every name with parse() (benchmarks compare)."""
    roots = [os.path.abspath(os.path.expanduser(r)) for r in roots]
    cancel = cancel or threading.Event()
    summary = ScanSummary()
    walk = _register_roots(library, roots, summary)
    known, missing = library.stat_index(roots)
    if known and not missing and walk == roots and unchanged_since(roots, known, cancel):
        # Nothing was added, removed or touched: the stored results stand, nothing to parse or write.
        summary.seen = summary.unchanged = len(known)
        if progress:
            progress(summary)
        return summary
    del known
    existing: dict[str, tuple] = {}
    for root in roots:
        existing.update(library.index_for_root(root))
    walked = _Walked(existing, _Moves(library), NfoEvidence(roots))
    writes = _Writes(library, walked, summary, on_files, progress)
    parser = _Parser(workers, writes.parsed, cancel, fast=fast_parse, write_provisional=writes.provisional)
    try:
        for batch in scan(walk, cancel=cancel, first_batch=FIRST_BATCH):
            todo = walked.take(batch, summary)
            summary.to_parse += len(todo)
            parser.add(todo)
            if progress:
                progress(summary)
            if cancel.is_set():
                break
        summary.walked = not cancel.is_set()
        if progress:
            progress(summary)
        summary.cancelled = cancel.is_set()
    finally:
        parser.finish(cancelled=cancel.is_set())
        summary.fast_parsed = parser.claimed
    walked.settle(library, summary)
    if progress:
        progress(summary)
    return summary


def scan_changes(
    library: Library,
    root: str,
    folders: dict[str, bool],
    *,
    skip: Iterable[str] = (),
    cancel: threading.Event | None = None,
) -> ScanSummary:
    """Scan only the folders of library folder ``root`` where something changed (a folder watcher's
    report): ``folders`` maps a folder to whether its sub-folders are scanned too (a folder created or
    moved in). New, changed and moved files are parsed and written; a known file gone from a folder that
    was read is removed, as a full scan would. Files in ``skip`` (still being written) are left as they
    are: not taken if new, not removed if known.

    A library folder that cannot be read, or that is empty while the library holds files under it (an
    unplugged drive's mount point), goes through the full scan, which marks its files missing."""
    root = os.path.abspath(root)
    cancel = cancel or threading.Event()
    if not folders:
        return ScanSummary()
    if folders.get(root) or not _readable_and_filled(library, root):
        return scan_into_library(library, [root], cancel=cancel, workers=1)
    summary = ScanSummary()
    skip = set(skip)
    existing = library.index_for_folders(root, folders)
    walked = _Walked(existing, _Moves(library), NfoEvidence([root]))
    walked.seen |= skip

    def write(files: list[NewFile]) -> None:
        library.upsert_files(files, moved=walked.moves.ids, require_root=True)

    parser = _Parser(1, write, cancel)
    try:
        for batch in scan_folders(root, folders, cancel=cancel):
            batch.files = [f for f in batch.files if f.path not in skip]
            parser.add(walked.take(batch, summary))
        summary.cancelled = cancel.is_set()
    finally:
        parser.finish(cancelled=cancel.is_set())
    walked.settle(library, summary)
    return summary


def _readable_and_filled(library: Library, root: str) -> bool:
    """The library folder can be listed and is not empty (or holds nothing the library knows)."""
    try:
        with os.scandir(root) as it:
            empty = next(it, None) is None
    except OSError:
        return False
    return not (empty and library.root_file_count(root))


@dataclass
class _Writes:
    """Where read names go: the library, then the window (``on_files``) and the progress figures."""

    library: Library
    walked: _Walked
    summary: ScanSummary
    on_files: Callable[[list[NewFile]], None] | None
    progress: Callable[[ScanSummary], None] | None
    last_progress: float = 0.0

    def parsed(self, files: list[NewFile]) -> None:
        files = self.walked.nfo.apply(
            files
        )  # an id in an NFO file beside the video counts as one in its name
        self.library.upsert_files(files, moved=self.walked.moves.ids, require_root=True)
        self.summary.parsed += len(files)
        if self.on_files:
            self.on_files(files)
        if self.progress and time.monotonic() - self.last_progress >= 0.1:
            self.last_progress = time.monotonic()
            self.progress(self.summary)

    def provisional(self, files: list[NewFile]) -> None:
        # Only files the library did not hold: a changed file keeps its last reading until parsed again.
        files = [f for f in files if f.path not in self.walked.existing]
        if files:
            self.library.upsert_files(files, moved=self.walked.moves.ids, require_root=True)
            if self.on_files:
                self.on_files(files)


@dataclass
class _Walked:
    """What the walk has found so far, against what the library held under the roots (``existing``)."""

    existing: dict[str, tuple]
    moves: _Moves
    nfo: NfoEvidence
    seen: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)
    unreadable: set[str] = field(default_factory=set)
    returned_ids: list[int] = field(default_factory=list)

    def take(self, batch: ScanBatch, summary: ScanSummary) -> list[ScannedFile]:
        """Count one batch of the walk; returns its files to parse (new, moved or changed)."""
        self.listed.update(batch.listed_dirs)
        self.nfo.add(batch.nfo_files)
        summary.other_files += batch.other_files
        summary.note_skipped(batch.skipped)
        self.unreadable.update(s.path for s in batch.skipped if s.reason == REASON_UNREADABLE)
        to_parse, new = [], []
        for sf in batch.files:
            summary.seen += 1
            self.seen.add(sf.path)
            old = self.existing.get(sf.path)
            if old is None:
                new.append(sf)
            elif (old[1] != sf.size or old[2] != sf.mtime
                  or old[4] != (sf.role == ROLE_EXTRA, sf.extra_type, sf.stack_key, sf.part)):  # fmt: skip
                summary.changed += 1
                to_parse.append(sf)
            else:
                summary.unchanged += 1
                if old[3]:
                    self.returned_ids.append(old[0])
        found = self.moves.find(new)
        summary.moved += found
        summary.new += len(new) - found
        return to_parse + new

    def settle(self, library: Library, summary: ScanSummary) -> None:
        """After the walk: files found again, and (after a complete walk) files not seen, folders retired."""
        if self.returned_ids:
            summary.returned = library.set_missing(self.returned_ids, False)
        if summary.cancelled:
            return  # an interrupted scan never settles what it did not see
        for path in self.moves.away:
            self.existing.pop(path, None)  # that row now holds the file at its new path
        _settle_unseen(library, self.existing, self.seen, self.listed, self.unreadable, summary)
        _retire_gone_roots(library, summary)
        # Renamed or moved files get their fingerprint now, so the user's decisions follow them.
        refresh_fingerprints(library)


def _register_roots(library: Library, roots: list[str], summary: ScanSummary) -> list[str]:
    """Make the roots library folders and record the device each is on; returns the roots to walk.

    A root that exists but is empty while the library holds files under it is left out as unavailable:
    that is the mount point of an unplugged drive, and its files must be kept (marked missing)."""
    devices: dict[str, int] = {}
    walk = []
    for root in roots:
        try:
            st = os.stat(root)
            with os.scandir(root) as it:
                empty = next(it, None) is None
        except OSError:  # missing, unreadable or not a folder: the scanner says which
            walk.append(root)
            continue
        if empty and library.root_file_count(root):
            summary.note_skipped([Skipped(root, REASON_ROOT_UNAVAILABLE, EMPTY_ROOT)])
            continue
        devices[root] = st.st_dev
        walk.append(root)
    library.add_roots(roots, devices)
    return walk


class _Moves:
    """Recognises a file found at a new path as one the library holds at a path that no longer exists
    (a renamed or moved folder, a drive mounted elsewhere): the same size and name and about the same
    modification time, or the same fingerprint. That row then takes the new path and keeps its id."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.active = library.file_count() > 0
        self.ids: dict[str, int] = {}  # new path -> id of the row it takes over
        self.away: set[str] = set()  # the old paths of those rows
        self._taken: set[int] = set()

    def find(self, files: list[ScannedFile]) -> int:
        """Note which of these files (at paths the scanned roots did not hold) were moved; returns how many."""
        if not files or not self.active:
            return 0
        by_size: dict[int, list[tuple]] = {}
        for row in self.library.move_candidates(f.size for f in files):
            by_size.setdefault(row[2], []).append(row)
        found = 0
        for sf in files:
            row = self._match(sf, by_size.get(sf.size, []))
            if row is not None:
                self.ids[sf.path] = row[0]
                self.away.add(row[1])
                self._taken.add(row[0])
                found += 1
        return found

    def _match(self, sf: ScannedFile, rows: list[tuple]) -> tuple | None:
        if any(r[1] == sf.path for r in rows):
            return None  # stored already at this very path (under another root)
        gone = [r for r in rows if r[0] not in self._taken and _gone(r[1])]
        name = os.path.basename(sf.path)
        for r in gone:
            if os.path.basename(r[1]) == name and abs(r[3] - sf.mtime) <= MTIME_SLACK:
                return r
        if any(r[4] for r in gone):
            try:
                fp = fingerprint(sf.path, sf.size)
            except OSError:
                return None
            return next((r for r in gone if r[4] == fp), None)
        return None


def _settle_unseen(
    library: Library,
    existing: dict[str, tuple],
    seen: set[str],
    listed: set[str],
    unreadable: set[str],
    summary: ScanSummary,
) -> None:
    """Files not seen: removed when their folder was read (truly gone), else marked missing. A file that
    is there but cannot be read is kept, marked missing."""
    unavailable = set(summary.unavailable_roots)
    to_delete: list[int] = []
    to_mark: list[int] = []
    for path, (file_id, _size, _mtime, was_missing, _cls) in existing.items():
        if path in seen:
            continue
        if path not in unreadable and _truly_gone(path, listed, unavailable):
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


def _retire_gone_roots(library: Library, summary: ScanSummary) -> None:
    """Forget a library folder that no longer exists and holds no file any more (all were found
    elsewhere, or forgotten). Only when its nearest existing parent is on the device the folder was on:
    the folder was moved or deleted. An unplugged drive's folder (its parent is on another device) stays."""
    for root, dev in library.root_devices().items():
        if dev is None or not _gone(root) or library.root_file_count(root):
            continue
        if _nearest_existing_device(root) != dev:
            continue
        library.remove_roots([root])
        summary.retired_roots.append(root)
        if root in summary.unavailable_roots:
            summary.unavailable_roots.remove(root)
            summary.skipped[REASON_ROOT_UNAVAILABLE] -= 1
            if not summary.skipped[REASON_ROOT_UNAVAILABLE]:
                del summary.skipped[REASON_ROOT_UNAVAILABLE]
            summary.problems = [p for p in summary.problems if p.path != root]


def _gone(path: str) -> bool:
    """True only when the system says there is nothing at path (not when it cannot tell: a folder on the
    way that cannot be read, an I/O error)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return False


def _nearest_existing_device(path: str) -> int | None:
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent
        try:
            return os.stat(path).st_dev
        except FileNotFoundError:
            continue
        except OSError:
            return None
