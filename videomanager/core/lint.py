"""The naming linter: how Plex and Jellyfin would file each card from its current names and folders.

We know what every file is (its card); the other servers only see names. For each card this predicts,
from the servers' published naming rules, where they would file it wrongly:

* ``versions_split``: versions of one film that a server would show as separate films. Jellyfin groups
  versions only inside one folder whose name every file name starts with, followed by `` - ``, ``_``,
  ``.`` or a ``[label]``, all with the same year (Emby.Naming ``VideoListResolver``, and the "Multiple
  Versions" section of Jellyfin's movie naming page). Plex merges files that match one film; names that
  point to different titles, years or ids match different films.
* ``extra_as_version``: an extra a server would take for a film of its own: it needs a
  ``Trailers``/``Featurettes``/... folder inside the film's folder or a ``-trailer`` style suffix (Plex:
  "Local Media Assets - Movies"; Jellyfin: the extras section of its movie page). Plex knows fewer folder
  names and suffixes than Jellyfin, and none for a film that is not in a folder of its own.
* ``wrong_year`` / ``no_year``: the year in the names is not TMDb's, or there is none (both servers search
  TMDb with "Title (Year)").
* ``wrong_id``: a ``{tmdb-ID}``/``[tmdbid-ID]`` in the name that is not the card's.
* ``two_films_in_folder``: a folder (not a library folder) holding the main files of several titles:
  both servers take a folder for one film.
* ``episode_outside_season`` / ``episode_no_show_folder``: an episode that is not in its ``Season NN``
  folder, or not inside a show's folder at all.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import asdict, dataclass

from videomanager.core.library import FileRecord, Library
from videomanager.core.models import ROLE_EXTRA, Card
from videomanager.core.parser_rules import find_ids
from videomanager.core.text import normalize_title

PLEX = "plex"
JELLYFIN = "jellyfin"
BOTH = (PLEX, JELLYFIN)


@dataclass(frozen=True)
class Problem:
    code: str
    servers: tuple[str, ...]
    message: str
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class CardLint:
    card_id: str
    title: str
    year: int | None
    problems: tuple[Problem, ...]

    def to_json(self) -> dict:
        return {
            "id": self.card_id,
            "title": self.title,
            "year": self.year,
            "problems": [
                {**asdict(p), "servers": list(p.servers), "paths": list(p.paths)} for p in self.problems
            ],
        }


# -- the servers' rules -------------------------------------------------------------------------------

# Jellyfin's CleanStrings (Emby.Naming/Common/NamingOptions.cs), tried in order; the first that matches cuts
# the name down to its "cleaned" group.
_CLEAN_STRINGS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*(?P<cleaned>.+?)[ _\,\.\(\)\[\]\-](3gp|ac3|aac|avc|avi|bluray|bdrip|brrip|cam|camrip|dts|dvd|"
        r"dvdrip|dvdscr|flac|hd|hdr|hdrip|hdtv|hevc|internal|limited|mkv|mp4|multi|ntsc|ogg|ogm|pal|pdtv|"
        r"proper|r3|r5|repack|sd|srt|ts|uncut|unrated|vob|web|webrip|x264|x265|xvid|xxx|([0-9]{3,4}p)|4k|"
        r"2160p|1080p|720p|480p)([ _\,\.\(\)\[\]\-]|$)",
        r"^(?P<cleaned>.+?)(\[.*\])",
        r"^\s*(?P<cleaned>.+?)\WE[0-9]+(-|~)E?[0-9]+(\W|$)",
        r"^\s*\[[^\]]+\](?!\.\w+$)\s*(?P<cleaned>.+)",
        r"^\s*(?P<cleaned>.+?)\s+-\s+[0-9]+\s*$",
        r"^\s*(?P<cleaned>.+?)(([-._ ](trailer|sample))|-(scene|clip|behindthescenes|deleted|deletedscene|"
        r"featurette|short|interview|other|extra))$",
    )
]
_VERSION_LABEL = re.compile(r"^\[([^]]*)\]")
# Jellyfin's CleanDateTimes: the year is the last one after a separator (a bracket or dot first, then a space).
_JELLYFIN_YEARS = [
    re.compile(r"(.+[^_\,\.\(\)\[\]\-])[_\.\(\)\[\]\-](19[0-9]{2}|20[0-9]{2})(?![0-9]+|\W[0-9]{2}\W[0-9]{2})"
               r"([ _\,\.\(\)\[\]\-][^0-9]|).*(19[0-9]{2}|20[0-9]{2})*"),
    re.compile(r"(.+[^_\,\.\(\)\[\]\-])[ _\.\(\)\[\]\-]+(19[0-9]{2}|20[0-9]{2})(?![0-9]+|\W[0-9]{2}\W[0-9]{2})"
               r"([ _\,\.\(\)\[\]\-][^0-9]|).*(19[0-9]{2}|20[0-9]{2})*"),
]  # fmt: skip


def _jellyfin_year(stem: str) -> int:
    for rule in _JELLYFIN_YEARS:
        m = rule.match(stem)
        if m:
            return int(m.group(2))
    return -1


def _jellyfin_clean(text: str) -> str:
    for rule in _CLEAN_STRINGS:
        m = rule.match(text)
        if m:
            return m.group("cleaned").strip()
    return text


def jellyfin_version_refusal(folder: str, names: list[str]) -> str | None:
    """Why Jellyfin would not group the videos ``names`` of one folder as versions of one film (None when
    it would). ``names`` are file names, a multi-part stack counted once."""
    if len(names) < 2:
        return None
    folder_name = os.path.basename(folder.rstrip("/\\"))
    if len(folder_name) <= 1:
        return f"the folder name “{folder_name}” is too short for Jellyfin to group versions"
    stems = [os.path.splitext(n)[0] for n in names]
    if len({_jellyfin_year(s) for s in stems}) > 1:
        return "the file names give different years"
    for stem in stems:
        if not stem.casefold().startswith(folder_name.casefold()):
            return f"“{stem}” does not start with the folder's name “{folder_name}”"
        rest = _jellyfin_clean(stem[len(folder_name) :].strip())
        if rest and rest[0] not in "-_." and not _VERSION_LABEL.match(rest):
            return f"in “{stem}”, the folder's name is not followed by “ - ”, “_”, “.” or “[label]”"
    return None


_PLEX_EXTRA_FOLDERS = {"behind the scenes", "deleted scenes", "featurettes", "interviews", "scenes", "shorts",
                       "trailers", "other"}  # fmt: skip
_JELLYFIN_EXTRA_FOLDERS = _PLEX_EXTRA_FOLDERS | {"extras", "samples", "clips", "theme-music", "backdrops"}
_PLEX_SUFFIX = re.compile(
    r"-\s*(behindthescenes|deleted|featurette|interview|scene|short|trailer|other)$", re.I
)
_JELLYFIN_LOOSE = re.compile(r"(?:^|[-._ ])(trailer|sample)\d*$", re.IGNORECASE)
_JELLYFIN_DASH = re.compile(
    r"-(scene|clip|interview|behindthescenes|deleted|deletedscene|featurette|short|other|extra)$",
    re.IGNORECASE,
)
_SAMPLE = re.compile(r"(?<![^\W_])sample(?![^\W_])", re.IGNORECASE)


def extra_seen_by(server: str, path: str, film_in_own_folder: bool) -> bool:
    """Whether ``server`` takes the video at path for an extra (or, Plex, ignores it as a sample) rather
    than for a film."""
    stem = os.path.splitext(os.path.basename(path))[0]
    folder = os.path.basename(os.path.dirname(path)).casefold()
    if server == PLEX:
        if _SAMPLE.search(stem):
            return True  # Plex's scanner leaves samples out
        if not film_in_own_folder:
            return False  # Plex reads local extras only beside a film in a folder of its own
        return folder in _PLEX_EXTRA_FOLDERS or bool(_PLEX_SUFFIX.search(stem))
    return (
        (folder in _JELLYFIN_EXTRA_FOLDERS and film_in_own_folder)
        or bool(_JELLYFIN_LOOSE.search(stem))
        or bool(_JELLYFIN_DASH.search(stem))
    )


_SEASON_DIR = re.compile(
    r"^(?:season|saison|series|serie|staffel|temporada|stagione|seizoen|sezon|s)[\s._-]*(\d{1,4})$", re.I
)


def season_of_folder(name: str) -> int | None:
    """The season a folder is for ("Season 01" -> 1, "Specials" -> 0), or None."""
    low = name.strip().casefold()
    if low in ("specials", "special"):
        return 0
    m = _SEASON_DIR.match(low)
    return int(m.group(1)) if m else None


# -- the checks ---------------------------------------------------------------------------------------


@dataclass
class _Context:
    files: dict[int, FileRecord]
    roots: set[str]
    folder_cards: dict[str, set[tuple]]  # folder -> {(card id, tmdb id)} with a main file there
    folder_names: dict[str, list[str]]  # folder -> main video names there (a stack once)


def _context(cards: list[Card], files: dict[int, FileRecord], roots: list[str]) -> _Context:
    ctx = _Context(files, set(roots), defaultdict(set), defaultdict(list))
    stacks_seen: set[str] = set()
    for card in cards:
        for fid in [i for v in card.versions for i in v.file_ids] + [e.file_id for e in card.episodes]:
            f = files.get(fid)
            if f is None:
                continue
            ctx.folder_cards[f.dir].add((card.id, card.tmdb_id or card.id))
            if f.stack_key:
                if f.stack_key in stacks_seen:
                    continue
                stacks_seen.add(f.stack_key)
            ctx.folder_names[f.dir].append(os.path.basename(f.path))
    return ctx


def lint_cards(cards: list[Card], files: dict[int, FileRecord], roots: list[str]) -> list[CardLint]:
    """The problems of every card that has some, in the cards' order."""
    ctx = _context(cards, files, roots)
    out = []
    for card in cards:
        problems = _versions(card, ctx) + _extras(card, ctx) + _years_and_ids(card, ctx) + _folders(card, ctx)
        problems += _episodes(card, ctx)
        if problems:
            out.append(CardLint(card.id, card.title, card.year, tuple(problems)))
    return out


