"""The plan of an organize run: where every file of every identified card goes under a naming scheme.

Only cards identified on TMDb (matched or set by hand) move: their TMDb id, title and year make the new
names. Each version (all its parts), episode and extra is a unit that moves whole, with its companions
(subtitles, ``.nfo`` and artwork named after the video, beside it) and, when the film's folder holds
nothing else, the folder's own ``movie.nfo``/``poster.jpg``. A unit that cannot move whole (a target that
exists, a name that would read as something else) stays where it is and is listed with the reason.

Without a target folder, every file stays under its own library folder (a 4K drive stays the 4K drive);
with one, everything goes under it. Nothing here touches the disk beyond reading folders.
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field

from videomanager.core.grouping import show_folder
from videomanager.core.library import FileRecord, Library
from videomanager.core.models import Card, Episode, Parsed, Version
from videomanager.core.naming import (
    EXTRA_SUFFIX,
    MAX_NAME_BYTES,
    SCHEMES,
    Scheme,
    episode_code,
    render,
    render_name,
    safe_name,
    version_label,
)
from videomanager.core.parser_rules import find_ids
from videomanager.core.scanner import _normalise_stack_name, classify_extra, is_video_name, resolve_stacks

SUBTITLE_EXTENSIONS = frozenset("srt ass ssa sub idx vtt smi sup".split())
COMPANION_EXTENSIONS = SUBTITLE_EXTENSIONS | frozenset("nfo jpg jpeg png tbn webp".split())
# A film or show folder's own files (Kodi, Jellyfin, Plex local assets), moved with the folder's videos.
FOLDER_FILES = frozenset(
    "movie.nfo tvshow.nfo poster.jpg poster.png folder.jpg folder.png fanart.jpg fanart.png backdrop.jpg "
    "backdrop.png banner.jpg banner.png logo.png clearlogo.png clearart.png landscape.jpg thumb.jpg "
    "disc.png discart.png theme.mp3".split()
)
_DISC_FOLDERS = ("video_ts", "bdmv")
_MULTI_EPISODE = re.compile(r"(?i)s\d{1,4}[ ._-]?e(\d{1,4})(?:[ ._-]?-?[ ._-]?e(\d{1,4}))+")

KIND_VIDEO = "video"
KIND_EXTRA = "extra"
KIND_COMPANION = "companion"


@dataclass(frozen=True)
class Move:
    """One file to move. ``file_id`` and ``root`` (the library folder it is under afterwards) are set for
    the videos the library holds; companions are not in the library."""

    src: str
    dst: str
    size: int
    mtime: float
    kind: str
    card_id: str = ""
    file_id: int | None = None
    root: str | None = None
    stack_key: str | None = None
    part: int | None = None
    parse: Parsed | None = None  # what the parser reads from the new name (videos that get one)


@dataclass
class Plan:
    scheme: str
    target: str | None
    target_root: str | None = None  # the library folder the target is (or is inside of), once it is one
    moves: list[Move] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why it stays)

    def to_json(self) -> dict:
        return {
            "scheme": self.scheme,
            "target": self.target,
            "moves": [{"from": m.src, "to": m.dst, "kind": m.kind, "card": m.card_id} for m in self.moves],
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
        }


@dataclass
class _Unit:
    """Files that move together: a version's parts, an episode or an extra, then their companions."""

    card_id: str
    moves: list[Move]
    relabel: object = None  # n -> list[Move] with " vN" added to the label, for name clashes


def build_plan(library: Library, cards: list[Card], scheme_name: str, target: str | None = None) -> Plan:
    """The moves that bring every identified card's files to ``scheme_name`` (see the module docstring)."""
    scheme = SCHEMES[scheme_name]
    target = os.path.abspath(os.path.expanduser(target)) if target else None
    files = {f.id: f for f in library.files()}
    plan = Plan(scheme.name, target, target_root=enclosing_root(target, library.roots()) if target else None)
    units: list[_Unit] = []
    for card in cards:
        if not card.tmdb_id or card.kind not in ("movie", "tv"):
            continue
        units.extend(_card_units(card, files, scheme, target, plan.skipped))
    units = _resolve_clashes(units)
    units = _with_companions(units, files, plan.skipped)
    units = _with_stacks(units, files)
    if plan.target_root and plan.target_root != target:
        units = [_Unit(u.card_id, [dataclasses.replace(m, root=plan.target_root) if m.root == target else m
                                   for m in u.moves]) for u in units]  # fmt: skip
    plan.moves = _checked_order(units, plan.skipped)
    return plan


