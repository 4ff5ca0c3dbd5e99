"""Folder scanner: walks library roots and reports video files in batches.

The walk is iterative (an explicit stack, so folders nested hundreds deep are fine) and read-only: nothing is
ever written. It classifies each video as a main version or an extra (Plex/Jellyfin naming conventions)
and groups multi-part files (cd1/cd2, part1/part2, ...) of one folder under a shared ``stack_key``.

Rules worth knowing (the GUI and CLI summaries rely on them):

* Folders skipped silently (counted in ``ScanBatch.ignored_dirs``): system folders (``.Trash*``,
  ``$RECYCLE.BIN``, ``System Volume Information``, ``@eaDir``, ``lost+found``, ``.@__thumb``, ...) and hidden
  folders whose name starts with ".". Hidden files (including macOS ``._name.mkv`` resource forks) are
  counted as ``other_files``, never as videos.
* A folder that holds a file named ``.nomedia`` (Android/Kodi) or ``.ignore`` (Jellyfin) is left out with
  everything below it and reported once as ``Skipped(reason="ignored")``. ``.plexignore`` holds patterns,
  not a switch, and is not interpreted.
* Symlinked folders are followed once, after the real folders, so a real path wins over a linked one. Every
  folder entered is remembered by ``(st_dev, st_ino)``; entering one again is ``symlink-loop`` (the link
  points at one of its own ancestors) or ``already-scanned``.
* Errors never stop the scan: see the ``REASON_*`` constants for what ends up in ``Skipped``.
* Only regular files are videos: a named pipe, socket or device named ``movie.mkv`` is ``special-file``,
  and a file this user may not read is ``unreadable``; both are reported, neither is ever opened.
* Action-camera chapters (GoPro ``GOPR0042.MP4``, ``GP010042.MP4``, ...; ``GH010042.MP4``, ``GH020042.MP4``)
  stack like cd1/cd2: one video in parts.
* Folder-based extras look at the file's own folder only (as Jellyfin does), and only when that folder
  sits inside a movie folder (two levels below the root or deeper): ``<root>/Shorts/film.mkv`` is a
  collection of short films, ``<root>/Movie (2010)/Shorts/film.mkv`` an extra. ``Specials`` is season 0 of
  a show, never extras.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from videomanager.core.fingerprint import special_kind
from videomanager.core.models import ROLE_EXTRA, ROLE_VERSION, ScannedFile, Skipped

__all__ = [
    "VIDEO_EXTENSIONS",
    "ScanBatch",
    "classify_extra",
    "is_video_name",
    "resolve_stacks",
    "scan",
]

# Reasons a Skipped can carry.
REASON_ROOT_UNAVAILABLE = "root-unavailable"  # library root missing/unreadable: mark its files missing
REASON_UNREADABLE = "unreadable"
REASON_VANISHED = "vanished"  # listed, then gone before we could stat it
REASON_BROKEN_SYMLINK = "broken-symlink"
REASON_SYMLINK_LOOP = "symlink-loop"
REASON_ALREADY_SCANNED = "already-scanned"  # same folder reached twice (bind mount, link, nested roots)
REASON_IGNORED = "ignored"  # folder carries a .nomedia / .ignore marker
REASON_TOO_DEEP = "too-deep"
REASON_SPECIAL = "special-file"  # named like a video but a named pipe, socket or device: never opened

DEFAULT_MAX_DEPTH = 1000
# Flush a non-empty batch at least this often so a slow share still shows progress.
_FLUSH_SECONDS = 0.25

VIDEO_EXTENSIONS: frozenset[str] = frozenset(
    "3g2 3gp amv asf avi bivx divx dv dvr-ms evo f4v flv iso m2t m2ts m2v m4v mk3d mkv mov mp4 mpe mpeg "
    "mpg mts mxf nsv nuv ogm ogv qt rm rmvb tp trp ts vob webm wmv wtv xvid".split()
)

_SYSTEM_DIRS = frozenset(
    name.casefold()
    for name in (
        "$RECYCLE.BIN",
        "RECYCLER",
        "System Volume Information",
        "@eaDir",
        "@Recycle",
        "#recycle",
        "lost+found",
        ".@__thumb",
        ".AppleDouble",
        "__MACOSX",
    )
)
IGNORE_MARKERS = (".nomedia", ".ignore")

# Folder name (casefolded) -> extra_type.
_EXTRA_DIRS = {
    "trailers": "trailer",
    "trailer": "trailer",
    "featurettes": "featurette",
    "featurette": "featurette",
    "extras": "other",
    "extra": "other",
    "other": "other",
    "others": "other",
    "behind the scenes": "behindthescenes",
    "behindthescenes": "behindthescenes",
    "deleted scenes": "deleted",
    "deletedscenes": "deleted",
    "interviews": "interview",
    "interview": "interview",
    "scenes": "scene",
    "shorts": "short",
    "clips": "clip",
    "samples": "sample",
    "sample": "sample",
}
# Jellyfin accepts any of - . _ space (or nothing: "trailer.mkv") before these two...
_LOOSE_SUFFIX = re.compile(r"(?:^|[-._ ])(trailer|sample)$", re.IGNORECASE)
# ...but only a dash before the others: "The Big Short" and "The Other" are films, "X-short" is an extra.
_DASH_SUFFIX = re.compile(
    r"\s*-\s*(featurette|behindthescenes|deletedscene|deleted|interview|scene|short|clip|other|extra)$",
    re.IGNORECASE,
)
_SUFFIX_TYPE = {"deletedscene": "deleted", "extra": "other"}
_DASH_TOKENS = (
    "featurette",
    "behindthescenes",
    "deleted",
    "deletedscene",
    "interview",
    "scene",
    "short",
    "clip",
    "other",
    "extra",
)
# Scene samples: "grp-movie.sample.mkv", "sample-grp.mkv"; not "Samplers" or "Resample".
_SAMPLE_TOKEN = re.compile(r"(?<![^\W_])sample(?![^\W_])", re.IGNORECASE)

# Multi-part stacking: the shape of Jellyfin's VideoFileStackingRules (NamingOptions.cs): a part keyword after
# a separator or a closing bracket, then a number (or a letter a-d), at the very end of the name.
_STACK_HEAD = r"^(?P<name>.*?)(?:(?<=[\])}])|[ _.-]+)[(\[]?(?P<kind>cd|dvd|part|pt|dis[ck])[ _.-]*"
_STACK_TAIL = r"[)\]]?(?:\.[^.]+)?$"
_STACK_RULES: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(_STACK_HEAD + r"(?P<num>[0-9]+)" + _STACK_TAIL, re.IGNORECASE), True),
    (re.compile(_STACK_HEAD + r"(?P<num>[a-d])" + _STACK_TAIL, re.IGNORECASE), False),
)
_STACK_WORDS = ("cd", "dvd", "pt", "part", "dis")  # a name without any of these cannot be a part
# Action cameras split a long recording into chapters of one video. GoPro HERO2-5: GOPR0042.MP4 is the
# first chapter, GP010042.MP4, GP020042.MP4 the next ones; HERO6 and later: GH010042.MP4, GH020042.MP4
# (GX for HEVC), numbered from 01. The last four digits name the video, the two before them the chapter.
_CHAPTER = re.compile(r"^(?:(?P<first>GOPR)|(?P<next>GP)(?P<n>\d{2})|(?P<cam>G[HX])(?P<m>\d{2}))"
                      r"(?P<video>\d{4})\.[^.]+$", re.IGNORECASE)  # fmt: skip
_SEPARATORS = re.compile(r"[\s._-]+")


def is_video_name(name: str) -> bool:
    """True when the file name has a video extension (case-insensitive) and a non-empty stem."""
    dot = name.rfind(".")
    return dot > 0 and name[dot + 1 :].lower() in VIDEO_EXTENSIONS


def _stem(name: str) -> str:
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def classify_extra(name: str, folder: str | None = None) -> str | None:
    """The extra_type of a video file name, or None for a main video.

    ``folder`` is the name of the file's own folder, or None when it cannot be an extras folder (see the
    module docstring).
    The name wins over the folder because it is more specific ("Extras/Movie-trailer.mkv" is a trailer).
    """
    stem = _stem(name)
    low = stem.lower()
    # Plain substring tests first: the regexes below are only worth running on the few names that can match.
    if low.endswith(("trailer", "sample")):
        m = _LOOSE_SUFFIX.search(stem)
        if m:
            return m.group(1).lower()
    if "-" in low and low.rstrip().endswith(_DASH_TOKENS):
        m = _DASH_SUFFIX.search(stem)
        if m:
            token = m.group(1).lower()
            return _SUFFIX_TYPE.get(token, token)
    if "sample" in low and _SAMPLE_TOKEN.search(stem):
        return "sample"
    if folder is not None:
        return _EXTRA_DIRS.get(folder.casefold())
    return None


def _normalise_stack_name(name: str) -> str:
    return _SEPARATORS.sub(" ", name.casefold()).strip()


@dataclass
class _StackBuild:
    label: str  # the stack name as first seen (Jellyfin's FileStack.Name)
    is_dir: bool
    numeric: bool
    kind: str
    parts: dict[int, str] = field(default_factory=dict)


def resolve_stacks(
    names: Iterable[str], is_dir: Sequence[bool] | None = None
) -> dict[str, list[tuple[int, str]]]:
    """Group names of ONE folder into multi-part stacks, following Jellyfin's StackResolver.

    Returns {stack label: [(part, name), ...] in part order}, only for stacks with at least two parts.
    Letter parts (a-d) count 1-4. A stack never mixes files and folders, part keywords (cd vs part), or
    numbers and letters; a repeated part number leaves the later file out. Unlike Jellyfin, names are
    grouped case- and separator-insensitively ("Movie.CD1" and "movie cd2" stack).
    """
    pairs = list(zip(names, is_dir, strict=True) if is_dir is not None else ((n, False) for n in names))
    chapters = _camera_chapters(n for n, d in pairs if not d)
    taken = {name for parts in chapters.values() for _, name in parts}
    # A plain substring test keeps the costly regexes off the many names that cannot be a part.
    items = [(n, d) for n, d in pairs if n not in taken and any(word in n.lower() for word in _STACK_WORDS)]
    builds: dict[str, _StackBuild] = {}
    # Jellyfin walks the list sorted by path; the order decides which file keeps a duplicated part number.
    for name, directory in sorted(items, key=lambda item: (item[0].casefold(), item[0])):
        for rule, numeric in _STACK_RULES:
            m = rule.match(name)
            if m is None:
                continue
            label, kind, num = m.group("name"), m.group("kind").lower(), m.group("num")
            part = int(num) if numeric else ord(num.lower()) - ord("a") + 1
            build = builds.setdefault(
                _normalise_stack_name(label), _StackBuild(label, directory, numeric, kind)
            )
            if build.parts:
                if build.is_dir != directory or build.kind != kind or part in build.parts:
                    continue  # maybe the next rule fits
                if build.numeric != numeric:
                    break  # "part1, part2, parta": the letter part stays alone
            build.parts[part] = name
            break
    stacks = {b.label: sorted(b.parts.items()) for b in builds.values() if len(b.parts) >= 2}
    stacks.update(chapters)
    return stacks


def _camera_chapters(names: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """The chapters of action-camera videos among these file names: {"GOPR0042": [(1, "GOPR0042.MP4"),
    (2, "GP010042.MP4"), ...]}, only for videos of two chapters or more. A repeated chapter is left out."""
    videos: dict[str, dict[int, str]] = {}
    for name in sorted(names, key=lambda n: (n.casefold(), n)):
        if name[:2].upper() not in ("GO", "GP", "GH", "GX"):
            continue
        m = _CHAPTER.match(name)
        if m is None:
            continue
        if m.group("cam"):  # HERO6+: chapters from 01, one series per encoder
            label, part = f"{m.group('cam').upper()}{m.group('video')}", int(m.group("m"))
        else:  # HERO2-5: GOPR is the first chapter, GP01 the second
            label, part = f"GOPR{m.group('video')}", 1 if m.group("first") else int(m.group("n")) + 1
        if part >= 1:
            videos.setdefault(label, {}).setdefault(part, name)
    return {label: sorted(parts.items()) for label, parts in videos.items() if len(parts) >= 2}


@dataclass
class ScanBatch:
    """One slice of scan results. Counters are for this batch only; add them up across batches.

    A folder appears in ``listed_dirs`` (its listing completed) in the same batch as its last file, or a
    later one, never earlier: once the library sees it there, a known file in it that was not reported is
    truly gone. Folders that were unreadable, cut short, ignored or skipped never appear there.
    """

    files: list[ScannedFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    listed_dirs: list[str] = field(default_factory=list)
    other_files: int = 0  # non-video files passed over (not reported as skipped)
    nfo_files: list[str] = field(default_factory=list)  # .nfo files among them (identification evidence)
    dirs_seen: int = 0  # folders whose listing was attempted
    ignored_dirs: int = 0  # system and hidden folders passed over silently

    @property
    def skipped_counts(self) -> dict[str, int]:
        """How many things were skipped in this batch, by reason."""
        return dict(Counter(s.reason for s in self.skipped))

    def __bool__(self) -> bool:
        return bool(
            self.files
            or self.nfo_files
            or self.skipped
            or self.listed_dirs
            or self.other_files
            or self.dirs_seen
            or self.ignored_dirs
        )


@dataclass(frozen=True)
class _Dir:
    path: str
    root: str
    depth: int
    via_link: bool  # reached through a symlinked folder


@dataclass
class _Listing:
    """What one folder held, ready to go into batches."""

    files: list[ScannedFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    subdirs: list[_Dir] = field(default_factory=list)
    linked: list[_Dir] = field(default_factory=list)
    other_files: int = 0
    nfo: list[str] = field(default_factory=list)
    ignored_dirs: int = 0
    complete: bool = False


class _Cancelled(Exception):
    pass


def _is_hidden(name: str) -> bool:
    # "...And Justice for All (1979)" is a film, not a hidden file: an ellipsis does not hide.
    return name.startswith(".") and not name.startswith("...")


def _is_system_dir(name: str) -> bool:
    return _is_hidden(name) or name.casefold() in _SYSTEM_DIRS


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


class _Walker:
    def __init__(self, cancel: threading.Event | None, max_depth: int) -> None:
        self._cancel = cancel
        self._max_depth = max_depth
        self._seen: set[tuple[int, int]] = set()
        self._plain_roots: list[tuple[str, str]] = []  # (path, real path) of the roots, in walk order

    def cancelled(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def list_dir(self, d: _Dir) -> _Listing:
        """List one folder. Raises _Cancelled when asked to stop midway (the folder is then dropped)."""
        out = _Listing()
        is_root = d.depth == 0
        try:
            # Only a root or a folder reached through a link can be a second visit (a plain folder
            # tree cannot loop), so only those pay for a stat; a rescan of a big tree skips it.
            if is_root or d.via_link:
                st = os.stat(d.path)
                if not stat.S_ISDIR(st.st_mode):
                    raise NotADirectoryError(20, "Not a directory")
                ident = (st.st_dev, st.st_ino)
                covered = self._inside_plain_tree(d.path, exclude=d.path if is_root else None)
                if ident in self._seen or ((d.via_link or is_root) and covered):
                    out.skipped.append(Skipped(d.path, self._revisit_reason(d), os.path.realpath(d.path)))
                    return out
                self._seen.add(ident)
            it = os.scandir(d.path)
        except OSError as exc:
            reason = REASON_ROOT_UNAVAILABLE if is_root else REASON_UNREADABLE
            if not is_root and isinstance(exc, FileNotFoundError):
                reason = REASON_BROKEN_SYMLINK if d.via_link and os.path.islink(d.path) else REASON_VANISHED
            out.skipped.append(Skipped(d.path, reason, _why(exc)))
            return out

        videos: list[os.DirEntry[str]] = []
        marker = None
        with it:
            try:
                for n, entry in enumerate(it):
                    if not n & 255 and self.cancelled():
                        raise _Cancelled
                    if entry.name in IGNORE_MARKERS:
                        marker = entry.name
                    self._sort_entry(entry, d, out, videos)
                out.complete = True
            except OSError as exc:  # the listing broke off: keep what we got, but it is not "listed"
                out.skipped.append(Skipped(d.path, REASON_UNREADABLE, f"listing interrupted: {_why(exc)}"))
        if marker is not None:
            return _Listing(skipped=[Skipped(d.path, REASON_IGNORED, marker)])
        self._stat_videos(videos, d, out)
        return out

    def _walked_before(self, nested: str, current_root: str) -> bool:
        """Was the nested root walked before the current one? (Then it is reported here as a revisit.)"""
        if len(self._plain_roots) < 2:
            return False
        order = {root: i for i, (root, _real) in enumerate(self._plain_roots)}
        return nested in order and current_root in order and order[nested] < order[current_root]

    def _inside_plain_tree(self, path: str, exclude: str | None = None) -> bool:
        """A folder that the walk of another root reaches (or reached) without links: already covered.

        For a root, only the roots walked before it count (the first of two nested roots wins)."""
        target = os.path.realpath(path)
        for root, real in self._plain_roots:
            if exclude is not None and root == exclude:
                return False  # roots after this one have not been walked
            if target == real or target.startswith(real.rstrip(os.sep) + os.sep):
                return True
        return False

    def _revisit_reason(self, d: _Dir) -> str:
        if d.via_link:
            target = os.path.realpath(d.path)
            parent = os.path.realpath(os.path.dirname(d.path))
            if parent == target or parent.startswith(target.rstrip(os.sep) + os.sep):
                return REASON_SYMLINK_LOOP
        return REASON_ALREADY_SCANNED

    def _sort_entry(
        self, entry: os.DirEntry[str], d: _Dir, out: _Listing, videos: list[os.DirEntry[str]]
    ) -> None:
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                self._add_subdir(entry.path, name, d, out, linked=False)
                return
            if entry.is_symlink():
                if entry.is_dir():  # follows the link; False when it is broken
                    self._add_subdir(entry.path, name, d, out, linked=True)
                    return
                if not is_video_name(name) or _is_hidden(name):
                    os.stat(entry.path)  # only to find out whether the link is broken
                    _other_file(entry, out)
                    return
        except FileNotFoundError:
            reason = REASON_BROKEN_SYMLINK if os.path.islink(entry.path) else REASON_VANISHED
            out.skipped.append(Skipped(entry.path, reason))
            return
        except OSError as exc:
            out.skipped.append(Skipped(entry.path, REASON_UNREADABLE, _why(exc)))
            return
        if is_video_name(name) and not _is_hidden(name):
            videos.append(entry)
        else:
            _other_file(entry, out)

    def _add_subdir(self, path: str, name: str, d: _Dir, out: _Listing, linked: bool) -> None:
        if _is_system_dir(name):
            out.ignored_dirs += 1
        elif not linked and self._walked_before(path, d.root):
            # Another root nested in this one, walked already as a root.
            out.skipped.append(Skipped(path, REASON_ALREADY_SCANNED, path))
        elif d.depth + 1 > self._max_depth:
            out.skipped.append(Skipped(path, REASON_TOO_DEEP, f"deeper than {self._max_depth} folders"))
        else:
            sub = _Dir(path, d.root, d.depth + 1, d.via_link or linked)
            (out.linked if linked else out.subdirs).append(sub)

    def _stat_videos(self, videos: list[os.DirEntry[str]], d: _Dir, out: _Listing) -> None:
        # An extras folder counts only inside a movie folder, i.e. at least two levels below the root.
        folder = os.path.basename(d.path) if d.depth >= 2 else None
        found: list[tuple[str, str, int, float, str | None]] = []
        if videos and self.cancelled():
            raise _Cancelled
        for entry in videos:
            try:
                st = entry.stat()  # follows symlinks: size of the real file; cached on Windows
            except FileNotFoundError:
                reason = REASON_BROKEN_SYMLINK if entry.is_symlink() else REASON_VANISHED
                out.skipped.append(Skipped(entry.path, reason))
                continue
            except OSError as exc:
                out.skipped.append(Skipped(entry.path, REASON_UNREADABLE, _why(exc)))
                continue
            problem = _not_readable_video(entry.path, st)
            if problem is not None:
                out.skipped.append(Skipped(entry.path, *problem))
                continue
            found.append(
                (entry.name, entry.path, st.st_size, st.st_mtime, classify_extra(entry.name, folder))
            )

        # Extras never join a stack; only main videos of this one folder can.
        found = _disc_structure(d.path, found)
        mains = [name for name, _, _, _, extra in found if extra is None]
        stacks = resolve_stacks(mains) if len(mains) >= 2 else {}  # a lone file is never a stack
        part_of: dict[str, tuple[str, int]] = _disc_parts(d.path, found)
        for label, parts in stacks.items():
            key = os.path.join(d.path, _normalise_stack_name(label))
            for part, name in parts:
                part_of[name] = (key, part)
        for name, path, size, mtime, extra in found:
            key, part = part_of.get(name, (None, None))
            out.files.append(
                ScannedFile(
                    path=path,
                    size=size,
                    mtime=mtime,
                    root=d.root,
                    role=ROLE_EXTRA if extra else ROLE_VERSION,
                    extra_type=extra,
                    stack_key=key,
                    part=part,
                )
            )


def _other_file(entry: os.DirEntry[str], out: _Listing) -> None:
    """Count a file that is not a video; note an NFO file (core/nfo.py reads it as evidence)."""
    out.other_files += 1
    if entry.name[-4:].lower() == ".nfo" and not _is_hidden(entry.name):
        out.nfo.append(entry.path)


def _not_readable_video(path: str, st: os.stat_result) -> tuple[str, str] | None:
    """(reason, detail) when a file named like a video is not one this program can read, else None.

    Only regular files are videos. Readability is asked of the system (which knows about ACLs and root)
    only for files that not everyone may read, so the common world-readable file costs no extra call."""
    kind = special_kind(st.st_mode)
    if kind is not None:
        return REASON_SPECIAL, kind
    if not st.st_mode & stat.S_IROTH and not os.access(path, os.R_OK):
        return REASON_UNREADABLE, "permission denied"
    return None


_VTS = re.compile(r"^vts_(\d{2})_(\d)\.vob$", re.IGNORECASE)


def _disc_structure(folder: str, found: list[tuple]) -> list[tuple]:
    """A DVD or Blu-ray folder is one film: in VIDEO_TS the biggest title set is the film (its VOBs are
    parts) and the rest (menus, other title sets) are extras; in BDMV/STREAM the biggest clip is the film."""
    tail = folder[-8:].upper()
    if not tail.endswith(("VIDEO_TS", "STREAM")):
        return found  # the common case, decided without splitting the path
    base = os.path.basename(folder).upper()
    if base == "VIDEO_TS":
        sets: dict[str, int] = {}
        for name, _p, size, _m, extra in found:
            m = _VTS.match(name)
            if m and m.group(2) != "0" and extra is None:
                sets[m.group(1)] = sets.get(m.group(1), 0) + size
        main = max(sets, key=lambda k: (sets[k], -int(k)), default=None)

        def is_main(name: str) -> bool:
            m = _VTS.match(name)
            return bool(m and m.group(1) == main and m.group(2) != "0")

    elif (
        base == "STREAM"
        and os.path.basename(os.path.dirname(folder)).upper() == "BDMV"
        and "AVCHD" not in folder.upper()  # a camcorder's clips are separate videos, not one film
        and any(f[0].lower().endswith(".m2ts") for f in found)
    ):
        biggest = max(found, key=lambda f: (f[2], f[0]), default=None)

        def is_main(name: str) -> bool:
            return biggest is not None and name == biggest[0]

    else:
        return found
    return [(n, p, size, m, extra if is_main(n) else (extra or "other")) for n, p, size, m, extra in found]


def _disc_parts(folder: str, found: list[tuple]) -> dict[str, tuple[str, int]]:
    """Stack the VOB parts of the film's title set (VTS_01_1.VOB, VTS_01_2.VOB, ...)."""
    if not folder[-8:].upper() == "VIDEO_TS" or os.path.basename(folder).upper() != "VIDEO_TS":
        return {}
    parts = {}
    for name, _p, _s, _m, extra in found:
        m = _VTS.match(name)
        if m and extra is None:
            parts[name] = (os.path.join(folder, f"vts_{m.group(1)}"), int(m.group(2)))
    return parts if len(parts) >= 2 else {}


