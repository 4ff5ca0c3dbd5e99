"""Workers: QObjects moved to QThreads that talk to the window only through signals of plain data.

- ScanWorker: scan folders into the library (cancellable; the library commits as it goes).
- EnrichWorker: run the identify pipeline (core.enrich.Enricher), with progress and finished keys.
- CardsWorker: rebuild the cards from the library and emit the diff against its last snapshot.
- DetailsWorker: fetch one title's details (credits, videos, external ids) through the cached client.

``JobThread`` owns one worker and its thread; ``stop()`` cancels and waits, so closing the window never
leaves a thread running.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from videomanager.core.grouping import CARDS_FORMAT, cards_from_library
from videomanager.core.models import cards_from_json
from videomanager.gui.cards_process import (
    Baseline,
    Cancelled,
    ProcessBuilder,
    chunk_cards,
    load_snapshot,
    release,
    save_snapshot,
    text_digest,
    unchunk,
)
from videomanager.gui.library_model import SORT_TITLE, CardsDiff, diff_cards, presort

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerError:
    """A failure to show in the message bar: what happened and which action helps."""

    kind: str  # a TMDb error's kind ("credential", "daily-limit", "network", "rate-limit", ...), "folder", "other"
    message: str


def error_for(exc: BaseException) -> WorkerError:
    """Map an exception to a sentence and a kind, never a traceback: a TMDb error carries its kind."""
    from videomanager.tmdb.errors import TMDbError  # loads requests: not at the window's start-up

    message = getattr(exc, "user_message", None) or str(exc) or type(exc).__name__
    if isinstance(exc, TMDbError):
        return WorkerError(exc.kind, message)
    if isinstance(exc, OSError):
        return WorkerError("folder", message)
    return WorkerError("other", message)


class CancellableWorker(QObject):
    """A one-shot worker whose run() checks ``cancel_event``."""

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: called from the GUI thread while run() is busy."""
        self.cancel_event.set()