# -- where each file of a card goes -------------------------------------------------------------------


def _values(card: Card, **more) -> dict:
    title = safe_name(card.title, 150)
    return {"title": title, "year": card.year, "tmdb_id": card.tmdb_id, **more}


def _base(f: FileRecord, target: str | None) -> str:
    return target or f.root


def enclosing_root(target: str, roots: list[str]) -> str:
    """The library folder files moved under ``target`` belong to: the library folder that holds the target
    (a target inside a library folder is no library folder of its own), else the target itself."""
    for root in sorted(roots, key=len):
        if target == root or target.startswith(root.rstrip(os.sep) + os.sep):
            return root
    return target


def _in_disc_structure(path: str) -> bool:
    return any(p.lower() in _DISC_FOLDERS for p in re.split(r"[\\/]", os.path.dirname(path)))


def _card_units(card: Card, files: dict[int, FileRecord], scheme: Scheme, target: str | None,
                skipped: list) -> list[_Unit]:  # fmt: skip
    if card.kind == "movie":
        units = _movie_units(card, files, scheme, target, skipped)
    else:
        units = _episode_units(card, files, scheme, target, skipped)
    # Extras go with the first (best) version's or episode's new folder, under the same library folder.
    anchor = (os.path.dirname(units[0].moves[0].dst), units[0].moves[0].root) if units else None
    for x in card.extras:
        f = files.get(x.file_id)
        if f is None or f.missing:
            continue
        if anchor is None:
            skipped.append((f.path, "its film's files do not move, so the extra stays with them"))
            continue
        units.append(_extra_unit(card, f, x.type, *anchor, scheme))
    return units


def _skip_reason(f: FileRecord | None) -> str | None:
    if f is None:
        return "not in the library"
    if f.missing:
        return "missing (its drive or folder cannot be reached)"
    if _in_disc_structure(f.path):
        return "a DVD or Blu-ray folder structure is left as it is"
    if os.path.islink(f.path):
        return "a symbolic link is left as it is"
    return None


def _movie_units(card: Card, files: dict[int, FileRecord], scheme: Scheme, target: str | None,
                 skipped: list) -> list[_Unit]:  # fmt: skip
    by_base: dict[str, list[Version]] = defaultdict(list)
    for v in card.versions:
        parts = [files.get(i) for i in v.file_ids]
        why = next((r for r in map(_skip_reason, parts) if r), None)
        if why or not parts:
            skipped.extend((p, why or "not in the library") for p in v.parts)
            continue
        by_base[_base(parts[0], target)].append(v)
    units = []
    for base, versions in by_base.items():
        folder = os.path.join(base, safe_name(render(scheme.movie_folder, _values(card))))
        for v in versions:
            units.append(_version_unit(card, v, [files[i] for i in v.file_ids], folder, scheme, base))
    return units


def _label(f: FileRecord, edition: str | None = None) -> str:
    p = f.parsed
    return safe_name(version_label(p.resolution, p.source, p.hdr, p.video_codec, edition), 120).strip("_")


def _version_unit(card: Card, v: Version, parts: list[FileRecord], folder: str, scheme: Scheme,
                  base: str) -> _Unit:  # fmt: skip
    edition = None if scheme.edition_in_version else v.edition
    label = _label(parts[0], v.edition if scheme.edition_in_version else None)

    def moves(extra_label: str = "") -> list[Move]:
        out = []
        for n, f in enumerate(parts, 1):
            values = _values(card, edition=safe_name(edition, 60) if edition else None,
                             version=(f"{label} {extra_label}".strip() or None),
                             part=n if len(parts) > 1 else None)  # fmt: skip
            name = render_name(scheme.movie_file, values, _ext(f.path))
            out.append(_move(f, os.path.join(folder, name), KIND_VIDEO, card.id, base, card))
        return out

    return _Unit(card.id, moves(), relabel=lambda n: moves(f"v{n}"))


