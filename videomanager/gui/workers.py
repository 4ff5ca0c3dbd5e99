"""Workers: QObjects moved to QThreads that talk to the window only through signals of plain data.

- ScanWorker: scan folders into the library (cancellable; the library commits as it goes).
- IdentifyWorker: run the identify pipeline (core.identify.IdentifyRunner), with progress and finished keys.
- MediaWorker: read the media info of the files that need it (core.mediainfo.MediaReader), with progress.
- CardsWorker: bring the card store up to date and send the window what changed.
- DetailsWorker: fetch one title's details (credits, videos, external ids) through the cached client.
- TaskWorker / TaskJob: one library change (a manual decision, a split, a merge), ended on the GUI thread.

``JobThread`` owns one worker and its thread; ``stop()`` cancels and waits, so closing the window never
leaves a thread running.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from videomanager.core.cards import CardStore
from videomanager.gui.library_model import SORT_TITLE, CardsDiff, presort

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WorkerError:
    """A failure to show in the message bar: what happened and which action helps."""

    kind: str  # a TMDb error's kind ("credential", "daily-limit", "network", "rate-limit", ...), "folder", "other"
    message: str


# TMDb error classes whose sentence is not the one of their kind.
_TMDB_SENTENCE = {"NoCredentialError": "no-credential", "ServiceUnavailableError": "unavailable",
                  "RateLimitStop": "rate-limit-stop"}  # fmt: skip


def tmdb_sentence(kind: str, error: str | None = None, args: dict | None = None) -> str:
    """The interface's sentence for a TMDb error of this kind (and class name)."""
    from videomanager.gui.messages import tmdb_error

    return tmdb_error(_TMDB_SENTENCE.get(error or "", kind), args)


def worker_error(exc: BaseException) -> WorkerError:
    """Map an exception to a sentence in the interface's language and a kind, never a traceback: the core's
    errors carry their kind (see gui/messages.py)."""
    from videomanager.core.decisions import DecisionError
    from videomanager.core.library import LibraryError
    from videomanager.gui.messages import library_error, os_error
    from videomanager.tmdb.errors import TMDbError  # loads requests: not at the window's start-up

    if isinstance(exc, TMDbError):
        args = {k: getattr(exc, k) for k in ("used", "limit") if hasattr(exc, k)}
        return WorkerError(exc.kind, tmdb_sentence(exc.kind, type(exc).__name__, args))
    if isinstance(exc, LibraryError | DecisionError):
        text = library_error(exc.kind, getattr(exc, "args_for_message", {}))
        return WorkerError("library", text or str(exc))
    if isinstance(exc, OSError):
        return WorkerError("folder", os_error(exc))
    return WorkerError("other", str(exc) or type(exc).__name__)


