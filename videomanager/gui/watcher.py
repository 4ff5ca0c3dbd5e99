"""Watched library folders in the window: files copied, changed, moved or removed in a library folder show
up (or go) within seconds, without Rescan, and new titles are identified.

The watch runs on its own thread (``WatchWorker``): watchdog's events are debounced by
``core.watch.ChangeQueue``, the folders that are ready are scanned by ``core.indexer.scan_changes``, and
the window is told what changed (it then updates the cards as after any scan). A library folder that
goes away (an unplugged drive) gets the full scan, which marks its files missing; when it comes back it
is scanned again. While the window's own scan runs, events wait. ``Settings.watch_folders`` turns the
watch off.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from videomanager.gui.workers import JobThread, worker_error

log = logging.getLogger(__name__)

TICK_MS = 250
ROOTS_EVERY_S = 2.0  # how often the library folders are looked at (added, removed, unplugged, back)


class WatchWorker(QObject):
    """Lives on the watch thread: follows the library folders and scans what changed."""

    changed = Signal(dict)  # what a scan found: {"new", "changed", "moved", "removed", "missing", "returned"}
    failed = Signal(object)  # WorkerError
    unwatched = Signal(str, str)  # a library folder that cannot be watched, and why
    watching = Signal(list)  # the library folders watched now (when that changes)

    def __init__(self, library, busy: Callable[[], bool], *, quiet: float | None = None) -> None:
        super().__init__()
        self.library = library
        self.busy = busy
        self.cancel_event = threading.Event()
        self._quiet = quiet
        self._watch = None
        self._timer: QTimer | None = None
        self._roots_at = 0.0
        self._told: set[str] = set()

    @Slot()
    def start(self) -> None:
        from videomanager.core.watch import ChangeQueue, FolderWatch

        queue = ChangeQueue() if self._quiet is None else ChangeQueue(quiet=self._quiet)
        try:
            self._watch = FolderWatch(
                queue, holds_files=lambda root: bool(self.library.root_file_count(root))
            )
        except Exception as exc:  # no watch: the window works as before (Rescan)
            log.warning("folders are not watched: %s", exc)
            self.failed.emit(worker_error(exc))
            return
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        # The timer is stopped on this thread as it ends (a timer cannot be stopped from another thread).
        self.thread().finished.connect(self._timer.stop, Qt.ConnectionType.DirectConnection)
        self._tick()

    @Slot()
    def roots_changed(self) -> None:
        """The library folders may have changed (a scan ended): look at them now."""
        self._roots_at = 0.0
        self._tick()

    def cancel(self) -> None:
        """Thread-safe: stop the scan under way and the watch."""
        self.cancel_event.set()
        if self._watch is not None:
            self._watch.stop()

    @Slot()
    def _tick(self) -> None:
        if self.cancel_event.is_set() or self._watch is None:
            return
        try:
            if time.monotonic() - self._roots_at >= ROOTS_EVERY_S:
                self._roots_at = time.monotonic()
                self._follow_roots()
            if not self.busy():
                for ready in self._watch.queue.take_ready():
                    self._scan_changes(ready)
        except Exception as exc:  # a library problem (busy, read-only): told once, the watch goes on
            log.debug("watch scan failed", exc_info=True)
            self.failed.emit(worker_error(exc))

    def _follow_roots(self) -> None:
        from videomanager.core.indexer import scan_into_library

        before = set(self._watch.watched())
        self._watch.set_roots(self.library.roots())
        for root, why in self._watch.failures.items():
            if root not in self._told:
                self._told.add(root)
                self.unwatched.emit(root, why)
        gone, back = self._watch.check_roots()
        for root in gone + back:
            if self.cancel_event.is_set():
                return
            summary = scan_into_library(self.library, [root], cancel=self.cancel_event, workers=1)
            self._report(summary)
        if set(self._watch.watched()) != before:
            self.watching.emit(sorted(self._watch.watched()))

    def _scan_changes(self, ready) -> None:
        from videomanager.core.indexer import scan_changes

        if ready.root not in self.library.roots():
            return  # removed from the library meanwhile
        summary = scan_changes(
            self.library, ready.root, ready.folders, skip=ready.skip, cancel=self.cancel_event
        )
        self._report(summary)

    def _report(self, s) -> None:
        counts = {k: getattr(s, k) for k in ("new", "changed", "moved", "removed", "missing", "returned")}
        if any(counts.values()):
            self.changed.emit(counts)


class WatchControl(QObject):
    """The window's side of the watch: starts and stops it with the setting, refreshes the cards after
    each change, identifies new titles (again after a run under way), and says what it picked up."""

    def __init__(self, window, enabled: bool) -> None:
        super().__init__(window)
        self.window = window
        self.allowed = enabled  # False: this window never watches (tests, benchmarks)
        self.job: JobThread | None = None
        self.watched: list[str] = []  # the library folders watched now
        self._identify_again = False
        window.identify_finished.connect(self._identify_finished)
        window.scan_finished.connect(self._scan_finished)
        self.follow(window.settings)

    def follow(self, settings) -> None:
        """Start or stop the watch as the settings say."""
        wanted = self.allowed and bool(getattr(settings, "watch_folders", True))
        if wanted and self.job is None:
            self.start()
        elif not wanted and self.job is not None:
            self.stop()

    def start(self, quiet: float | None = None) -> None:
        window = self.window
        worker = WatchWorker(window.library, window.is_scanning, quiet=quiet)
        self.job = JobThread(worker, "watch", self)
        worker.changed.connect(self._changed)
        worker.failed.connect(window._worker_failed)
        worker.unwatched.connect(self._unwatched)
        worker.watching.connect(lambda roots: setattr(self, "watched", roots))
        self.job.start("start")

    def stop(self) -> None:
        job, self.job = self.job, None
        self.watched = []
        if job is not None:
            job.stop()

    def _scan_finished(self, _result: dict) -> None:
        if self.job is not None:
            QTimer.singleShot(0, self.job.worker, self.job.worker.roots_changed)  # on the watch thread

    def is_watching(self) -> bool:
        return self.job is not None

    def _changed(self, counts: dict) -> None:
        window = self.window
        window.request_refresh()
        tr = QCoreApplication.translate
        added = counts["new"] + counts["moved"] + counts["returned"]
        parts = []
        if added:
            parts.append(tr("WatchControl", "%n file(s) picked up", "", added))
        if counts["removed"]:
            parts.append(tr("WatchControl", "%n file(s) gone", "", counts["removed"]))
        if counts["missing"]:
            parts.append(tr("WatchControl", "%n file(s) missing", "", counts["missing"]))
        if parts:
            window.statusBar().showMessage(
                tr("WatchControl", "Library folders: %1").replace("%1", ", ".join(parts)), 8000
            )
        if (counts["new"] or counts["changed"]) and window.auto_identify and window._has_key():
            if window.is_identifying():
                self._identify_again = True
            else:
                window.start_identify()

    def _identify_finished(self, _summary: dict) -> None:
        if self._identify_again and self.job is not None:
            self._identify_again = False
            self.window.start_identify()

    def _unwatched(self, root: str, why: str) -> None:
        from videomanager.gui.message_bar import LEVEL_WARNING

        text = QCoreApplication.translate(
            "WatchControl", "%1 is not watched (%2): what changes there shows after Rescan."
        )
        self.window.message_bar.show_message(
            f"watch:{root}", text.replace("%1", root).replace("%2", why), LEVEL_WARNING
        )
