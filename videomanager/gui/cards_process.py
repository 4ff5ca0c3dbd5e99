"""Card rebuilds in a helper process, and the chunked card snapshot file.

Rebuilding 30,000 cards from the library is seconds of pure-Python work. On a thread it holds the GIL
and halves the GUI thread's speed for as long as it runs (scrolling stutters all through an identify
run); in a process it costs the GUI nothing. The helper keeps the cards it sent last and, from the
second rebuild on, sends only what changed: unpickling, comparing and freeing 30,000 cards in the
window's process would hold the GIL for hundreds of ms per rebuild (freeing a dict of cards is one C
call). Cards travel pickled in chunks of CHUNK so that the thread that unpickles them never holds the
GIL for long in a single call (a 10 MB ``pickle.loads`` is one C call of ~0.5 s, during which the GUI
thread cannot run). The same chunks are the snapshot file shown at the next start-up.

No Qt here: the helper process imports only this module and ``videomanager.core``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import struct
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from videomanager.core.children import child_context, leave_with_parent

log = logging.getLogger(__name__)

CHUNK = 500  # cards per pickle: ~10 ms to load
SNAPSHOT_MAGIC = b"VMCARDS3"


class Cancelled(Exception):
    pass


@dataclass
class Snapshot:
    """The cards last shown, and what they were built from: the library's generation and the card format."""

    cards: list
    generation: int
    cards_format: str
    digest: str = ""  # sha1 of the pickled chunks: names exactly these cards (see Baseline)


@dataclass(frozen=True)
class Baseline:
    """Where the cards the window shows first came from, so that the helper process can load the very same
    cards and answer its first rebuild with changes only: ``("snapshot", snapshot path, digest)`` or
    ``("stored", generation, digest)``. Unpickling all 30,000 rebuilt cards in the window's process costs
    0.5 s or more of GIL (new memory faulted in while it is held); loading them in the helper costs the
    window nothing."""

    kind: str
    where: str
    digest: str


@dataclass
class Built:
    """What the helper process sends back for one rebuild.

    Either every card (``full``: pickled chunks; the first rebuild, or when the helper lost what it sent
    last) or only the changes since the cards it sent last (``inserted`` / ``changed``: pickled chunks,
    ``removed``: ids). During an identify run a rebuild changes a handful of cards: the window's process
    then unpickles, compares and frees a handful of cards instead of all of them.
    """

    generation: int
    token: str  # names the card set the helper holds; the next request quotes it
    full: list[bytes] | None = None
    inserted: list[bytes] | None = None
    changed: list[bytes] | None = None
    removed: list[str] | None = None


SNAPSHOT_EVERY_S = 60.0  # the helper rewrites the snapshot at most this often (and when the window closes)


@dataclass
class _Held:
    """In the helper process, per library: the cards it sent last (what the window shows) and their state."""

    token: str
    cards: dict
    generation: int
    dirty: bool  # not in the snapshot file yet
    written_at: float = 0.0


_SENT: dict[str, _Held] = {}


def card_changes(old: dict, new: list) -> tuple[list, list, list[str], dict]:
    """(inserted, changed, removed ids, the new cards by id) from ``old`` (id -> card) to ``new``."""
    snapshot: dict = {}
    inserted: list = []
    changed: list = []
    for card in new:
        before = old.get(card.id)
        if before is None:
            inserted.append(card)
        elif before != card or before.candidates != card.candidates:
            changed.append(card)
        else:
            card = before  # keep the card already shown: the rebuilt copy can go (see release)
        snapshot[card.id] = card
    removed = [cid for cid in old if cid not in snapshot]
    return inserted, changed, removed, snapshot


def release(cards: list) -> None:
    """Empty a list of cards a chunk at a time: freeing 30,000 cards at once is one C call that holds the
    GIL for tens of ms, a chunk is a fraction of a ms."""
    while cards:
        del cards[-CHUNK:]


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _load_baseline(db_path: str, library, baseline: Baseline) -> dict | None:
    """In the helper: the cards the window shows, loaded from where the window loaded them, or None when
    that source no longer holds exactly those cards (its digest differs)."""
    from videomanager.core.grouping import CARDS_FORMAT
    from videomanager.core.models import cards_from_json

    if baseline.kind == "snapshot":
        snap = load_snapshot(Path(baseline.where), db_path)
        if snap is None or snap.digest != baseline.digest:
            return None
        cards = snap.cards
    elif baseline.kind == "stored":
        text = library.stored_cards(int(baseline.where), CARDS_FORMAT)
        if not text or text_digest(text) != baseline.digest:
            return None
        cards = cards_from_json(text)
    else:
        return None
    return {c.id: c for c in cards}