_VIDEO_EXT_BYTES = frozenset(e.encode() for e in VIDEO_EXTENSIONS)


def unchanged_since(
    roots: list[str], known: dict[bytes, tuple[int, float]], cancel: threading.Event | None = None
) -> bool:
    """True when the video files under ``roots`` are exactly ``known`` (OS path bytes -> (size, mtime)).

    A lean walk for the common rescan of an unchanged library: bytes paths (nothing decoded), no
    classification, no object per file, and it gives up at the first difference or at anything unusual
    (a link, a marker file, an error, nested roots), leaving those to the full scan. Extras and stacks
    follow from the names (and sizes) of a folder's files, so an identical set means identical results."""
    seen = 0
    real_roots = [os.path.realpath(r) for r in roots]
    for a in real_roots:
        if any(a != b and a.startswith(b.rstrip(os.sep) + os.sep) for b in real_roots):
            return False
    markers = {m.encode() for m in IGNORE_MARKERS}
    stack = [os.fsencode(os.path.abspath(r)) for r in roots]
    try:
        while stack:
            if cancel is not None and cancel.is_set():
                return False
            with os.scandir(stack.pop()) as it:
                for entry in it:
                    name = entry.name
                    if entry.is_dir(follow_symlinks=False):
                        if not _is_system_dir(os.fsdecode(name)):
                            stack.append(entry.path)
                        continue
                    if entry.is_symlink() or name in markers:
                        return False
                    dot = name.rfind(b".")
                    if (
                        dot <= 0
                        or name[dot + 1 :].lower() not in _VIDEO_EXT_BYTES
                        or (name[:1] == b"." and name[:3] != b"...")
                    ):
                        continue
                    old = known.get(entry.path)
                    if old is None:
                        return False
                    st = entry.stat()
                    if st.st_size != old[0] or st.st_mtime != old[1]:
                        return False
                    if _not_readable_video(entry.path, st) is not None:
                        return False  # a known file that can no longer be read: the full scan reports it
                    seen += 1
    except OSError:
        return False
    return seen == len(known)


