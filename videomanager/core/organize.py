"""Organize: move files to a naming scheme, journaled, never overwriting, and undoable.

Safety rules, in the order a run meets them:

* One run at a time: a lock file in the data folder (another window or command gets a clear sentence).
* A leftover journal (a run that was killed) is settled first, by every mode: the run is finished.
* The journal (JSON lines in the data folder, beside the library) holds the whole plan and is fsynced
  before the first file moves; each file's progress is appended as it goes (moved, done), and what was
  recorded is fsynced before the next file moves. A progress line lost in a power cut is read back from
  the disk: the file is at its old place or at its new one.
* A move never replaces a file: within a drive it is one rename that refuses an existing target
  (``renameat2(RENAME_NOREPLACE)``, else a hard link then unlink, else a check then rename); across drives
  the file is copied to a hidden temporary name beside the target, fsynced, compared (size and
  fingerprint), recorded as copied, renamed into place (refusing an existing target), and only then is the
  original removed. Whatever moment a kill lands on, every file is at its old place or its new one, and the
  next run can tell which from the disk and the journal.
* The library follows each file as it moves (same row, id, fingerprint and decisions; new path, folder,
  library folder, parse and lookup key), so no rescan is needed. The parse of a new name is the old one
  with what the scheme wrote into it (``organize_plan.name_parse``); undo puts the old one back.
* A finished run's journal becomes the record of the last run, which ``undo`` plays backwards.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from videomanager.core.fingerprint import fingerprint
from videomanager.core.keys import lookup_key
from videomanager.core.library import Library
from videomanager.core.models import Parsed
from videomanager.core.organize_plan import Plan

JOURNAL_NAME = "organize-journal.jsonl"
LAST_RUN_NAME = "organize-last.jsonl"
LOCK_NAME = "organize.lock"
COPY_CHUNK = 4 * 1024 * 1024
MTIME_SLACK = 2.0  # seconds: a copy on a FAT drive keeps modification times to the even second

STATE_MOVED = "moved"  # the file is at its new place
STATE_COPIED = "copied"  # across drives: the complete, checked copy waits under its temporary name
STATE_DONE = "done"  # moved, and the library follows
STATE_SKIPPED = "skipped"  # left where it was (the reason is in the record)


class OrganizeError(Exception):
    """A run that cannot start, with a sentence for the user."""


@dataclass(frozen=True)
class Entry:
    """One planned move as the journal keeps it."""

    i: int
    src: str
    dst: str
    size: int
    mtime: float
    kind: str
    card: str = ""
    file_id: int | None = None
    root: str | None = None
    stack_key: str | None = None
    part: int | None = None
    old_root: str | None = None
    old_stack_key: str | None = None
    old_part: int | None = None
    temp: str = ""
    parse: str | None = None  # the library's parse of the file at dst (None: the row's stays)
    old_parse: str | None = None

    def reversed(self, i: int, run: str) -> Entry:
        return Entry(i, self.dst, self.src, self.size, self.mtime, self.kind, self.card, self.file_id,
                     self.old_root, self.old_stack_key, self.old_part, self.root, self.stack_key, self.part,
                     _temp_name(self.src, run, i), self.old_parse, self.parse)  # fmt: skip


@dataclass
class RunResult:
    """What a run did: ``moved`` files now at their new place, ``skipped`` (path, why) left alone."""

    mode: str
    moved: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def line(self) -> str:
        verb = "put back" if self.mode == "undo" else "moved"
        text = f"{self.moved} files {verb}, {len(self.skipped)} left where they were"
        return text + ("; stopped before the end" if self.cancelled else "")


_ENTRY_FIELDS = frozenset(Entry.__dataclass_fields__)


def _temp_name(dst: str, run: str, i: int) -> str:
    return os.path.join(os.path.dirname(dst), f".vm-partial-{run[:8]}-{i}")


def entries_from_plan(plan: Plan, run: str, library: Library) -> list[Entry]:
    files = {f.id: f for f in library.files_by_ids([m.file_id for m in plan.moves if m.file_id])}
    out = []
    for i, m in enumerate(plan.moves):
        f = files.get(m.file_id) if m.file_id else None
        parse = _parse_text(m.parse) if m.parse is not None and f is not None else None
        out.append(Entry(i, m.src, m.dst, m.size, m.mtime, m.kind, m.card_id, m.file_id, m.root, m.stack_key,
                         m.part, f.root if f else None, f.stack_key if f else None, f.part if f else None,
                         _temp_name(m.dst, run, i), parse, _parse_text(f.parsed) if parse else None))  # fmt: skip
    return out


def _parse_text(parsed) -> str:
    return json.dumps(parsed.to_dict(), ensure_ascii=False)  # as the library stores it


# -- the journal ---------------------------------------------------------------------------------------


def _fsync_dir(folder: str) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _line(obj: dict) -> bytes:
    # ASCII with escapes: a path that is not UTF-8 (a lone surrogate) survives the round trip.
    return (json.dumps(obj, ensure_ascii=True, separators=(",", ":")) + "\n").encode("ascii")


class Journal:
    """The JSON-lines journal of one run: a header, the plan, an end-of-plan line, then progress lines."""

    def __init__(self, path: Path, header: dict, entries: list[Entry], states: dict[int, dict]) -> None:
        self.path = path
        self.header = header
        self.entries = entries
        self.states = states  # i -> the entry's last progress record
        self._fh = None

    @classmethod
    def create(cls, path: Path, header: dict, entries: list[Entry]) -> Journal:
        """Write the whole plan and fsync it (and its folder) before anything moves."""
        with open(path, "xb") as fh:
            fh.write(_line({"journal": 1, **header, "count": len(entries)}))
            for e in entries:
                fh.write(_line(asdict(e)))
            fh.write(_line({"end_plan": len(entries)}))
            fh.flush()
            os.fsync(fh.fileno())
        _fsync_dir(str(path.parent))
        return cls(path, header, entries, {})

    @classmethod
    def read(cls, path: Path) -> Journal | None:
        """The journal at path, or None when its plan was never completely written (nothing moved then).
        A torn last line (a power cut mid-write) is ignored."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        header, entries, states, complete = None, [], {}, False
        for line in raw.splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            if header is None:
                header = rec
            elif "end_plan" in rec:
                complete = True
            elif not complete:
                entries.append(Entry(**{k: v for k, v in rec.items() if k in _ENTRY_FIELDS}))
            elif "state" in rec:
                states[rec["i"]] = rec
        if header is None or not complete:
            return None
        return cls(path, header, entries, states)

    def mark(self, i: int, state: str, why: str = "", sync: bool = False) -> None:
        """Append a progress line (written at once, so it survives the process; ``sync`` makes it survive a
        power cut too)."""
        rec = {"i": i, "state": state, **({"why": why} if why else {})}
        if self._fh is None:
            self._fh = open(self.path, "ab")  # noqa: SIM115 - kept open for the run, closed by close()
        self._fh.write(_line(rec))
        self._fh.flush()
        self.states[i] = rec
        if sync:
            self.sync()

    def sync(self) -> None:
        if self._fh is not None:
            os.fsync(self._fh.fileno())

    def state(self, i: int) -> str | None:
        rec = self.states.get(i)
        return rec["state"] if rec else None

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


