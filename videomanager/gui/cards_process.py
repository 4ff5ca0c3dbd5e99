"""Card rebuilds in a helper process, and the chunked card snapshot file.

Rebuilding 30,000 cards from the library is seconds of pure-Python work. On a thread it holds the GIL
and halves the GUI thread's speed for as long as it runs (scrolling stutters all through an identify
run); in a process it costs the GUI nothing. The process pickles the cards in chunks of CHUNK so that
the thread that unpickles them never holds the GIL for long in a single call (a 10 MB ``pickle.loads``
is one C call of ~0.5 s, during which the GUI thread cannot run). The same chunks are the snapshot file
shown at the next start-up.

No Qt here: the helper process imports only this module and ``videomanager.core``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import struct
import tempfile
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

CHUNK = 500  # cards per pickle: ~10 ms to load
SNAPSHOT_MAGIC = b"VMCARDS2"


class Cancelled(Exception):
    pass


def build_card_chunks(db_path: str) -> list[bytes]:
    """Helper-process entry point: every card of the library at db_path, pickled in chunks."""
    from videomanager.core.grouping import cards_from_library
    from videomanager.core.library import Library

    library = Library(db_path, read_only=True)
    try:
        cards = cards_from_library(library)
    finally:
        library.close()
    return chunk_cards(cards)


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


class ProcessBuilder:
    """One long-lived helper process (forkserver: safe in a process with threads) that builds cards."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._pool = None
        self._closing = threading.Event()

    def build_chunks(self) -> list[bytes]:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ctx.Pool(1)
        result = self._pool.apply_async(build_card_chunks, (self.db_path,))
        while not result.ready():
            if self._closing.is_set():
                raise Cancelled()
            result.wait(0.05)
        return result.get()

    def close(self) -> None:
        """Thread-safe: stop waiting, and stop the helper process (it only reads)."""
        self._closing.set()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()


def save_snapshot(path: Path, db: str, chunks: list[bytes]) -> None:
    """Write the chunks atomically: magic, the library path, then length-prefixed chunks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            head = db.encode("utf-8", "surrogatepass")
            fh.write(SNAPSHOT_MAGIC + struct.pack("<I", len(head)) + head)
            for blob in chunks:
                fh.write(struct.pack("<Q", len(blob)))
                fh.write(blob)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_snapshot(path: Path, db: str) -> list | None:
    """The cards of a snapshot written for this library, or None (missing, damaged, another library)."""
    started = time.perf_counter()
    try:
        with open(path, "rb") as fh:
            if fh.read(len(SNAPSHOT_MAGIC)) != SNAPSHOT_MAGIC:
                return None
            (n,) = struct.unpack("<I", fh.read(4))
            if fh.read(n).decode("utf-8", "surrogatepass") != db:
                return None
            chunks = []
            while True:
                size = fh.read(8)
                if not size:
                    break
                (length,) = struct.unpack("<Q", size)
                chunks.append(fh.read(length))
        cards = unchunk(chunks)
    except FileNotFoundError:
        return None
    except Exception as exc:  # only a start-up speed-up: rebuilt from the library anyway
        log.debug("card snapshot ignored: %s", exc)
        return None
    log.debug("card snapshot: %d cards in %.2f s", len(cards), time.perf_counter() - started)
    return cards