class ScanWorker(CancellableWorker):
    progress = Signal(dict)  # {"seen", "new", "changed", "unchanged", "missing", "removed"}
    files_added = Signal(int)  # how many files were just written (refresh the cards)
    finished = Signal(dict)  # the summary as a dict, plus "line" (one sentence)
    failed = Signal(object)  # WorkerError

    def __init__(self, library, roots: list[str], workers: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.roots = list(roots)
        self.workers = workers

    @Slot()
    def run(self) -> None:
        from videomanager.core.indexer import scan_into_library

        def progress(s) -> None:
            self.progress.emit(_scan_dict(s))

        try:
            summary = scan_into_library(
                self.library,
                self.roots,
                cancel=self.cancel_event,
                progress=progress,
                on_files=lambda files: self.files_added.emit(len(files)),
                workers=self.workers,
            )
        except Exception as exc:  # shown in the message bar, never as a traceback
            log.debug("scan failed", exc_info=True)
            self.failed.emit(error_for(exc))
            self.finished.emit({"line": "", "cancelled": True})
            return
        out = _scan_dict(summary)
        out["line"] = summary.line()
        out["unavailable_roots"] = list(summary.unavailable_roots)
        out["cancelled"] = summary.cancelled
        self.finished.emit(out)


def _scan_dict(s) -> dict:
    return {k: getattr(s, k) for k in ("seen", "new", "changed", "unchanged", "missing", "removed")}


class EnrichWorker(CancellableWorker):
    progress = Signal(dict)  # EnrichProgress as a dict
    keys_done = Signal(list)  # lookup keys just finished
    finished = Signal(dict)  # EnrichSummary as a dict (plus "stop_reason")
    failed = Signal(object)  # WorkerError

    def __init__(self, library, client, retry: bool = False, workers: int = 8) -> None:
        super().__init__()
        self.library = library
        self.client = client
        self.retry = retry
        self.workers = workers

    @Slot()
    def run(self) -> None:
        try:
            from videomanager.core.enrich import Enricher

            enricher = Enricher(
                self.library,
                self.client,
                workers=self.workers,
                cancel=self.cancel_event,
                progress=lambda p: self.progress.emit(_plain(p)),
                on_result=lambda keys: self.keys_done.emit(list(keys)),
            )
            summary = enricher.run(retry=self.retry)
        except Exception as exc:
            log.debug("identify stopped", exc_info=True)
            self.failed.emit(error_for(exc))
            self.finished.emit({"stop_reason": "error"})
            return
        out = _plain(summary)
        if summary.stop_reason and not summary.cancelled:
            # The pipeline reports a whole-run stop (bad key, budget, network) in the summary, with its kind.
            self.failed.emit(WorkerError(summary.stop_kind or "other", summary.stop_reason))
        elif summary.failed and summary.failed_reason and not summary.cancelled:
            # No whole-run stop (fewer failures in a row than that takes), but titles were left behind:
            # say so, with the action that helps (Retry for a network that is down).
            text = (QCoreApplication.translate("EnrichWorker", "%1 title(s) could not be looked up and stay pending: %2")
                    .replace("%1", str(summary.failed)).replace("%2", summary.failed_reason))  # fmt: skip
            self.failed.emit(WorkerError(summary.failed_kind or "other", text))
        self.finished.emit(out)


def _plain(obj) -> dict:
    try:
        return asdict(obj)
    except TypeError:
        return dict(getattr(obj, "__dict__", {}))


class CardsWorker(QObject):
    """Rebuilds the cards off the GUI thread; emits only what changed since the last snapshot.

    At start-up the cards last shown come first: the window's snapshot file, else the cards the last scan
    or identify run stored in the library. When they were built for the library as it is now (same
    generation, same card format) they are the cards, and nothing is rebuilt; otherwise they are shown
    marked ``preliminary`` and the rebuild from the library follows. Later refreshes (while a scan or an
    identify run writes) rebuild only when the library's generation moved. With ``in_process`` the rebuild
    itself runs in a helper process (see cards_process.py), so it never competes with the GUI thread for
    the GIL.
    """

    diff_ready = Signal(object)  # CardsDiff
    failed = Signal(object)

    def __init__(
        self,
        library,
        build: Callable = cards_from_library,
        snapshot_path: Path | None = None,
        in_process: bool = False,
    ) -> None:
        super().__init__()
        self.library = library
        self.build = build
        self.snapshot_path = Path(snapshot_path) if snapshot_path else None
        db = getattr(library, "path", None)
        self._db = str(db) if db else ""
        self._process = (
            ProcessBuilder(self._db) if in_process and db and build is cards_from_library else None
        )
        # The window's sort order (set from the GUI thread; a tuple swap is atomic): first fills come sorted.
        self.order: tuple[str, bool] = (SORT_TITLE, False)
        self._snapshot: dict = {}
        self._generation: int | None = None  # the library generation self._snapshot was built for
        self._chunks: list[bytes] | None = None  # self._snapshot pickled, when the helper sent all of it
        self._token: str | None = None  # names the card set the helper process sent last
        self._baseline: Baseline | None = None  # where the cards shown first came from (for the helper)
        self._stored_text: tuple[int, str] | None = None
        self._started = False
        self._unsaved = False

    def _library_generation(self) -> int | None:
        if self.build is not cards_from_library:
            return None  # another builder (tests): its cards do not follow the library's generation
        try:
            return int(self.library.generation())
        except Exception:  # a library without the counter: always rebuild
            return None

    def _first_cards(self, generation: int | None) -> tuple[list | None, bool]:
        """The cards to show at once, and whether they are current (no rebuild needed)."""
        snap = load_snapshot(self.snapshot_path, self._db) if self.snapshot_path else None
        if snap is not None and snap.cards:
            current = generation is not None and (snap.generation, snap.cards_format) == (
                generation,
                CARDS_FORMAT,
            )
            self._baseline = Baseline("snapshot", str(self.snapshot_path), snap.digest)
            return snap.cards, current
        if generation is None:
            return None, False
        try:
            # Stored for this generation and format, or not at all: what is stored is always current.
            text = self.library.stored_cards(generation, CARDS_FORMAT)
            if not text:
                return None, False
            cards = cards_from_json(text)
            self._stored_text = (generation, text)  # its digest after the cards are shown (see refresh)
        except Exception:  # only a start-up speed-up: the rebuild follows anyway
            log.debug("stored cards ignored", exc_info=True)
            return None, False
        self._unsaved = True  # keep them as a snapshot too: it loads twice as fast as the JSON
        return cards, True

    @Slot()
    def refresh(self) -> None:
        # Tens of thousands of new objects would trigger full garbage collections, each holding the GIL
        # (so freezing the GUI thread) for hundreds of ms. Cards hold no reference cycles: no collection
        # while they are made, and once they are kept, out of the collector's sight (gc.freeze).
        generation = self._library_generation()
        if not self._started:
            self._started = True
            gc.disable()
            try:
                cards, current = self._first_cards(generation)
                if cards:
                    diff, self._snapshot = diff_cards({}, cards)
                    presort(diff, *self.order)
                    diff.preliminary = not current
                    gc.freeze()
            finally:
                gc.enable()
            if cards:
                self.diff_ready.emit(diff)
                if self._stored_text is not None:
                    # Off the start-up path: hashing 23 MB of JSON for 30,000 cards takes ~40 ms.
                    gen, text = self._stored_text
                    self._baseline, self._stored_text = Baseline("stored", str(gen), text_digest(text)), None
                if current:
                    self._generation = generation
                    return  # built for the library as it is: no rebuild
        if generation is not None and generation == self._generation:
            self.diff_ready.emit(CardsDiff())  # nothing changed since these cards were built
            return
        gc.disable()
        try:
            diff = self._rebuild(generation)
            gc.freeze()
        except Cancelled:
            return
        except Exception as exc:
            log.debug("cards rebuild failed", exc_info=True)
            self.failed.emit(error_for(exc))
            self.diff_ready.emit(CardsDiff())
            return
        finally:
            gc.enable()
        self.diff_ready.emit(diff)

    def _rebuild(self, generation: int | None) -> CardsDiff:
        """Rebuild the cards; the diff against what the window shows (``self._snapshot``), which it updates."""
        first_fill = not self._snapshot
        built = None
        if self._process is not None:
            try:
                snapshot = str(self.snapshot_path) if self.snapshot_path else None
                built = self._process.build(self._token, self._baseline, snapshot)
                self._baseline = None  # the helper has loaded it, or never will
            except Cancelled:
                raise
            except Exception as exc:  # no helper process here: build on this thread from now on
                log.info("card rebuilds stay in-process: %s", exc)
                self._process = None
        if built is None or built.full is not None:
            if built is None:
                self._chunks, self._token, built_for = None, None, generation
                cards = list(self.build(self.library))
            else:
                self._chunks, self._token, built_for = built.full, built.token, built.generation
                cards = unchunk(built.full)
            # Unchanged cards keep the objects the window already shows; the rebuilt copies are let go.
            diff, self._snapshot = diff_cards(self._snapshot, cards)
            release(cards)
            self._generation = built_for
            self._unsaved = self._unsaved or (built is None and bool(diff))  # the helper keeps its own file
        else:
            # Only the changes since the helper's last answer, which self._snapshot already holds.
            self._token, self._chunks = built.token, None
            diff = CardsDiff(inserted=unchunk(built.inserted or []), changed=unchunk(built.changed or []),
                             removed=list(built.removed or []))  # fmt: skip
            for cid in diff.removed:
                self._snapshot.pop(cid, None)
            for card in diff.inserted + diff.changed:
                self._snapshot[card.id] = card
            self._generation = built.generation
        if first_fill:
            presort(diff, *self.order)
        return diff

    def close(self) -> None:
        """Thread-safe: a rebuild being waited for is abandoned (the helper process stays until terminate)."""
        if self._process is not None:
            self._process.cancel()

    def terminate(self) -> None:
        """Stop the helper process (it only reads the library)."""
        if self._process is not None:
            self._process.close()

    def save_snapshot(self) -> None:
        """Keep the cards shown for the next start (called as the window closes, once this worker's thread
        has ended). The helper process writes what it holds; the window's process pickles its cards itself
        only when there is no helper (or it does not answer), with the window already hidden."""
        if self.snapshot_path is None:
            return
        if self._process is not None and self._token is not None:
            if self._process.flush(str(self.snapshot_path)):
                return
            self._unsaved = True  # the helper could not: what this process holds is as current
        if not self._unsaved or not self._snapshot:
            return
        self._unsaved = False
        chunks = self._chunks if self._chunks is not None else chunk_cards(list(self._snapshot.values()))
        generation = -1 if self._generation is None else self._generation
        try:
            save_snapshot(self.snapshot_path, self._db, chunks, generation, CARDS_FORMAT)
        except OSError as exc:  # only a start-up speed-up: never an error for the user
            log.debug("card snapshot not saved: %s", exc)


class DetailsWorker(QObject):
    """Fetches a title's details (the client caches them on disk)."""

    ready = Signal(str, dict)  # card id, details
    failed = Signal(str, str)  # card id, message

    def __init__(self, client) -> None:
        super().__init__()
        self.client = client

    @Slot(str, str, int)
    def fetch(self, card_id: str, kind: str, tmdb_id: int) -> None:
        if self.client is None:
            return
        try:
            if kind == "tv":
                data = self.client.get_tv_show(tmdb_id, append_to_response="credits,videos,external_ids")
            else:
                data = self.client.get_movie(tmdb_id, append_to_response="credits,videos,external_ids")
        except Exception as exc:
            self.failed.emit(card_id, error_for(exc).message)
            return
        self.ready.emit(card_id, data if isinstance(data, dict) else {})


class JobThread(QObject):
    """One worker on its own QThread. ``start(slot_name)`` runs a slot once; ``stop()`` cancels and waits."""

    def __init__(
        self, worker: QObject, name: str, parent: QObject | None = None, quit_on: str | None = None
    ) -> None:
        """``quit_on``: a signal of the worker after which the thread leaves its loop (one-shot jobs).

        That quit is a direct connection made before anyone else's, so that when the window's slot for
        the same signal runs, the thread is already leaving its loop and ``wait()`` returns at once.
        """
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.moveToThread(self.thread)
        if quit_on is not None:
            getattr(worker, quit_on).connect(self.thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self, entry: str | None = None) -> None:
        """Start the thread; run the worker's slot ``entry`` once it is running."""
        if entry is not None:
            self.thread.started.connect(getattr(self.worker, entry))
        self.thread.start()

    def is_running(self) -> bool:
        return self.thread.isRunning()

    def finish(self, wait_ms: int = 5000) -> None:
        """After the worker's last signal: let its thread end, then free both."""
        self.thread.wait(wait_ms)
        self.deleteLater()

    def stop(self, wait_ms: int = 30_000) -> bool:
        cancel = getattr(self.worker, "cancel", None)
        if cancel is not None:
            cancel()
        self.thread.quit()
        return self.thread.wait(wait_ms)


class TaskWorker(QObject):
    """Runs one callable (a manual decision, a split) off the GUI thread."""

    done = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, fn: Callable[[], object]) -> None:
        super().__init__()
        self.fn = fn

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:
            log.debug("task failed", exc_info=True)
            self.failed.emit(error_for(exc))
            result = None
        self.done.emit(result)