def _episode_units(card: Card, files: dict[int, FileRecord], scheme: Scheme, target: str | None,
                   skipped: list) -> list[_Unit]:  # fmt: skip
    groups: dict[tuple, list[tuple[Episode, FileRecord]]] = defaultdict(list)
    for e in card.episodes:
        f = files.get(e.file_id)
        why = _skip_reason(f)
        if why is None and (e.season is None or e.episode is None):
            why = "no season and episode number in its name"
        if why:
            skipped.append((e.path, why))
            continue
        groups[(_base(f, target), e.season, e.episode)].append((e, f))
    units = []
    for (base, season, _number), items in groups.items():
        show = os.path.join(base, safe_name(render(scheme.show_folder, _values(card))))
        season_dir = (
            scheme.specials_folder if season == 0 else render(scheme.season_folder, {"season": season})
        )
        folder = os.path.join(show, safe_name(season_dir))
        for e, f in items:
            units.append(_episode_unit(card, e, f, folder, _label(f), scheme, base))
    return units


def _episode_unit(card: Card, e: Episode, f: FileRecord, folder: str, label: str, scheme: Scheme,
                  base: str) -> _Unit:  # fmt: skip
    m = _MULTI_EPISODE.search(os.path.basename(f.path))
    last = max(int(n) for n in m.groups() if n) if m else None

    def moves(extra_label: str = "") -> list[Move]:
        values = _values(card, episodes=episode_code(e.season, e.episode, last),
                         episode_title=safe_name(e.title, 80) if e.title else None,
                         version=f"{label} {extra_label}".strip() or None)  # fmt: skip
        name = render_name(scheme.episode_file, values, _ext(f.path))
        return [_move(f, os.path.join(folder, name), KIND_VIDEO, card.id, base, card)]

    return _Unit(card.id, moves(), relabel=lambda n: moves(f"v{n}"))


def _extra_unit(card: Card, f: FileRecord, extra_type: str, anchor: str, base: str, scheme: Scheme) -> _Unit:
    folder_name = scheme.extra_folder(extra_type)
    folder = os.path.join(anchor, folder_name)
    stem, ext = os.path.splitext(os.path.basename(f.path))

    def moves(n: int = 1) -> list[Move]:
        name = stem if n == 1 else f"{stem} {n}"
        if classify_extra(name + ext, folder_name) != extra_type:
            name += EXTRA_SUFFIX.get(extra_type, "-other")
        return [_move(f, os.path.join(folder, _file_name(name, ext)), KIND_EXTRA, card.id, base, card)]

    return _Unit(card.id, moves(), relabel=lambda n: moves(n))


def _ext(path: str) -> str:
    return os.path.splitext(path)[1]


def _file_name(stem: str, ext: str) -> str:
    """A safe file name whose stem is cut (never its extension) to fit MAX_NAME_BYTES."""
    return safe_name(stem, MAX_NAME_BYTES - len(ext.encode("utf-8", "surrogateescape"))) + ext


def _move(f: FileRecord, dst: str, kind: str, card_id: str, base: str, card: Card | None = None) -> Move:
    if card is None:
        parse = None
    else:  # an extra keeps its own name, and with it the year it says
        parse = name_parse(f.parsed, dst, card.year if kind == KIND_VIDEO else f.parsed.year or card.year)
    return Move(f.path, dst, f.size, f.mtime, kind, card_id, f.id, base, f.stack_key, f.part, parse)


def name_parse(old: Parsed, dst: str, year: int | None) -> Parsed:
    """What the parser reads from a name a scheme wrote, without running it: the old name's reading with
    the TMDb id the new names carry (file, folder, show folder) and the title's year. The version words
    (resolution, source, HDR, codec, edition) and the season and episode are written so that they read the
    same (``naming.version_label``)."""
    tmdb_id = None
    for part in (os.path.basename(dst), os.path.basename(os.path.dirname(dst)),
                 os.path.basename(os.path.dirname(os.path.dirname(dst)))):  # fmt: skip
        tmdb_id = find_ids(part).tmdb_id
        if tmdb_id:
            break
    return dataclasses.replace(old, tmdb_id=tmdb_id or old.tmdb_id, year=year or old.year, title_from="file",
                               generic=False)  # fmt: skip


# -- clashes, companions, stacks, checks and order -----------------------------------------------------


def _key(path: str) -> str:
    """Two paths that name the same file on a case-insensitive system."""
    return os.path.normcase(path).casefold()


def _resolve_clashes(units: list[_Unit]) -> list[_Unit]:
    """Two units aiming at the same name: the later ones get " v2", " v3" in their label."""
    taken: dict[str, str] = {}  # dst key -> src of the unit that holds it
    out = []
    for unit in sorted(units, key=lambda u: u.moves[0].src != u.moves[0].dst):  # files in place first
        moves, n = unit.moves, 1
        while any(taken.get(_key(m.dst), m.src) != m.src for m in moves) and n < 100:
            n += 1
            moves = unit.relabel(n)
        for m in moves:
            taken[_key(m.dst)] = m.src
        out.append(_Unit(unit.card_id, moves))
    return out