def _dir_path(d: _Dir) -> str:
    return d.path


def scan(
    roots: Iterable[str],
    cancel: threading.Event | None = None,
    batch_size: int = 500,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    first_batch: int | None = None,
) -> Iterator[ScanBatch]:
    """Walk ``roots`` and yield ScanBatch objects of at most ``batch_size`` files (the first one of at most
    ``first_batch``, so that the first files are shown sooner).

    Setting ``cancel`` stops the walk at the next directory entry; the folder being listed is dropped and
    what was already complete is yielded in a last batch. A root that is missing or unreadable yields
    ``Skipped(root, "root-unavailable")``. Never raises for file-system problems; never writes.
    """
    if batch_size < 1 or (first_batch is not None and first_batch < 1):
        raise ValueError("batch_size must be at least 1")
    size = first_batch or batch_size
    walker = _Walker(cancel, max_depth)
    batch = ScanBatch()
    last_yield = time.monotonic()
    stack: list[_Dir] = []
    linked: list[_Dir] = []  # symlinked folders wait until every real folder is done
    # Queue the roots in reverse so they are walked in the order given.
    for root in reversed(list(roots)):
        root = os.path.abspath(os.fsdecode(root))
        stack.append(_Dir(root, root, 0, via_link=False))
        walker._plain_roots.insert(0, (root, os.path.realpath(root)))

    while stack or linked:
        d = stack.pop() if stack else linked.pop(0)
        if walker.cancelled():
            break
        try:
            listing = walker.list_dir(d)
        except _Cancelled:
            break
        batch.dirs_seen += 1
        batch.other_files += listing.other_files
        batch.nfo_files.extend(listing.nfo)
        batch.ignored_dirs += listing.ignored_dirs
        batch.skipped.extend(listing.skipped)
        files = listing.files
        while files:
            room = size - len(batch.files)
            if room <= 0:
                yield batch
                batch, last_yield, size = ScanBatch(), time.monotonic(), batch_size
                continue
            batch.files.extend(files[:room])
            files = files[room:]
        if listing.complete:
            batch.listed_dirs.append(d.path)
        # Reverse-sorted onto the stack, so folders are walked in name order.
        if listing.subdirs:
            stack.extend(sorted(listing.subdirs, key=_dir_path, reverse=True))
        if listing.linked:
            linked.extend(sorted(listing.linked, key=_dir_path))
        full = len(batch.files) >= size or len(batch.skipped) + len(batch.listed_dirs) >= batch_size
        if batch and (full or time.monotonic() - last_yield >= _FLUSH_SECONDS):
            yield batch
            batch, last_yield, size = ScanBatch(), time.monotonic(), batch_size
    if batch:
        yield batch