def lint_library(library: Library, cards: list[Card]) -> list[CardLint]:
    return lint_cards(cards, {f.id: f for f in library.files()}, library.roots())


def _main_files(card: Card, ctx: _Context) -> list[FileRecord]:
    ids = [v.file_ids[0] for v in card.versions if v.file_ids] + [e.file_id for e in card.episodes]
    return [ctx.files[i] for i in ids if i in ctx.files]


def _identity(f: FileRecord) -> tuple:
    p = f.parsed
    if p.tmdb_id:
        return ("tmdb", p.tmdb_id)
    if p.imdb_id:
        return ("imdb", p.imdb_id)
    return (normalize_title(p.title or ""), p.year)


def _versions(card: Card, ctx: _Context) -> list[Problem]:
    if len(card.versions) < 2:
        return []
    firsts = [ctx.files[v.file_ids[0]] for v in card.versions if v.file_ids and v.file_ids[0] in ctx.files]
    paths = tuple(f.path for f in firsts)
    out = []
    folders = {f.dir for f in firsts}
    if len(folders) > 1:
        why = f"its {len(firsts)} versions are in {len(folders)} folders, and Jellyfin groups versions only inside one folder"
    else:
        folder = next(iter(folders))
        why = jellyfin_version_refusal(folder, ctx.folder_names[folder])
        why = f"Jellyfin would show them as separate films: {why}" if why else None
    if why:
        out.append(Problem("versions_split", (JELLYFIN,), why[0].upper() + why[1:] + ".", paths))
    if len({_identity(f) for f in firsts}) > 1:
        out.append(Problem("versions_split", (PLEX,), "The versions' names point to different titles, years or ids, "
                           "so Plex would match them as different films.", paths))  # fmt: skip
    return out