def _listing(folder: str, cache: dict[str, list[os.DirEntry]]) -> list[os.DirEntry]:
    if folder not in cache:
        try:
            with os.scandir(folder) as it:
                cache[folder] = [e for e in it if not e.is_dir(follow_symlinks=False)]
        except OSError:
            cache[folder] = []
    return cache[folder]


def _companions(src: str, cache: dict[str, list[os.DirEntry]]) -> list[tuple[os.DirEntry, str]]:
    """(entry, the rest of its name after the video's stem) of the files named after the video at src."""
    folder, name = os.path.split(src)
    entries = _listing(folder, cache)
    stems = sorted(
        (os.path.splitext(e.name)[0] for e in entries if is_video_name(e.name)), key=len, reverse=True
    )
    own = os.path.splitext(name)[0]
    out = []
    for e in entries:
        ext = e.name.rpartition(".")[2].lower()
        if is_video_name(e.name) or ext not in COMPANION_EXTENSIONS or e.is_symlink():
            continue
        owner = next(
            (s for s in stems if e.name.startswith(s) and e.name[len(s) : len(s) + 1] in (".", "-")), None
        )
        if owner == own:
            out.append((e, e.name[len(own) :]))
    return out


def _with_companions(units: list[_Unit], files: dict[int, FileRecord], skipped: list) -> list[_Unit]:
    cache: dict[str, list[os.DirEntry]] = {}
    out = []
    for unit in units:
        moves = list(unit.moves)
        try:
            for m in unit.moves:
                if m.src == m.dst:
                    continue
                stem = os.path.splitext(m.dst)[0]
                for entry, rest in _companions(m.src, cache):
                    st = entry.stat(follow_symlinks=False)
                    moves.append(
                        Move(entry.path, stem + rest, st.st_size, st.st_mtime, KIND_COMPANION, m.card_id)
                    )
        except OSError as exc:
            skipped.extend((m.src, f"its folder could not be read ({exc.strerror})") for m in unit.moves)
            continue
        out.append(_Unit(unit.card_id, moves))
    out.extend(_folder_units(out, files, cache))
    return out


def _folder_pairs(m: Move) -> list[tuple[str, str]]:
    """(old folder, new folder) pairs a video's move implies: its own folder, and a show's folder (the
    season folder's parent, or the episode's own folder when it is in none)."""
    old, new = os.path.dirname(m.src), os.path.dirname(m.dst)
    if not m.card_id.startswith("tv:"):
        return [(old, new)]
    if show_folder(old) == old:
        return [(old, os.path.dirname(new))]
    return [(old, new), (show_folder(old), os.path.dirname(new))]


def _folder_units(units: list[_Unit], files: dict[int, FileRecord], cache: dict) -> list[_Unit]:
    """A folder's own files (movie.nfo, tvshow.nfo, poster.jpg) follow its videos when every video under
    the folder belongs to one card and all of them go under one new folder."""
    dests: dict[str, set[tuple[str, str]]] = defaultdict(set)  # old folder -> {(card, new folder)}
    moving: set[str] = set()
    for unit in units:
        for m in unit.moves:
            if m.kind != KIND_COMPANION:
                moving.add(m.src)
            if m.kind == KIND_VIDEO:
                for old, new in _folder_pairs(m):
                    dests[old].add((m.card_id, new))
    roots = {f.root for f in files.values()}
    held = sorted(f.path for f in files.values() if not f.missing)
    out = []
    for folder, targets in dests.items():
        if len(targets) != 1 or folder in roots or not _all_moving(folder, held, moving, cache):
            continue
        card_id, new_folder = next(iter(targets))
        if new_folder == folder:
            continue
        moves = []
        for e in _listing(folder, cache):
            if e.name.casefold() in FOLDER_FILES and not e.is_symlink():
                st = e.stat(follow_symlinks=False)
                moves.append(Move(e.path, os.path.join(new_folder, e.name), st.st_size, st.st_mtime,
                                  KIND_COMPANION, card_id))  # fmt: skip
        if moves:
            out.append(_Unit(card_id, moves))
    return out