def build_cards(
    db_path: str, token: str | None, baseline: Baseline | None = None, snapshot: str | None = None
) -> Built:
    """Helper-process entry point: rebuild every card of the library at db_path; send all of them, or only
    the changes when ``token`` names the set this process sent last, or when ``baseline`` says where the
    window's cards came from and this process can load the same ones. The library's generation is read
    before the build (if the library changes during it, the cards are marked older than they are, so the
    next start rebuilds them: never newer). With ``snapshot``, the helper also keeps the window's snapshot
    file up to date (at most every SNAPSHOT_EVERY_S): pickling 30,000 cards on a thread of the window's
    process would stall the GUI thread for hundreds of ms, here it costs the window nothing."""
    import uuid

    from videomanager.core.grouping import cards_from_library
    from videomanager.core.library import Library

    library = Library(db_path, read_only=True)
    try:
        generation = library.generation()
        cards = cards_from_library(library)
        sent = _SENT.get(db_path)
        if (sent is None or sent.token != token) and baseline is not None:
            try:
                shown = _load_baseline(db_path, library, baseline)
            except Exception as exc:  # only a shortcut: send every card instead
                log.debug("baseline not loaded: %s", exc)
                shown = None
            if shown is not None:
                token = uuid.uuid4().hex
                # Cards from the snapshot file are in it already; the library's stored cards are not.
                sent = _SENT[db_path] = _Held(token, shown, generation, dirty=baseline.kind != "snapshot")
    finally:
        library.close()
    if sent is not None and token is not None and sent.token == token:
        inserted, changed, removed, held = card_changes(sent.cards, cards)
        sent.cards, sent.generation = held, generation
        sent.dirty = sent.dirty or bool(inserted or changed or removed)
        built = Built(generation, token, inserted=chunk_cards(inserted), changed=chunk_cards(changed),
                      removed=removed)  # fmt: skip
    else:
        token = uuid.uuid4().hex
        sent = _SENT[db_path] = _Held(token, {c.id: c for c in cards}, generation, dirty=True)
        built = Built(generation, token, full=chunk_cards(cards))
    if snapshot and sent.dirty and time.monotonic() - sent.written_at > SNAPSHOT_EVERY_S:
        _write_held(db_path, snapshot, sent)
    return built


def _write_held(db_path: str, snapshot: str, held: _Held) -> None:
    from videomanager.core.grouping import CARDS_FORMAT

    try:
        save_snapshot(
            Path(snapshot), db_path, chunk_cards(list(held.cards.values())), held.generation, CARDS_FORMAT
        )
    except OSError as exc:  # only a start-up speed-up: never an error for the user
        log.debug("card snapshot not saved: %s", exc)
        return
    held.dirty, held.written_at = False, time.monotonic()


def flush_snapshot(db_path: str, snapshot: str) -> bool:
    """Helper-process task (the window is closing): write the snapshot if it is behind. True when the file
    now holds the cards this process sent last."""
    held = _SENT.get(db_path)
    if held is None:
        return False
    if held.dirty:
        _write_held(db_path, snapshot, held)
    return not held.dirty