def _covered(folder: str, recursive_folders: list[str]) -> bool:
    return any(folder != r and folder.startswith(r.rstrip(os.sep) + os.sep) for r in recursive_folders)


def _left_out(root: str, folder: str) -> bool:
    """A folder the walk of ``root`` never enters: below a system or hidden folder, or below (or in) a
    folder holding an ignore marker."""
    rel = os.path.relpath(folder, root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return True
    parts = [] if rel == os.curdir else rel.split(os.sep)
    if any(_is_system_dir(p) for p in parts):
        return True
    path = root
    for part in [None, *parts]:
        path = path if part is None else os.path.join(path, part)
        if any(os.path.lexists(os.path.join(path, m)) for m in IGNORE_MARKERS):
            return True
    return False


def scan_folders(
    root: str,
    folders: dict[str, bool],
    cancel: threading.Event | None = None,
    batch_size: int = 500,
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[ScanBatch]:
    """Walk only some folders of the library folder ``root``: each folder of ``folders`` is listed, with
    its sub-folders too when its value is True (a folder that was just created or moved in). Files are
    classified exactly as the walk of the whole root classifies them (extras, stacks). What a folder
    watcher hands over; folders the whole walk would not enter (hidden, system, ignored) are left out.
    Symlinked sub-folders are not followed (the whole walk takes them)."""
    root = os.path.abspath(root)
    walker = _Walker(cancel, max_depth)
    walker._plain_roots = [(root, os.path.realpath(root))]
    recursive = [os.path.abspath(f) for f, r in folders.items() if r]
    todo = sorted({os.path.abspath(f): r for f, r in folders.items()}.items(), reverse=True)
    stack: list[tuple[_Dir, bool]] = []
    for folder, deep in todo:
        if _covered(folder, recursive) or _left_out(root, folder):
            continue
        rel = os.path.relpath(folder, root)
        depth = 0 if rel == os.curdir else rel.count(os.sep) + 1
        stack.append((_Dir(folder, root, depth, via_link=False), deep))
    batch = ScanBatch()
    while stack:
        d, deep = stack.pop()
        if walker.cancelled():
            break
        try:
            listing = walker.list_dir(d)
        except _Cancelled:
            break
        batch.dirs_seen += 1
        batch.other_files += listing.other_files
        batch.ignored_dirs += listing.ignored_dirs
        batch.skipped.extend(listing.skipped)
        batch.files.extend(listing.files)
        if listing.complete:
            batch.listed_dirs.append(d.path)
        if deep:
            stack.extend((s, True) for s in sorted(listing.subdirs, key=_dir_path, reverse=True))
        if len(batch.files) >= batch_size:
            yield batch
            batch = ScanBatch()
    if batch:
        yield batch