class CancellableWorker(QObject):
    """A one-shot worker whose run() checks ``cancel_event``."""

    def __init__(self) -> None:
        super().__init__()
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: called from the GUI thread while run() is busy."""
        self.cancel_event.set()


class ScanWorker(CancellableWorker):
    progress = Signal(dict)  # {"seen", "new", ..., "to_parse", "parsed", "walked"} (see scan_into_library)
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
            self.failed.emit(worker_error(exc))
            self.finished.emit({"line": "", "cancelled": True})
            return
        out = _scan_dict(summary)
        out["line"] = summary.line()
        out["unavailable_roots"] = list(summary.unavailable_roots)
        out["retired_roots"] = list(summary.retired_roots)
        out["problems"] = scan_problems(summary)
        out["cancelled"] = summary.cancelled
        self.finished.emit(out)


def scan_problems(summary) -> list[tuple[str, str]]:
    """(path, why) of the folders and files a scan could not read, and of the files that are not regular
    files (named like videos but pipes, sockets or devices)."""
    from videomanager.core.scanner import REASON_SPECIAL, REASON_UNREADABLE
    from videomanager.gui.messages import scan_problem

    return [
        (p.path, scan_problem(p.reason, p.detail))
        for p in summary.problems
        if p.reason in (REASON_UNREADABLE, REASON_SPECIAL)
    ]


def _scan_dict(s) -> dict:
    keys = ("seen", "new", "changed", "unchanged", "missing", "removed", "to_parse", "parsed", "walked")
    return {k: getattr(s, k) for k in keys}


class IdentifyWorker(CancellableWorker):
    """Runs the identify pipeline. Started while a scan runs (``follow``), it runs it again each time a
    run ends, for the keys the scan wrote meanwhile, until ``scan_ended()``; then once more for the last
    ones. Every run goes through the same client, so through the same rate limiter."""

    progress = Signal(dict)  # IdentifyProgress as a dict (totals over the runs)
    keys_done = Signal(list)  # lookup keys just finished
    finished = Signal(dict)  # IdentifySummary as a dict (plus "stop_reason"), added up over the runs
    failed = Signal(object)  # WorkerError

    FOLLOW_PAUSE = 0.5  # seconds between two runs while the scan writes new keys

    def __init__(self, library, client, retry: bool = False, workers: int = 8, follow: bool = False) -> None:
        super().__init__()
        self.library = library
        self.client = client
        self.retry = retry
        self.workers = workers
        self._scan_running = threading.Event()
        if follow:
            self._scan_running.set()

    def scan_ended(self) -> None:
        """Thread-safe: the scan is over; the worker makes one last run for the keys it wrote last."""
        self._scan_running.clear()

    @Slot()
    def run(self) -> None:
        try:
            summary = self._runs()
        except Exception as exc:
            log.debug("identify stopped", exc_info=True)
            self.failed.emit(worker_error(exc))
            self.finished.emit({"stop_reason": "error"})
            return
        out = _plain(summary)
        if summary.stop_reason and not summary.cancelled:
            # The pipeline reports a whole-run stop (bad key, budget, network) in the summary, with its kind.
            kind, args = summary.stop_kind or "other", summary.stop_args
            self.failed.emit(WorkerError(kind, tmdb_sentence(kind, args.get("error"), args)))
        elif summary.failed and summary.failed_reason and not summary.cancelled:
            # No whole-run stop (fewer failures in a row than that takes), but titles were left behind:
            # say so, with the action that helps (Retry for a network that is down).
            kind = summary.failed_kind or "other"
            text = (QCoreApplication.translate("IdentifyWorker", "%n title(s) could not be looked up and stay pending: %1",
                                               "", summary.failed)
                    .replace("%1", tmdb_sentence(kind, summary.failed_error)))  # fmt: skip
            self.failed.emit(WorkerError(kind, text))
        self.finished.emit(out)

    def _runs(self):
        """One run, or (following a scan) runs until the scan has ended and a run found nothing new to
        do; stops at a cancel, a whole-run stop or a key that failed (it waits for the next identify)."""
        from videomanager.core.identify import IdentifyRunner

        done = total = 0
        summary = None
        retry = self.retry
        while True:
            following = self._scan_running.is_set()
            base = (done, total)
            runner = IdentifyRunner(
                self.library,
                self.client,
                workers=self.workers,
                cancel=self.cancel_event,
                progress=lambda p, base=base: self.progress.emit(_offset(_plain(p), base)),
                on_result=lambda keys: self.keys_done.emit(list(keys)),
            )
            one = runner.run(retry=retry)
            retry = False
            summary = one if summary is None else _add_up(summary, one)
            done, total = done + one.matched + one.ambiguous + one.not_found, total + one.keys_total
            if not following or one.stop_reason or one.cancelled or one.failed or self.cancel_event.is_set():
                return summary
            # Following a scan: wait a little for its next writes (or its end), then look again.
            while self._scan_running.is_set() and not self.cancel_event.wait(self.FOLLOW_PAUSE):
                if self.library.pending_lookup_keys():
                    break


def _offset(progress: dict, base: tuple[int, int]) -> dict:
    """A run's progress as part of all the runs of one identify: keys done and total so far."""
    out = dict(progress)
    out["keys_done"] = base[0] + int(progress.get("keys_done") or 0)
    out["keys_total"] = base[1] + int(progress.get("keys_total") or 0)
    return out