def _film_folder(x: FileRecord) -> str:
    folder = os.path.dirname(x.path)
    if os.path.basename(folder).casefold() in _JELLYFIN_EXTRA_FOLDERS:
        return os.path.dirname(folder)
    return folder


def _extras(card: Card, ctx: _Context) -> list[Problem]:
    out = []
    for e in card.extras:
        x = ctx.files.get(e.file_id)
        if x is None or x.role != ROLE_EXTRA:
            continue
        own_folder = _film_folder(x) not in ctx.roots
        servers = tuple(s for s in BOTH if not extra_seen_by(s, x.path, own_folder))
        if servers:
            where = "a film of its own" if own_folder else "a film (its film has no folder of its own)"
            names = " and ".join(s.capitalize() for s in servers)
            out.append(Problem("extra_as_version", servers, f"{names} would take this {e.type} for {where}: "
                               "put it in a “Trailers”, “Featurettes”… folder inside the film's folder, "
                               "or end its name with “-trailer”, “-featurette”….", (x.path,)))  # fmt: skip
    return out


def _years_and_ids(card: Card, ctx: _Context) -> list[Problem]:
    if not card.tmdb_id:
        return []
    out = []
    wrong_year = [
        f for f in _main_files(card, ctx) if f.parsed.year and card.year and f.parsed.year != card.year
    ]
    if wrong_year:
        said = sorted({f.parsed.year for f in wrong_year})
        out.append(Problem("wrong_year", BOTH, f"The names say {', '.join(map(str, said))}; TMDb says {card.year}.",
                           tuple(f.path for f in wrong_year)))  # fmt: skip
    if card.kind == "movie" and card.year:
        bare = [
            f
            for f in _main_files(card, ctx)
            if not f.parsed.year and not f.parsed.tmdb_id and not f.parsed.imdb_id
        ]
        if bare:
            out.append(Problem("no_year", BOTH, f"No year and no id in the names: Plex and Jellyfin match on "
                               f"“Title (Year)”; this is {card.year}.", tuple(f.path for f in bare)))  # fmt: skip
    wrong_id = [f for f in _main_files(card, ctx) if _id_in_names(f) not in (None, card.tmdb_id)]
    if wrong_id:
        out.append(Problem("wrong_id", BOTH, f"The names carry another TMDb id than this title's ({card.tmdb_id}).",
                           tuple(f.path for f in wrong_id)))  # fmt: skip
    return out