# -- moving one file without ever replacing another -----------------------------------------------------

_RENAME_NOREPLACE = 1
_AT_FDCWD = -100
_renameat2 = None
if sys.platform.startswith("linux"):
    try:
        _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        _renameat2 = None


def rename_no_replace(src: str, dst: str) -> None:
    """Rename src to dst on one drive; FileExistsError when dst exists (it is never replaced); OSError
    with errno EXDEV when they are on different drives."""
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(src), _AT_FDCWD, os.fsencode(dst), _RENAME_NOREPLACE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), src, None, dst)
    if os.name == "nt":
        os.rename(src, dst)  # refuses an existing target on Windows
        return
    try:
        os.link(src, dst, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno == errno.EXDEV:
            raise
    else:
        os.unlink(src)
        return
    # No hard links on this file system: the check and the rename are two steps.
    if os.path.lexists(dst):
        raise FileExistsError(errno.EEXIST, "File exists", dst)
    os.rename(src, dst)


def _same_inode(a: str, b: str) -> bool:
    try:
        sa, sb = os.lstat(a), os.lstat(b)
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _size(path: str) -> int | None:
    try:
        return os.lstat(path).st_size
    except OSError:
        return None


def _copy_checked(src: str, temp: str, cancel: threading.Event | None) -> None:
    """Copy src to temp (a new file), fsync it, keep the modification time, and check that the copy has
    the same size and fingerprint; on any problem the temporary file is removed and OSError raised."""
    try:
        with open(src, "rb") as fi, open(temp, "xb") as fo:
            while block := fi.read(COPY_CHUNK):
                if cancel is not None and cancel.is_set():
                    raise OSError(errno.ECANCELED, "stopped")
                fo.write(block)
            fo.flush()
            os.fsync(fo.fileno())
        shutil.copystat(src, temp)
        size = os.path.getsize(src)
        if os.path.getsize(temp) != size or fingerprint(temp, size) != fingerprint(src, size):
            raise OSError(errno.EIO, "the copy differs from the original")
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


# -- runs --------------------------------------------------------------------------------------------


class Organizer:
    """Runs organize plans on one library (see the module docstring)."""

    def __init__(self, library: Library, *, progress: Callable[[int, int], None] | None = None,
                 cancel: threading.Event | None = None, clock=time.time) -> None:  # fmt: skip
        self.library = library
        self.folder = Path(library.path).parent
        self.journal_path = self.folder / JOURNAL_NAME
        self.last_path = self.folder / LAST_RUN_NAME
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.clock = clock

    @contextmanager
    def locked(self):
        """Hold the organize lock (one run at a time, across processes)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if not _try_lock(fd):
                raise OrganizeError("Another organize run is under way on this library; try again when it has finished.")  # fmt: skip
            yield
        finally:
            os.close(fd)

    # -- public --------------------------------------------------------------------------------------
    def settle(self) -> RunResult | None:
        """Finish the run a kill or crash interrupted (call with the lock held); None when there was none."""
        journal = Journal.read(self.journal_path)
        if journal is None:
            if self.journal_path.exists():
                self.journal_path.unlink()  # its plan was never complete: nothing had moved
            return None
        return self._run(journal, settling=True)

    def apply(self, plan: Plan) -> RunResult:
        """Move the files of a plan (call with the lock held, after ``settle``)."""
        if not plan.moves:
            return RunResult("apply", skipped=list(plan.skipped))
        run = uuid.uuid4().hex
        if plan.target:
            self._add_target_root(plan.target, plan.target_root or plan.target)
        header = {
            "run": run,
            "mode": "apply",
            "scheme": plan.scheme,
            "target": plan.target,
            "created": self.clock(),
        }
        journal = Journal.create(self.journal_path, header, entries_from_plan(plan, run, self.library))
        result = self._run(journal)
        result.skipped[:0] = plan.skipped
        return result

    def undo_count(self) -> int:
        """How many files the last run moved (what undo would put back)."""
        last = Journal.read(self.last_path)
        return len(_moved_entries(last)) if last else 0

    def undo(self) -> RunResult:
        """Put every file of the last run back (call with the lock held, after ``settle``)."""
        last = Journal.read(self.last_path)
        moved = _moved_entries(last) if last else []
        if not moved:
            raise OrganizeError("There is no organize run to undo.")
        run = uuid.uuid4().hex
        entries = [e.reversed(n, run) for n, e in enumerate(reversed(moved))]
        header = {"run": run, "mode": "undo", "undoes": last.header.get("run"), "created": self.clock()}
        return self._run(Journal.create(self.journal_path, header, entries))

    # -- the run ---------------------------------------------------------------------------------------
    def _run(self, journal: Journal, settling: bool = False) -> RunResult:
        result = RunResult(journal.header.get("mode", "apply"))
        total = len(journal.entries)
        try:
            for n, e in enumerate(journal.entries):
                state = journal.state(e.i)
                if state not in (STATE_DONE, STATE_SKIPPED):
                    if self.cancel.is_set() and state is None:
                        journal.mark(e.i, STATE_SKIPPED, "stopped before its turn")
                        result.cancelled = True
                    else:
                        self._one(journal, e, state, settling)
                state = journal.state(e.i)
                if state == STATE_DONE:
                    result.moved += 1
                elif state == STATE_SKIPPED:
                    result.skipped.append((e.src, journal.states[e.i].get("why", "")))
                if self.progress:
                    self.progress(n + 1, total)
            journal.sync()
        finally:
            journal.close()
        self._remove_emptied_folders(journal)
        self._finish(journal)
        return result

    def _one(self, journal: Journal, e: Entry, state: str | None, settling: bool) -> None:
        if state is None and settling:
            state = self._recover(journal, e)
        if state is None:
            state = self._move(journal, e)
        if state == STATE_COPIED:
            state = self._finish_copy(journal, e)
        if state == STATE_MOVED:
            if e.file_id is not None:
                self._follow(e)
            journal.mark(e.i, STATE_DONE)

    def _recover(self, journal: Journal, e: Entry) -> str | None:
        """The state of the move a kill interrupted before its progress was recorded, read from the disk."""
        if os.path.lexists(e.temp):
            os.unlink(e.temp)  # a copy that never completed
        if os.path.lexists(e.src) and _same_inode(e.src, e.dst):
            os.unlink(e.src)  # killed between the link and the unlink
            journal.mark(e.i, STATE_MOVED)
            return STATE_MOVED
        if not os.path.lexists(e.src) and _size(e.dst) == e.size:
            journal.mark(e.i, STATE_MOVED)
            return STATE_MOVED
        return None

    def _move(self, journal: Journal, e: Entry) -> str:
        why = self._refusal(e)
        if why:
            journal.mark(e.i, STATE_SKIPPED, why)
            return STATE_SKIPPED
        try:
            os.makedirs(os.path.dirname(e.dst), exist_ok=True)
            journal.sync()  # everything recorded so far is on disk before this file moves
            try:
                rename_no_replace(e.src, e.dst)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                _copy_checked(e.src, e.temp, self.cancel)
                journal.mark(e.i, STATE_COPIED, sync=True)
                return STATE_COPIED
        except FileExistsError:
            journal.mark(e.i, STATE_SKIPPED, f"{e.dst} exists already (it is never overwritten)")
            return STATE_SKIPPED
        except OSError as exc:
            journal.mark(e.i, STATE_SKIPPED, f"it could not be moved: {exc.strerror or exc}")
            return STATE_SKIPPED
        journal.mark(e.i, STATE_MOVED)
        return STATE_MOVED

    @staticmethod
    def _refusal(e: Entry) -> str | None:
        try:
            st = os.lstat(e.src)
        except FileNotFoundError:
            return "it is no longer there"
        except OSError as exc:
            return f"it cannot be read: {exc.strerror}"
        if st.st_size != e.size or abs(st.st_mtime - e.mtime) > MTIME_SLACK:
            return "it changed since the plan was made"
        if os.path.lexists(e.dst):
            return f"{e.dst} exists already (it is never overwritten)"
        return None

    def _finish_copy(self, journal: Journal, e: Entry) -> str:
        """The copy is complete and checked: put it in place, then remove the original."""
        if os.path.lexists(e.temp):
            try:
                rename_no_replace(e.temp, e.dst)
            except OSError as exc:
                os.unlink(e.temp)
                journal.mark(e.i, STATE_SKIPPED, f"it could not be moved: {exc.strerror or exc}")
                return STATE_SKIPPED
            _fsync_dir(os.path.dirname(e.dst))
        if _size(e.dst) != e.size:
            journal.mark(e.i, STATE_SKIPPED, "its copy is not where it should be; the original stays")
            return STATE_SKIPPED
        if os.path.lexists(e.src):
            os.unlink(e.src)
            _fsync_dir(os.path.dirname(e.src))
        journal.mark(e.i, STATE_MOVED)
        return STATE_MOVED

    def _finish(self, journal: Journal) -> None:
        """The run is over: its journal becomes the record of the last run (undo plays it backwards)."""
        if journal.header.get("mode") == "undo":
            left = [e.reversed(e.i, journal.header["run"]) for e in journal.entries
                    if journal.state(e.i) != STATE_DONE]  # fmt: skip
            if left:
                self._write_last_run(journal.header, left)
            elif self.last_path.exists():
                self.last_path.unlink()
            self.journal_path.unlink()
        elif any(journal.state(e.i) == STATE_DONE for e in journal.entries):
            os.replace(self.journal_path, self.last_path)
        else:
            self.journal_path.unlink()
        _fsync_dir(str(self.folder))

    def _write_last_run(self, header: dict, moved_back_not: list[Entry]) -> None:
        """The moves an undo could not reverse stay on record, so a later undo can try them again."""
        temp = self.last_path.with_suffix(".tmp")
        with open(temp, "wb") as fh:
            fh.write(
                _line({"journal": 1, "run": header["run"], "mode": "apply", "count": len(moved_back_not)})
            )
            for n, e in enumerate(moved_back_not):
                fh.write(_line(asdict(Entry(**{**asdict(e), "i": n}))))
            fh.write(_line({"end_plan": len(moved_back_not)}))
            for n in range(len(moved_back_not)):
                fh.write(_line({"i": n, "state": STATE_DONE}))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, self.last_path)

    # -- the library follows ------------------------------------------------------------------------------
    def _add_target_root(self, target: str, root: str) -> None:
        os.makedirs(target, exist_ok=True)
        if root == target and target not in self.library.roots():
            self.library.add_roots([target], {target: os.stat(target).st_dev})

    def _follow(self, e: Entry) -> None:
        """The library row of a moved video takes its new path (same id, fingerprint and decisions), the
        reading of its new name and the lookup key that goes with it."""
        lib = self.library
        row = lib.conn.execute(
            "SELECT role, lookup_key, parse FROM files WHERE id = ?", (e.file_id,)
        ).fetchone()
        if row is None:
            return  # forgotten meanwhile
        role, old_key, parse = row
        parse = e.parse if e.parse is not None else parse
        parsed = Parsed.from_dict(json.loads(parse)) if parse else Parsed()
        key = lookup_key(parsed, role)
        root = e.root or os.path.dirname(e.dst)
        now = self.clock()
        with lib.transaction() as c:
            new = os.fsencode(e.dst)
            c.execute("DELETE FROM files WHERE path = ? AND id != ?", (new, e.file_id))  # a stale row
            c.execute(
                "UPDATE files SET path=?, dir=?, root=?, parse=?, lookup_key=?, stack_key=?, part=?, missing=0, "
                "seen_at=? WHERE id=?",
                (new, os.fsencode(os.path.dirname(e.dst)), os.fsencode(root), parse, key,
                 os.fsencode(e.stack_key) if e.stack_key else None, e.part, now, e.file_id),
            )  # fmt: skip
            _carry_lookup(c, old_key, key, parsed, now)

    def _remove_emptied_folders(self, journal: Journal) -> None:
        """Remove the folders the run emptied (never a library folder, never one that holds anything)."""
        roots = {os.path.normcase(r) for r in self.library.roots()}
        folders = {os.path.dirname(e.src) for e in journal.entries if journal.state(e.i) == STATE_DONE}
        for folder in sorted(folders, key=len, reverse=True):
            while _inside_a_root(folder, roots):
                try:
                    os.rmdir(folder)
                except OSError:
                    break
                folder = os.path.dirname(folder)


def _inside_a_root(folder: str, roots: set[str]) -> bool:
    norm = os.path.normcase(folder)
    return norm not in roots and any(norm.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _carry_lookup(c, old_key: str | None, key: str | None, parsed, now: float) -> None:
    """Give a new lookup key what identify would give it. An id key (``tmdb:movie:603``, from the id the new
    name carries) is matched to that id when the library holds that title; another key takes the old key's
    result; anything else waits for identify."""
    if not key or key == old_key or c.execute("SELECT 1 FROM lookups WHERE key = ?", (key,)).fetchone():
        return
    kind = "tv" if parsed.kind == "episode" else "movie"
    if key.startswith("tmdb:"):
        _scheme, kind, ident = key.split(":", 2)
        if c.execute("SELECT 1 FROM titles WHERE kind = ? AND tmdb_id = ?", (kind, int(ident))).fetchone():
            c.execute(
                "INSERT INTO lookups(key, kind, query, year, state, tmdb_id, confidence, reasons, candidates, done_at) "
                "VALUES (?, ?, ?, ?, 'matched', ?, 1.0, ?, '[]', ?)",
                (key, kind, parsed.title, parsed.year, int(ident), f"TMDb id {ident} in the file name", now),
            )
            return
    elif old_key:
        copied = c.execute(
            "INSERT INTO lookups(key, kind, query, year, state, tmdb_id, confidence, reasons, candidates, error, done_at) "
            "SELECT ?, kind, query, year, state, tmdb_id, confidence, reasons, candidates, error, done_at "
            "FROM lookups WHERE key = ?",
            (key, old_key),
        ).rowcount
        if copied:
            return
    c.execute(
        "INSERT OR IGNORE INTO lookups(key, kind, query, year, state) VALUES (?, ?, ?, ?, 'pending')",
        (key, kind, parsed.title, parsed.year),
    )


def _moved_entries(journal: Journal) -> list[Entry]:
    return [e for e in journal.entries if journal.state(e.i) in (STATE_DONE, STATE_MOVED)]


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


__all__ = ["Organizer", "OrganizeError", "RunResult", "rename_no_replace"]