def _add_up(a, b):
    """Two runs' summaries as one (counts added, the last run's stop and language refresh kept)."""
    for name in ("keys_total", "matched", "ambiguous", "not_found", "failed", "titles_refreshed", "requests",
                 "cache_hits", "waits_429", "seconds"):  # fmt: skip
        setattr(b, name, getattr(a, name) + getattr(b, name))
    for state, n in a.by_state.items():
        b.by_state[state] = b.by_state.get(state, 0) + n
    return b


class MediaWorker(CancellableWorker):
    progress = Signal(dict)  # MediaProgress as a dict
    stored = Signal(int)  # how many files' media info was just written (refresh the cards)
    finished = Signal(dict)  # MediaSummary as a dict, plus "line"
    failed = Signal(object)  # WorkerError

    def __init__(self, library, workers: int | None = None) -> None:
        super().__init__()
        self.library = library
        self.workers = workers

    @Slot()
    def run(self) -> None:
        try:
            from videomanager.core.mediainfo import MediaReader

            reader = MediaReader(
                self.library,
                workers=self.workers,
                cancel=self.cancel_event,
                progress=lambda p: self.progress.emit(_plain(p)),
                on_batch=self.stored.emit,
            )
            with no_collection_pauses():
                summary = reader.run()
        except Exception as exc:
            log.debug("media info stopped", exc_info=True)
            self.failed.emit(worker_error(exc))
            self.finished.emit({"cancelled": True, "line": ""})
            return
        out = _plain(summary)
        out["line"] = summary.line()
        self.finished.emit(out)


def _plain(obj) -> dict:
    try:
        return asdict(obj)
    except TypeError:
        return dict(getattr(obj, "__dict__", {}))


_gc_lock = threading.Lock()
_gc_holders = 0  # blocks running under no_collection_pauses (on any thread)


@contextlib.contextmanager
def no_collection_pauses():
    """Python's cyclic garbage collector off while the block runs (and while any other such block runs). A
    regroup of every card or a media read of every file allocates a large transient heap: the full collections
    it triggers hold the GIL, and so the GUI thread, for 70-100 ms each on a 10,000-file library. What the
    block allocates is freed by reference counting; the collector takes the rest once it is back on."""
    global _gc_holders
    with _gc_lock:
        _gc_holders += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0:
                gc.enable()


class CardsWorker(QObject):
    """Keeps the window's cards in step with the library's card store (core/cards.py), off the GUI thread.

    Its first refresh sends every stored card (the grid fills at once), then what the store's update
    changed; every later refresh sends only what the store's update changed.
    """

    loaded = Signal(object)  # CardsDiff: every stored card, once, before the first update
    diff_ready = Signal(object)  # CardsDiff: what one refresh changed
    review_changed = Signal(object, object)  # card ids now in the review queue, card ids no longer in it
    failed = Signal(object)

    def __init__(self, library) -> None:
        super().__init__()
        self.store = CardStore(library)
        # The window's sort order (set from the GUI thread; a tuple swap is atomic): the first fill comes sorted.
        self.order: tuple[str, bool] = (SORT_TITLE, False)
        self._loaded = False

    @Slot()
    def refresh(self) -> None:
        with no_collection_pauses():
            self._refresh()

    def _refresh(self) -> None:
        try:
            if not self._loaded:
                self._loaded = True
                cards = self.store.stored()
                if cards:
                    self.loaded.emit(presort(CardsDiff(inserted=cards), *self.order))
                    self._review(cards, [])
            changes = self.store.update()
        except Exception as exc:
            log.debug("cards update failed", exc_info=True)
            self.failed.emit(worker_error(exc))
            self.diff_ready.emit(CardsDiff())
            return
        diff = CardsDiff(inserted=changes.inserted, changed=changes.changed, removed=changes.removed)
        self.diff_ready.emit(presort(diff, *self.order))
        if diff:
            self._review([*changes.inserted, *changes.changed], changes.removed)

    def _review(self, cards: list, removed: list[str]) -> None:
        """Which of these cards need a person (worked out here: a first media read changes every card)."""
        from videomanager.core.review import reasons_for

        need = {c.id for c in cards if reasons_for(c)}
        self.review_changed.emit(need, {c.id for c in cards if c.id not in need} | set(removed))


