"""Watched library folders: file-system events, debounced into folders ready for an incremental scan.

``FolderWatch`` follows the library folders with watchdog (inotify on Linux, ReadDirectoryChangesW on
Windows, FSEvents on macOS). Those watch a whole tree from one registration per library folder and add
the watches of new sub-folders themselves, which is what a library of 10,000 folders needs; Qt's
QFileSystemWatcher would need one ``addPath`` per folder (kept up to date by hand as folders come and
go), one handle per folder on Windows and one file descriptor per folder with kqueue on macOS, and says
only "this folder changed".

Events land in a ``ChangeQueue`` (called from watchdog's thread: only a dictionary update each). A
folder is ready once it has been quiet for ``quiet`` seconds, or once its first event is ``max_wait``
seconds old; a file in it counts as written only when two looks ``settle`` seconds apart find the
same size and modification time, and no event came in between. A file still being copied is handed
to the scan as "skip": it is neither taken half-written nor, if known, removed.

A library folder that goes away (an unplugged drive) loses its watch; ``FolderWatch.check_roots``
notices, and the folder is reported for a full scan, which marks its files missing, never removed. When
it comes back it is watched again and scanned.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from watchdog.events import FileSystemEventHandler

from videomanager.core.scanner import is_video_name

log = logging.getLogger(__name__)

QUIET_S = 1.0
SETTLE_S = 2.0
MAX_WAIT_S = 5.0


@dataclass
class _Folder:
    first: float  # when its first pending event came
    last: float  # when its last event came
    deep: bool = False  # scan its sub-folders too (created or moved in)


@dataclass
class Ready:
    """What one library folder has ready for ``indexer.scan_changes``."""

    root: str
    folders: dict[str, bool]  # folder -> its sub-folders too
    skip: set[str] = field(default_factory=set)  # files still being written


def _stamp(path: str) -> tuple[int, float] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime


class ChangeQueue:
    """Folders with pending changes per library folder, and the files whose writing is being watched."""

    def __init__(
        self,
        *,
        quiet: float = QUIET_S,
        settle: float = SETTLE_S,
        max_wait: float = MAX_WAIT_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.quiet, self.settle, self.max_wait, self.clock = quiet, settle, max_wait, clock
        self._lock = threading.Lock()
        self._folders: dict[tuple[str, str], _Folder] = {}  # (root, folder)
        self._files: dict[str, tuple[str, float, tuple[int, float] | None, float]] = {}
        # path -> (root, last event, last look (size, mtime) or None, when that look was taken)

    def note(self, root: str, path: str, *, is_dir: bool, gone: bool = False) -> None:
        """An event about ``path`` under library folder ``root``: created or changed, or ``gone`` (deleted or
        moved away). Thread-safe and cheap (watchdog's thread calls it for every write of a copy)."""
        now = self.clock()
        with self._lock:
            if is_dir and not gone:  # created or moved in: all of it
                self._touch(root, path, now, deep=True)
                return
            self._touch(root, os.path.dirname(path), now)
            if is_dir:  # gone with everything in it: its parent's listing tells what went
                self._touch(root, path, now, deep=True)
            elif not gone and is_video_name(os.path.basename(path)):
                self._files[path] = (root, now, None, 0.0)
            else:
                self._files.pop(path, None)

    def _touch(self, root: str, folder: str, now: float, deep: bool = False) -> None:
        f = self._folders.get((root, folder))
        if f is None:
            self._folders[(root, folder)] = _Folder(now, now, deep)
        else:
            f.last = now
            f.deep = f.deep or deep

    def pending(self) -> bool:
        with self._lock:
            return bool(self._folders)

    def forget_root(self, root: str) -> None:
        with self._lock:
            for key in [k for k in self._folders if k[0] == root]:
                del self._folders[key]
            for path in [p for p, v in self._files.items() if v[0] == root]:
                del self._files[path]

    def take_ready(self) -> list[Ready]:
        """The folders ready to scan, grouped by library folder (they leave the queue), with the files
        among them still being written (they stay watched: their folder comes back when they settle)."""
        now = self.clock()
        with self._lock:
            due = [k for k, f in self._folders.items()
                   if now - f.last >= self.quiet or now - f.first >= self.max_wait]  # fmt: skip
            if not due:
                return []
            writing = self._writing(now, {k[1] for k in due})
            out: dict[str, Ready] = {}
            for key in due:
                f = self._folders.pop(key)
                root, folder = key
                ready = out.setdefault(root, Ready(root, {}))
                ready.folders[folder] = ready.folders.get(folder, False) or f.deep
                mine = {p for p in writing if os.path.dirname(p) == folder}
                ready.skip |= mine
                if mine:  # look again later
                    self._folders[key] = _Folder(now, now)
            return list(out.values())

    def _writing(self, now: float, folders: set[str]) -> set[str]:
        """Files of these folders not settled yet (called with the lock held); their looks are updated."""
        writing = set()
        for path, (root, last_event, look, looked_at) in list(self._files.items()):
            if os.path.dirname(path) not in folders:
                continue
            current = _stamp(path)
            if current is None:  # gone: nothing to wait for
                del self._files[path]
                continue
            if look == current and looked_at >= last_event and now - looked_at >= self.settle:
                del self._files[path]  # written: the scan takes it
                continue
            if look != current or looked_at < last_event:
                self._files[path] = (root, last_event, current, now)
            writing.add(path)
        return writing


class FolderWatch:
    """Watches library folders with watchdog and feeds a ChangeQueue. ``set_roots`` adds and removes
    watches; ``check_roots`` reports folders that went away or came back. Not thread-safe: call both from
    one thread (the window's watch worker)."""

    def __init__(self, queue: ChangeQueue, holds_files: Callable[[str], bool] = lambda _root: True) -> None:
        from watchdog.observers import Observer

        self.queue = queue
        self.holds_files = holds_files  # root -> the library holds files under it
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self._watches: dict[str, object] = {}
        self._present: dict[str, bool] = {}
        self.failures: dict[str, str] = {}  # root -> why it cannot be watched

    def set_roots(self, roots: Iterable[str]) -> list[str]:
        """Watch exactly these library folders; returns the ones newly watched."""
        wanted = [os.path.abspath(r) for r in roots]
        for root in [r for r in self._watches if r not in wanted]:
            self._unwatch(root)
        for root in [r for r in self._present if r not in wanted]:
            del self._present[root]
        added = []
        for root in wanted:
            self._present.setdefault(root, self._available(root))
            if root not in self._watches and self._present[root] and self._watch(root):
                added.append(root)
        return added

    def watched(self) -> list[str]:
        return list(self._watches)

    def check_roots(self) -> tuple[list[str], list[str]]:
        """(library folders that went away since the last check, ones that came back)."""
        gone, back = [], []
        for root in list(self._present):
            now = self._available(root)
            was = self._present[root]
            self._present[root] = now
            watch = self._watches.get(root)
            if not now and (was or watch is not None):
                gone.append(root)
                self._unwatch(root)
            elif now and not was:
                back.append(root)
                self._watch(root)
            elif now and watch is not None and not self._observer_alive(watch):
                self._unwatch(root)  # the folder was replaced: watch the new one and scan it
                if self._watch(root):
                    back.append(root)
        return gone, back

    def stop(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=5)

    # -- watchdog ---------------------------------------------------------------------------------------
    def _watch(self, root: str) -> bool:
        try:
            self._watches[root] = self._observer.schedule(_Handler(root, self.queue), root, recursive=True)
        except OSError as exc:  # the inotify watch limit, a folder that went away meanwhile
            self.failures[root] = exc.strerror or str(exc)
            log.info("cannot watch %s: %s", root, exc)
            return False
        self.failures.pop(root, None)
        return True

    def _unwatch(self, root: str) -> None:
        watch = self._watches.pop(root, None)
        if watch is not None:
            try:
                self._observer.unschedule(watch)
            except (KeyError, OSError):
                pass
        self.queue.forget_root(root)

    def _available(self, root: str) -> bool:
        """The folder is there, and holds something unless the library knows no file under it (an
        unplugged drive leaves an empty mount point)."""
        try:
            with os.scandir(root) as it:
                return next(it, None) is not None or not self.holds_files(root)
        except OSError:
            return False

    def _observer_alive(self, watch) -> bool:
        emitters = getattr(self._observer, "emitters", ())
        return any(getattr(e, "watch", None) == watch and e.is_alive() for e in emitters)


class _Handler(FileSystemEventHandler):
    """Turns watchdog's events into ChangeQueue notes (runs on watchdog's thread)."""

    def __init__(self, root: str, queue: ChangeQueue) -> None:
        super().__init__()
        self.root = root
        self.queue = queue

    def on_any_event(self, event) -> None:
        kind = event.event_type
        if kind in ("opened", "closed_no_write") or (event.is_directory and kind in ("modified", "closed")):
            return  # a folder's own "modified" comes with the event of the file that changed in it
        src = os.fsdecode(event.src_path)
        if kind == "moved":
            self.queue.note(self.root, src, is_dir=event.is_directory, gone=True)
            dest = os.fsdecode(event.dest_path)
            if dest.startswith(self.root.rstrip(os.sep) + os.sep):
                self.queue.note(self.root, dest, is_dir=event.is_directory)
            return
        if src == self.root:
            return  # the folder itself: check_roots follows it
        self.queue.note(self.root, src, is_dir=event.is_directory, gone=kind == "deleted")