def _all_moving(folder: str, held: list[str], moving: set[str], cache: dict) -> bool:
    """Every video the library holds under folder moves, and the folder holds no other video."""
    prefix = folder.rstrip(os.sep) + os.sep
    i = bisect.bisect_left(held, prefix)
    while i < len(held) and held[i].startswith(prefix):
        if held[i] not in moving:
            return False
        i += 1
    return all(e.path in moving for e in _listing(folder, cache) if is_video_name(e.name))


def _with_stacks(units: list[_Unit], files: dict[int, FileRecord]) -> list[_Unit]:
    """The stack key and part each video gets in its new folder, as the scanner will compute them there."""
    leaving = {m.src for u in units for m in u.moves}
    names: dict[str, set[str]] = defaultdict(set)
    for f in files.values():
        if f.role != "extra" and f.path not in leaving:
            names[f.dir].add(os.path.basename(f.path))
    for u in units:
        for m in u.moves:
            if m.kind == KIND_VIDEO:
                names[os.path.dirname(m.dst)].add(os.path.basename(m.dst))
    stacked: dict[str, tuple[str, int]] = {}
    for folder, members in names.items():
        if len(members) < 2:
            continue
        for label, parts in resolve_stacks(sorted(members)).items():
            for part, name in parts:
                stacked[os.path.join(folder, name)] = (
                    os.path.join(folder, _normalise_stack_name(label)),
                    part,
                )
    out = []
    for u in units:
        moves = []
        for m in u.moves:
            if m.kind == KIND_VIDEO:
                key, part = stacked.get(m.dst, (None, None))
                m = dataclasses.replace(m, stack_key=key, part=part)
            moves.append(m)
        out.append(_Unit(u.card_id, moves))
    return out


def _problem(m: Move, sources: set[str], dests: dict[str, int]) -> str | None:
    """Why a move cannot be made, or None."""
    if dests.get(_key(m.dst), 0) > 1:
        return "another file would get the same name"
    if os.path.lexists(m.dst) and m.dst not in sources and not _same_file(m.src, m.dst):
        return f"{m.dst} exists already (it is never overwritten)"
    parent = os.path.dirname(m.dst)
    while parent and not os.path.isdir(parent):
        if os.path.lexists(parent):
            return f"{parent} is a file, not a folder"
        up = os.path.dirname(parent)
        parent = up if up != parent else ""
    name = os.path.basename(m.dst)
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        return "its new name would be too long"
    if m.kind == KIND_VIDEO and classify_extra(name, os.path.basename(os.path.dirname(m.dst))):
        return "its new name would read as an extra (a trailer or sample)"
    return None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _checked_order(units: list[_Unit], skipped: list) -> list[Move]:
    """The moves of the units that can move whole, each after the move that frees its target."""
    units = [u for u in units if any(m.src != m.dst for m in u.moves)]
    while True:
        sources = {m.src for u in units for m in u.moves}
        dests: dict[str, int] = defaultdict(int)
        for u in units:
            for m in u.moves:
                dests[_key(m.dst)] += 1
        kept, dropped = [], False
        for u in units:
            why = next(
                (w for m in u.moves if m.src != m.dst for w in [_problem(m, sources, dests)] if w), None
            )
            if why:
                skipped.extend((m.src, why) for m in u.moves if m.kind != KIND_COMPANION)
                dropped = True
            else:
                kept.append(u)
        units = kept
        if not dropped:
            break
    return _ordered(units, skipped)


def _ordered(units: list[_Unit], skipped: list) -> list[Move]:
    """The units' moves in an order where each target is free when its turn comes. Files that would swap
    names (a cycle) stay where they are, with the rest of their units."""
    moves = [m for u in units for m in u.moves if m.src != m.dst]
    unit_of = {m.src: n for n, u in enumerate(units) for m in u.moves}
    by_src = {m.src: m for m in moves}
    done: set[str] = set()
    cut: set[int] = set()
    out: list[Move] = []
    for m in moves:
        chain, cur = [], m
        while cur is not None and cur.src not in done and cur not in chain:
            chain.append(cur)
            cur = by_src.get(cur.dst)
        if cur is not None and cur in chain:
            cut.update(unit_of[c.src] for c in chain[chain.index(cur) :])
            chain = chain[: chain.index(cur)]
        for c in reversed(chain):
            done.add(c.src)
            out.append(c)
    for n in sorted(cut):
        why = "its new name is another file's old name, and that file's new name is its own"
        skipped.extend((m.src, why) for m in units[n].moves if m.kind != KIND_COMPANION)
    return [m for m in out if unit_of[m.src] not in cut]