def _scope(client, cancel: threading.Event):
    """The client's cancellable scope, or no scope for a client without one."""
    scope = getattr(client, "scope", None)
    return scope(cancel) if scope is not None else contextlib.nullcontext()


class DetailsWorker(QObject):
    """Fetches a title's details (the client caches them on disk); a show's details carry the library's
    season data (``season_episodes``: [{"season", "count", "episodes": [[number, name, air date], ...]}])."""

    ready = Signal(str, object)  # card id, the details answer (read field by field by gui/details.py)
    failed = Signal(str, str)  # card id, message

    def __init__(self, client, library=None) -> None:
        super().__init__()
        self.client = client
        self.cancel_event = threading.Event()
        self.library = library

    def cancel(self) -> None:
        """Thread-safe: a fetch under way stops waiting and its request is aborted (closing the window)."""
        self.cancel_event.set()

    def _season_episodes(self, tmdb_id: int) -> list[dict]:
        if self.library is None:
            return []
        rows = self.library.seasons_for([tmdb_id]).get(tmdb_id, {})
        return [
            {"season": n, "count": r.episode_count, "episodes": [list(e) for e in r.episodes or ()]}
            for n, r in sorted(rows.items())
        ]

    @Slot(str, str, int)
    def fetch(self, card_id: str, kind: str, tmdb_id: int) -> None:
        if self.cancel_event.is_set():
            return
        if self.client is None:
            if kind == "tv" and self.library is not None:
                self.ready.emit(card_id, {"season_episodes": self._season_episodes(tmdb_id)})
            return
        try:
            with _scope(self.client, self.cancel_event):
                if kind == "tv":
                    data = self.client.get_tv_show(tmdb_id, append_to_response="credits,videos,external_ids")
                else:
                    data = self.client.get_movie(tmdb_id, append_to_response="credits,videos,external_ids")
        except Exception as exc:
            if self.cancel_event.is_set():
                return
            self.failed.emit(card_id, worker_error(exc).message)
            return
        if kind == "tv" and isinstance(data, dict):
            data = {**data, "season_episodes": self._season_episodes(tmdb_id)}
        self.ready.emit(card_id, data)


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
            self.failed.emit(worker_error(exc))
            result = None
        self.done.emit(result)


class TaskJob(JobThread):
    """A TaskWorker on its own thread, whose ``done`` and ``failed`` this object emits again on the thread it
    lives in (the GUI thread): a plain function or lambda connected to the worker's own signals would run
    on the worker's thread (PySide calls it where the signal is emitted), where it must not touch widgets
    nor wait for that thread. After ``done``, the thread has ended and both objects are freed."""

    done = Signal(object)
    failed = Signal(object)  # WorkerError

    def __init__(self, fn: Callable[[], object], name: str, parent: QObject | None = None) -> None:
        super().__init__(TaskWorker(fn), name, parent, quit_on="done")
        self.worker.failed.connect(self._failed)
        self.worker.done.connect(self._done)

    def start(self, entry: str | None = "run") -> None:
        super().start(entry)

    @Slot(object)
    def _failed(self, err: object) -> None:
        self.failed.emit(err)

    @Slot(object)
    def _done(self, result: object) -> None:
        self.finish()
        self.done.emit(result)