def chunk_cards(cards: list) -> list[bytes]:
    return [
        pickle.dumps(cards[i : i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
        for i in range(0, len(cards), CHUNK)
    ]


def unchunk(chunks: list[bytes]) -> list:
    cards: list = []
    for blob in chunks:
        cards.extend(pickle.loads(blob))  # one chunk per call: the GIL is free in between
    return cards


def _helper_init(parent_pid: int) -> None:
    """In the helper process. It yields the CPU to the window (nice 10): on a two-core machine a rebuild would
    otherwise compete with the GUI thread for the second core whenever anything else runs.

    It leaves the window's process group: Ctrl+C in a terminal, or `timeout`, signals the whole group; the
    window closes itself on that signal and ends the helper (Pool.terminate), but a helper killed by the
    signal while idle dies holding the pool's task-queue lock, and terminate() then waits for that lock for
    ever. And it exits by itself if the window dies."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # no nice() (Windows) or not allowed: normal priority
        pass
    try:
        os.setsid()
    except (AttributeError, OSError):  # Windows (no process groups to share), or already a leader
        pass
    leave_with_parent(parent_pid, kernel_signal=False)  # started from a worker thread that may end


class ProcessBuilder:
    """One long-lived helper process that builds cards: spawned (safe in a process with threads, and a child
    of the window: no fork server, which a signal to the process group would kill, leaving the pool unable
    to stop)."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._pool = None
        self._closing = threading.Event()

    def build(
        self, token: str | None, baseline: Baseline | None = None, snapshot: str | None = None
    ) -> Built:
        if self._pool is None:
            self._pool = child_context().Pool(1, initializer=_helper_init, initargs=(os.getpid(),))
        result = self._pool.apply_async(build_cards, (self.db_path, token, baseline, snapshot))
        while not result.ready():
            if self._closing.is_set():
                raise Cancelled()
            result.wait(0.05)
        return result.get()

    def cancel(self) -> None:
        """Thread-safe: a build being waited for raises Cancelled (the window is closing)."""
        self._closing.set()

    def flush(self, snapshot: str, timeout: float = 2.0) -> bool:
        """Have the helper write the snapshot of the cards it sent last; False if it could not (in time)."""
        pool = self._pool
        if pool is None:
            return False
        try:
            result = pool.apply_async(flush_snapshot, (self.db_path, snapshot))
            result.wait(timeout)
            return result.ready() and result.successful() and bool(result.get())
        except Exception as exc:  # a helper that is gone: the window saves what it has
            log.debug("helper could not write the snapshot: %s", exc)
            return False

    def close(self, timeout: float = 2.0) -> None:
        """Thread-safe: stop waiting, and stop the helper process (it only reads).

        Pool.terminate() can wait for ever: it takes the task-queue lock, which an idle helper holds while
        it waits for work, and gives it up only once the pool's own threads have told it to stop; if anything
        keeps them from it (as a killed fork server once did), terminate() never returns. So it gets
        ``timeout`` seconds on a daemon thread, then the helper is killed; the stuck thread is left behind
        and does not keep the program from exiting."""
        self._closing.set()
        pool, self._pool = self._pool, None
        if pool is None:
            return
        workers = list(getattr(pool, "_pool", ()))  # the helper's Process objects (private, but stable)
        ender = threading.Thread(target=pool.terminate, name="cards-helper-end", daemon=True)
        ender.start()
        ender.join(timeout)
        if ender.is_alive():
            log.warning("the cards helper did not stop in %.0f s: killed", timeout)
            for proc in workers:
                try:
                    proc.kill()
                    proc.join(1.0)
                except Exception:  # already gone
                    pass


def save_snapshot(
    path: Path, db: str, chunks: list[bytes], generation: int = -1, cards_format: str = ""
) -> None:
    """Write the chunks atomically: magic, the library path, the generation and card format they were built
    for, then length-prefixed chunks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            head = db.encode("utf-8", "surrogatepass")
            fmt = cards_format.encode("utf-8")
            fh.write(SNAPSHOT_MAGIC + struct.pack("<I", len(head)) + head)
            fh.write(struct.pack("<qI", generation, len(fmt)) + fmt)
            for blob in chunks:
                fh.write(struct.pack("<Q", len(blob)))
                fh.write(blob)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_snapshot(path: Path, db: str) -> Snapshot | None:
    """The snapshot written for this library, or None (missing, damaged, another library)."""
    started = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            if fh.read(len(SNAPSHOT_MAGIC)) != SNAPSHOT_MAGIC:
                return None
            (n,) = struct.unpack("<I", fh.read(4))
            if fh.read(n).decode("utf-8", "surrogatepass") != db:
                return None
            generation, n = struct.unpack("<qI", fh.read(12))
            cards_format = fh.read(n).decode("utf-8")
            chunks = []
            digest = hashlib.sha1()
            while True:
                size = fh.read(8)
                if not size:
                    break
                (length,) = struct.unpack("<Q", size)
                chunks.append(fh.read(length))
                digest.update(chunks[-1])
        cards = unchunk(chunks)
    except FileNotFoundError:
        return None
    except Exception as exc:  # only a start-up speed-up: rebuilt from the library anyway
        log.debug("card snapshot ignored: %s", exc)
        return None
    log.debug("card snapshot: %d cards in %.2f s", len(cards), time.perf_counter() - started)
    return Snapshot(cards, generation, cards_format, digest.hexdigest())
