"""File name parser: a guessit wrapper that turns a video path into a `Parsed`.

One guessit call per file, on "<title folder>/<season folders>/<file name>", so guessit sees the
folder as context (it takes the year and, for generic names, the title from there). Around it:

* embedded ids and Plex tokens ({tmdb-603}, [imdbid-tt0133093], {edition-Final Cut}) are cut out
  first, so they never reach the title;
* library folders ("Movies 4K", "Downloads", "TV"), disc structure folders (VIDEO_TS, BDMV/STREAM) and
  the scan root are never used as the title folder;
* generic names (movie.mkv, VTS_01_1.VOB, 00001.m2ts) take their title from the title folder
  (title_from="folder", generic=True); names without a year take the year from a folder naming the
  same title; personal videos (VID_2019..., IMG_1234) get no title at all;
* resolution, HDR, editions, ids and folder/name classes are token rules in `parser_rules`
  (the resolution policy is documented there).

`parse` is a pure top-level function (process-pool friendly). The only state is a per-process LRU
cache of folder-name parses, which is safe in any subprocess.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from guessit import guessit

from videomanager.core.episodes import read_episode
from videomanager.core.models import Parsed
from videomanager.core.parser_films import film_after_all, film_title, full_title, strip_site
from videomanager.core.parser_rules import (
    Edition,
    edition_from_name,
    find_ids,
    hdr_from,
    is_generic_folder,
    is_generic_stem,
    is_personal_folder,
    is_personal_video,
    names_a_title,
    normalize_resolution,
    resolution_from,
    strip_edition_from_title,
    structural_folder,
)
from videomanager.core.text import normalize_title

__all__ = [
    "parse",
    "parse_name",
    "guess",
    "is_personal_video",
    "is_generic_stem",
    "normalize_resolution",
    "split_aka",
]

# Only real container extensions: "My.Movie.Extended.Cut" must keep its ".Cut".
_EXTENSION = re.compile(
    r"\.(?:mkv|mk3d|mp4|m4v|avi|divx|xvid|mov|qt|wmv|asf|mpg|mpeg|mpe|m2v|m2ts|mts|ts|vob|iso|img|flv|f4v|"
    r"webm|ogv|ogm|3gp|3g2|rm|rmvb|dv|y4m|strm)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_SHOW_KEYS = {"type", "season", "episode", "episode_title", "alternative_title"}
_AKA = re.compile(r"\s+(?:aka|a\.k\.a\.?)\s+", re.IGNORECASE)
# guessit calls leftovers such as "HDR10Plus", "123456" or a CRC an alternative title.
_TECH_ALT = re.compile(r"^(?:hdr\w*|dv|dovi|\d+|[a-f0-9]{8}|\W*)$", re.IGNORECASE)


def _clean_text(s: str) -> str:
    """Make names with surrogate escapes (bytes that are not UTF-8 on disk) safe and readable.

    Such bytes are most often cp1252 (old Windows copies), so b'Am\\xe9lie' reads as 'Amélie'.
    """
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        pass
    try:
        return s.encode("utf-8", "surrogateescape").decode("cp1252", "replace")
    except UnicodeEncodeError:  # lone surrogates that are not escapes (e.g. from JSON)
        return s.encode("utf-8", "replace").decode("utf-8")


def _components(path: str, root: str | None) -> list[str]:
    """Path parts below the root (both / and \\ separate); the root itself is never a part."""
    # Surrounding blanks carry no meaning ("S07E23 .avi ") but hide the extension from the rules.
    parts = [p.strip() for p in re.split(r"[\\/]+", path) if p.strip() and p.strip() != "."]
    if root:
        root_parts = [p for p in re.split(r"[\\/]+", root) if p and p != "."]
        if root_parts and parts[: len(root_parts)] == root_parts:
            parts = parts[len(root_parts) :]
    return parts


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def guess(text: str) -> dict[str, Any]:
    """guessit as a plain dict, never raising: a name it chokes on is a name we know nothing about."""
    if not text:
        return {}
    try:
        return dict(guessit(text))
    except Exception:  # noqa: BLE001 - guessit/rebulk can raise on pathological input
        return {}


@functools.lru_cache(maxsize=2048)
def _folder_title_year(folder: str) -> tuple[str | None, int | None]:
    """(title, year) from a folder name alone; cached per process (a show's episodes share it)."""
    g = guess(folder)
    title = _first(g.get("title"))
    year = _first(g.get("year"))
    title = split_aka(title)[0] if isinstance(title, str) and title.strip() else None
    return film_title(title, year if isinstance(year, int) else None, folder)


@functools.lru_cache(maxsize=2048)
def _is_release_folder(folder: str) -> bool:
    """A film's own folder ('Heat (1995)', 'Charlie.And.Boots.DVDRip.XviD-GRP'): a year or release tags."""
    if _YEAR.search(folder):
        return True
    g = guess(folder)
    return any(
        k in g
        for k in (
            "source",
            "screen_size",
            "video_codec",
            "release_group",
            "audio_codec",
            "cd_count",
            "language",
            "other",
        )
    )


def split_aka(title: str) -> tuple[str, ...]:
    """'Leon AKA The Professional' -> ('Leon', 'The Professional')."""
    parts = tuple(p.strip(" -") for p in _AKA.split(title) if p.strip(" -"))
    return parts or (title,)


def _contains(needle: str | None, haystack: str | None) -> bool:
    n, h = normalize_title(needle), normalize_title(haystack)
    return bool(n) and f" {n} " in f" {h} "


def _same_title(a: str | None, b: str | None) -> bool:
    """Both name the same film: equal keys, or one key contains the other as whole words."""
    return _contains(a, b) or _contains(b, a)


def _context(parents: list[str]) -> tuple[str | None, list[str], list[str]]:
    """From the folders above a file: (title folder, folders given to guessit, disc hints).

    Walks up from the file: season folders are kept (guessit reads "Season 2"), disc structure
    folders and library folders ("Movies", "4K") are skipped, and the first other folder is the
    title folder. Nothing above it is used (it would only add noise such as "/home/user").
    """
    kept: list[str] = []
    hints: list[str] = []
    for folder in reversed(parents):
        kind = structural_folder(folder)
        if kind == "season":
            kept.insert(0, folder)
        elif kind:
            hints.append(kind)
        elif not is_generic_folder(folder):
            return folder, [folder, *kept], hints
    return None, kept, hints


def parse(path: str, root: str | None = None) -> Parsed:
    """Parse one video path (absolute or relative; `root` is the library folder it was found under)."""
    try:
        parts = _components(_clean_text(path or ""), _clean_text(root) if root else None)
        if not parts:
            return Parsed()
        return parse_name(parts[-1], parts[:-1])
    except Exception:  # noqa: BLE001 - a scan must never die on one odd name
        return Parsed()


@dataclass
class _Reading:
    """One name on its way to a Parsed: guessit's answer and what the steps below decide."""

    g: dict[str, Any]
    clean_name: str
    clean_stem: str
    title_folder: str | None
    folder_text: str
    hints: list[str]
    personal: bool
    file_ids: Any
    folder_ids: Any
    title: str | None = None
    year: int | None = None
    title_from: str = "file"
    generic: bool = False
    alternative: list[str] = field(default_factory=list)
    edition: Any = None


def parse_name(name: str, folder_names: list[str] | tuple[str, ...] = ()) -> Parsed:
    """Parse a file name with the folders above it (outermost first, scan root excluded)."""
    r = _guess_name(_clean_text(name), folder_names)
    _read_title(r)
    _take_folder_title(r, folder_names)
    _alternative_titles(r)
    _read_edition(r)
    parsed = _to_parsed(r)
    if r.personal or r.hints:
        return parsed
    folders = [_clean_text(f) for f in folder_names]
    return read_episode(parsed, r.clean_stem, folders, r.title_folder, r.folder_text or None, r.g)


def _guess_name(name: str, folder_names: list[str] | tuple[str, ...]) -> _Reading:
    """guessit's reading of the name under its folders, ids and Plex tokens cut out first."""
    title_folder, context, hints = _context([_clean_text(f) for f in folder_names])
    # Ids and Plex tokens are cut out before guessit sees them; the file wins over its folder.
    file_ids = find_ids(name)
    folder_ids = find_ids(title_folder or "")
    clean_name = strip_site(file_ids.rest)
    clean_context = [folder_ids.rest if f == title_folder else f for f in context]
    clean_stem = _EXTENSION.sub("", clean_name)
    joined = "/".join([*(c for c in clean_context if c.strip()), clean_name])
    g = guess(joined)
    if g.get("type") == "episode" and (
        _not_really_an_episode(g, clean_name, context, hints) or film_after_all(g, clean_name, clean_context)
    ):
        g = _as_film(g, joined)
    # A file under a camera or home-video folder (DCIM/, Home Videos/) is personal whatever its name.
    personal = is_personal_video(name) or any(is_personal_folder(f) for f in folder_names)
    return _Reading(
        g=g,
        clean_name=clean_name,
        clean_stem=clean_stem,
        title_folder=title_folder,
        folder_text=folder_ids.rest if title_folder else "",
        hints=hints,
        personal=personal,
        file_ids=file_ids,
        folder_ids=folder_ids,
    )


def _read_title(r: _Reading) -> None:
    """The title and year the name gives, repaired where guessit cut it short; whether the name is generic."""
    g, clean_stem = r.g, r.clean_stem
    raw_title = _first(g.get("title"))
    title = raw_title.strip() if isinstance(raw_title, str) and raw_title.strip() else None
    year = _first(g.get("year"))
    year = year if isinstance(year, int) else None
    repaired = False  # guessit cut the title short ("F-X2" read as "F"): the name does hold a title
    if g.get("type") != "episode":
        guessed = title
        group = _first(g.get("release_group"))
        title, year = film_title(title, year, clean_stem, group if isinstance(group, str) else None)
        repaired = title != guessed
    # "1917 (2019)", "300 (2006) - 1080p", "50-50 (2011)": numbers guessit reads as the title next to a year.
    numeric_title = bool(
        title and _NUMBERS.fullmatch(title) and year and str(year) != title and _contains(title, clean_stem)
    )
    # "E.T. (1982)": a dotted acronym is a title, not single-letter noise such as B1_t00.
    acronym_title = bool(
        title and _DOTTED_ACRONYM.fullmatch(title.replace(" ", "")) and _contains(title, clean_stem)
    )
    if title and not acronym_title and _DOTTED_ACRONYM.fullmatch(title.replace(" ", ".")):
        title, acronym_title = title.replace(" ", "."), True  # "R.I.P.D [2013]": guessit read "R.I.P D"
    r.generic = (
        not r.personal
        and not numeric_title
        and not acronym_title
        and not repaired
        and not names_a_title(clean_stem)
        and is_generic_stem(clean_stem)
    )
    if title is None and not r.personal and not r.generic:
        title = _bare_title(clean_stem, g)
    r.title, r.year = title, year


def _take_folder_title(r: _Reading, folder_names: list[str] | tuple[str, ...]) -> None:
    """Where the title (or year) comes from the folder rather than the file."""
    g, title, year, folder_text = r.g, r.title, r.year, r.folder_text
    if title and r.title_folder and not _contains(title, r.clean_stem) and _contains(title, folder_text):
        r.title_from = "folder"  # guessit itself took the title from the folder
        title, year = film_title(title, year, folder_text)
        if (
            g.get("type") != "episode"
            and not r.generic
            and not r.personal
            and not _is_release_folder(folder_text)
        ):
            # A plain folder ("USB Drive", "Kids") is no film folder: the file's own name is the title.
            alone = guess(r.clean_name)
            own = _first(alone.get("title"))
            own = own.strip() if isinstance(own, str) and own.strip() else _bare_title(r.clean_stem, alone)
            if own:
                title, r.title_from = own, "file"
    file_has_year = bool(_YEAR.search(r.clean_stem))
    # A second guessit call, on the folder alone, only when the first one left a gap.
    needs_folder = (
        title is None or (r.generic and r.title_from == "file") or (year is None and not file_has_year)
    )
    if r.title_folder and needs_folder:
        f_title, f_year = _folder_title_year(folder_text)
        if f_title and (r.generic or title is None):
            title, r.title_from = f_title, "folder"
            # "1900 (1976)/1900.mp4": the file's number is the folder's title, not a year.
            year = year if file_has_year and str(year) != f_title else (f_year or year)
        elif f_title and f_year and not file_has_year and _same_title(title, f_title):
            year = f_year
    if title and year is None and not file_has_year:
        year = _ancestor_year(title, folder_names, r.title_folder)
    if r.generic and r.title_from == "file":
        title = None  # "video" from video-1080p.mkv with no folder to ask: nothing to look up
    if r.personal:  # "Screen Recording 2020-01-01 at 10.00.00" is no episode 10 either
        title, year, r.title_from = None, None, "file"
        r.g = {k: v for k, v in g.items() if k not in _SHOW_KEYS}
    r.title, r.year = title, year


def _alternative_titles(r: _Reading) -> None:
    """ "A aka B", guessit's alternative titles, and the part or volume guessit cut out of the title."""
    alternative: list[str] = []
    if r.title:
        r.title, *alternative = split_aka(r.title)
    for alt in _as_list(r.g.get("alternative_title")):
        if isinstance(alt, str) and not _TECH_ALT.match(alt.strip()) and alt not in alternative:
            alternative.append(alt)
    if r.title:
        title, stem = r.title, r.clean_stem
        part = _first(r.g.get("part"))
        vol = _VOLUME.search(stem) or (_VOLUME.search(r.folder_text) if r.title_from == "folder" else None)
        if isinstance(part, int) and not _contains(f"part {part}", title):
            alternative.append(f"{title} Part {part}")  # guessit cut "Part 2" out of the title
        if vol and not _contains(f"vol {vol.group(1)}", title):
            alternative.append(f"{title} Vol {int(vol.group(1))}")
    r.alternative = alternative


def _read_edition(r: _Reading) -> None:
    """The edition (from the ids' tokens, the name, or a generic file's folder), taken out of the title."""
    edition = _edition(r.file_ids.edition or r.folder_ids.edition, r.clean_stem, r.g, r.generic)
    if edition is None and r.generic and r.title_folder:
        edition = edition_from_name(r.folder_text, None)
    if edition and edition.words and r.title:
        stripped = strip_edition_from_title(r.title, edition)
        if stripped is None:
            edition = None  # "The Final Cut": the edition words are the whole title
        else:
            r.title = stripped
    if edition and edition.words:  # "Police Story 2 (1988) - Final Cut": no alternative title
        cut = normalize_title(" ".join(edition.words))
        r.alternative = [a for a in r.alternative if normalize_title(a) != cut]
    r.edition = edition


def _to_parsed(r: _Reading) -> Parsed:
    g, title, edition = r.g, r.title, r.edition
    language = _first(g.get("language"))
    language = getattr(language, "alpha2", None) if language is not None else None
    country = _first(g.get("country"))
    country = getattr(country, "alpha2", None) or (country if isinstance(country, str) else None)
    whole = None
    if title and g.get("type") != "episode" and not r.hints:
        whole = full_title(g, title, r.clean_stem if r.title_from == "file" else r.folder_text, edition)
    source = _first(g.get("source"))
    source = source if isinstance(source, str) else None
    if not source and r.hints:
        source = {"dvd": "DVD", "bluray": "Blu-ray"}.get(r.hints[0])
    season = _first(g.get("season"))
    episode = _first(g.get("episode"))
    episode_title = _first(g.get("episode_title"))
    codec = _first(g.get("video_codec"))
    ids_of = r.file_ids, r.folder_ids
    return Parsed(
        title=title,
        year=r.year,
        kind="episode" if g.get("type") == "episode" and not r.hints else "movie",
        country=country if g.get("type") == "episode" else None,
        language=language if isinstance(language, str) else None,
        season=season if isinstance(season, int) else None,
        episode=episode if isinstance(episode, int) else None,
        episode_title=episode_title if isinstance(episode_title, str) else None,
        resolution=resolution_from(g, r.clean_name, source),
        source=source,
        video_codec=codec if isinstance(codec, str) else None,
        hdr=hdr_from(g, r.clean_name),
        edition=edition.label if edition else None,
        tmdb_id=ids_of[0].tmdb_id or ids_of[1].tmdb_id,
        imdb_id=ids_of[0].imdb_id or ids_of[1].imdb_id,
        tvdb_id=ids_of[0].tvdb_id or ids_of[1].tvdb_id,
        alternative_titles=tuple(a for a in r.alternative if a and a != title),
        full_title=whole,
        title_from=r.title_from,
        generic=r.generic,
    )


_NUMBERS = re.compile(r"\d+(?:[\s.,:/-]+\d+)*")
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}[^\W\d_]?\.?")
_VOLUME = re.compile(r"(?i)\bvol(?:ume)?\b[ ._]*(\d{1,2})\b")
_EPISODE_MARK = re.compile(
    r"(?i)s\d{1,4}[ ._-]?e\d{1,4}|\b\d{1,4}x\d{2,3}\b|\b\d{4}[ ._-]\d{2}[ ._-]\d{2}\b|\b(?:episode|ep|season|series|saison|staffel|"
    r"temporada|part|pt)\b|\be\d{2,3}\b"
)