def _id_in_names(f: FileRecord) -> int | None:
    for part in (os.path.basename(f.path), os.path.basename(f.dir), os.path.basename(os.path.dirname(f.dir))):
        found = find_ids(part).tmdb_id
        if found:
            return found
    return None


def _folders(card: Card, ctx: _Context) -> list[Problem]:
    out = []
    mine = card.tmdb_id or card.id
    for folder in sorted({f.dir for f in _main_files(card, ctx)}):
        if folder in ctx.roots:
            continue
        others = {ident for _cid, ident in ctx.folder_cards[folder]} - {mine}
        if others:
            out.append(Problem("two_films_in_folder", BOTH, f"This folder also holds {len(others)} other "
                               "title(s); Plex and Jellyfin take a folder for one film or show.", (folder,)))  # fmt: skip
    return out


def _episodes(card: Card, ctx: _Context) -> list[Problem]:
    outside, no_show = [], []
    for e in card.episodes:
        f = ctx.files.get(e.file_id)
        if f is None or e.season is None:
            continue
        season = season_of_folder(os.path.basename(f.dir))
        if season is None:
            (no_show if f.dir in ctx.roots else outside).append(f.path)
        elif season != e.season:
            outside.append(f.path)
        elif os.path.dirname(f.dir) in ctx.roots or f.dir in ctx.roots:
            no_show.append(f.path)
    out = []
    if outside:
        out.append(Problem("episode_outside_season", BOTH, "Plex and Jellyfin expect each episode in its "
                           "season's folder (“Season 01”, “Season 00” for specials).", tuple(outside)))  # fmt: skip
    if no_show:
        out.append(Problem("episode_no_show_folder", BOTH, "These episodes are not inside a folder named after "
                           "the show.", tuple(no_show)))  # fmt: skip
    return out