def guess_movie(text: str) -> dict[str, Any]:
    try:
        return dict(guessit(text, {"type": "movie"}))
    except Exception:  # noqa: BLE001
        return {}


def _as_film(g: dict[str, Any], text: str) -> dict[str, Any]:
    """guessit's film reading of ``text``, keeping the episode reading's title and year where it has none."""
    film = guess_movie(text)
    for key in ("title", "year"):
        if film.get(key) is None and g.get(key) is not None:
            film[key] = g[key]
    return film


def _not_really_an_episode(g: dict[str, Any], name: str, context: list[str], hints: list[str]) -> bool:
    """guessit's episode guess is wrong: a disc structure, or 'Blade Runner 2049 (2017)' (no marker,
    and the season/episode numbers are years)."""
    if hints:
        return True
    episode = _first(g.get("episode"))
    if any(_EPISODE_MARK.search(t) for t in [name, *context]):
        return False
    # A four-digit "episode" next to a year is part of the title (2049 in Blade Runner 2049 (2017)).
    return isinstance(episode, int) and episode >= 1000 and isinstance(_first(g.get("year")), int)


def _bare_title(stem: str, g: dict[str, Any]) -> str | None:
    """guessit found no title ('Us.mp4' reads as a country): the words before the first year or tag."""
    head = re.split(r"(?i)[\s._(\[-]+(?:(?:19|20)\d{2}\b|\d{3,4}p\b|\[)", stem, maxsplit=1)[0]
    head = re.sub(r"[._]+", " ", head).strip(" -")
    return head if head and any(c.isalnum() for c in head) and len(head) <= 80 else None


def _ancestor_year(
    title: str, folder_names: list[str] | tuple[str, ...], title_folder: str | None
) -> int | None:
    """A year from a folder further up that names the same title (Fargo (1996)/FARGO/VIDEO_TS)."""
    for folder in list(reversed(folder_names))[:4]:
        if folder == title_folder or structural_folder(folder):
            continue
        f_title, f_year = _folder_title_year(_clean_text(folder))
        if f_year and f_title and _same_title(title, f_title):
            return f_year
    return None


def _edition(plex: str | None, stem: str, g: dict[str, Any], generic: bool) -> Edition | None:
    """Plex {edition-X} wins; then our Radarr-style span finder; then guessit's own edition."""
    if plex:
        return Edition(plex, ())
    g_title = _first(g.get("title"))
    found = edition_from_name(stem, g_title if isinstance(g_title, str) else None)
    if found:
        return found
    if g_title is None and not generic:
        return None  # "Directors.Cut.German.2006": the edition words are the title
    # "Limited" is a release scope, not a cut of the film.
    words = [e for e in _as_list(g.get("edition")) if isinstance(e, str) and e != "Limited"]
    return Edition(" ".join(words), ()) if words else None
