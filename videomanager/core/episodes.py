"""How a file name numbers a TV episode, read as a careful person reads it.

``read_episode`` takes the parser's first answer (guessit's, see ``core.parser``) and the name and folders
it came from, and settles what guessit gets wrong on real TV libraries:

* markers found in the name itself, leftmost first and strongest first: ``S01E01`` (and ``S01E01E02``,
  ``S01E01-E03``, ``S01.E01``, ``S01 E01``), ``Season 1 Episode 2``, ``1x01`` (and ``1x01-02``), air dates
  (``2011-04-12``, ``2011.04.12``, ``04-12-2011``, ``20110412``), ``Episode 5`` / ``E05`` / ``Ep 5`` /
  ``Folge 5``, miniseries parts (``Part.Two``, ``Part 1 of 3``, ``Pt. 2``), fansub numbers
  (``[Group] Show - 143 [1080p]``, ``Show - 01v2``, ``Show S2 - 05``) and bare numbers in a season
  folder (``Season 2/02 - Title.mkv``);
* a number that belongs to the show's title (``24``, ``86``, ``9-1-1``, ``Mob Psycho 100``) is never the
  episode: the show folder's title, when the name starts with it, covers it;
* the season comes from the name, else from a season folder (``Season 2``, ``Staffel 2``, ``Specials`` is
  0); a ``Season 2011`` folder names a year, not a season;
* an episode number with no season anywhere is an absolute number (anime), kept in ``absolute`` so that
  grouping can map it to TMDb's seasons; a part of a miniseries is in season 1;
* the title is the text before the marker; a show folder (the folder above a season folder, or one that
  names the same show) gives the title when the name has none or names the show differently.

Pure functions of their arguments (process-pool friendly); the only state is a per-process cache of folder
parses.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from guessit import guessit

from videomanager.core.models import Parsed
from videomanager.core.parser_rules import is_generic_folder, structural_folder
from videomanager.core.text import normalize_title, sort_title

__all__ = ["Marker", "find_markers", "read_episode", "folder_season"]

_B = r"(?<![a-z0-9])"  # no letter or digit just before
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7,
    "viii": 8, "ix": 9, "x": 10,
}  # fmt: skip
_NUM = r"(?:\d{1,2}|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_SE = re.compile(
    _B + r"s(?P<s>\d{1,4})[ ._-]*x?[ ._-]*e(?:p[ ._]?)?(?P<e>\d{1,4})(?![0-9])"
    r"(?P<more>(?:(?:[ ._]*[-+&,][ ._]*(?:s\d{1,4})?[ ._]*e|[ ._]*s\d{1,4}[ ._]*e|[ ._]?e|[-+])\d{1,4}(?![0-9pi]))*)",
    re.IGNORECASE,
)
_WORDS = re.compile(
    _B + r"(?:season|saison|staffel|temporada|stagione|series)[ ._-]*(?P<s>\d{1,3})[ ._,-]*"
    r"(?:episode|episodio|épisode|folge|ep|e)[ ._-]*(?P<e>\d{1,4})(?![0-9])",
    re.IGNORECASE,
)
_X = re.compile(
    _B
    + r"(?P<s>\d{1,2})x(?P<e>\d{1,3})(?![0-9pi])(?P<more>(?:(?:[-x]|[-_. ][ ]?\d{1,2}x)\d{1,3}(?![0-9pi]))*)",
    re.IGNORECASE,
)
_DATE_YMD = re.compile(
    r"(?<![0-9])(?P<y>(?:19|20)\d{2})(?P<sep>[-. _])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?![0-9])"
)
_DATE_MDY = re.compile(
    r"(?<![0-9])(?P<a>\d{1,2})(?P<sep>[-. _])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![0-9])"
)
_DATE_COMPACT = re.compile(
    r"(?<![0-9a-z])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![0-9])", re.I
)
_EP = re.compile(
    _B + r"(?:(?:episode|episodio|épisode|capitulo|capítulo|folge|ep)[ ._#-]*|e)(?P<e>\d{1,4})(?:v\d)?"
    r"(?![0-9a-z])",
    re.IGNORECASE,
)
_PART = re.compile(
    r"(?<![a-z])(?:part|pt)[ ._-]*(?P<n>" + _NUM + r")(?![a-z0-9])(?:[ ._-]*of[ ._-]*(?P<of>\d{1,2}))?",
    re.IGNORECASE,
)
_OF = re.compile(_B + r"(?P<n>\d{1,2})[ ._-]*of[ ._-]*(?P<of>\d{1,2})(?![0-9])", re.IGNORECASE)
# "Show S2 - 05", "Show Season 2 - 05", "Show 2nd Season - 05": a season word, then a fansub number.
_SEASON_DASH = re.compile(
    _B + r"(?:s(?P<s>\d{1,2})|season[ ._]*(?P<s2>\d{1,2})|(?P<s3>\d{1,2})(?:st|nd|rd|th)[ ._]*season)"
    r"(?:[ ._]+-[ ._]+|[ ._]+(?=\d{1,4}(?:v\d)?[ ._]*(?:[\[(]|$)))(?P<e>\d{1,4})(?:v\d)?(?![0-9pi])",
    re.IGNORECASE,
)
# A fansub number: after " - " (or "_-_"), then the end, a bracket or another " - ".
_DASH_NUMBER = re.compile(r"[ _]-[ _](?P<e>\d{1,4})(?:v\d)?(?=$|[ ._]*[\[(]|[ _]-[ _]|[ ._](?!\d))")
# A fansub range: "Show - 02-03", "Show_-_16-20_", "Show.493-498.&.500-507".
_RANGE = re.compile(
    r"(?:[ _]-[ _]|[ ._])(?P<e>\d{1,4})-(?P<end>\d{1,4})(?:[ ._]*&[ ._]*\d{1,4}-(?P<last>\d{1,4}))*"
    r"(?=$|[ ._]*[\[(]|[ _]-[ _]|[ ._])"
)
# "Show - 4.03 - Title": season and episode joined by a dot, set apart by dashes.
_DOT = re.compile(r"[ _]-[ _](?P<s>\d{1,2})\.(?P<e>\d{2})(?=$|[ _]-[ _]|[ ._]*[\[(])")
# A number before the first bracket or at the end: "Show 05 [1080p]", "Show_05".
_LAST_NUMBER = re.compile(r"(?<![a-z0-9.])(?P<e>\d{1,4})(?:v\d)?(?=[ ._]*(?:[\[(]|$))", re.IGNORECASE)
# A name that is only an episode number, maybe with a title: "02", "02 - Title", "01 Winter Is Coming".
_BARE = re.compile(r"^(?P<e>\d{1,3})(?:v\d)?(?:$|[ ._]*-[ ._]*|[ ._]+(?=[^\W\d_]))", re.IGNORECASE)
_NOT_EPISODE = re.compile(r"^(?:19|20)\d{2}$|^(?:480|576|720|1080|2160|264|265)$")
_RELEASE_TOKEN = re.compile(
    r"(?i)(?<![a-z0-9])(?:\d{3,4}[pi]|x26[45]|h\.?26[45]|hevc|xvid|divx|web(?:-?dl|rip)?|hdtv|bluray|bdrip|"
    r"dvdrip|dvd|amzn|nf|aac|ac3|dts|ddp?5\.1|10bit|proper|repack|internal|multi|vostfr|german|french)(?![a-z0-9])"
)
# The same, without words that also make titles ("The French Chef", "Multiple Man"): where a title ends.
_TECH_TOKEN = re.compile(
    r"(?i)(?<![a-z0-9])(?:\d{3,4}[pi]|x26[45]|h\.?26[45]|hevc|xvid|divx|web-?dl|webrip|hdtv|bluray|bdrip|"
    r"dvdrip|aac|ac3|dts|ddp?5\.1|10bit)(?![a-z0-9])"
)
_BRACKETS = re.compile(r"^(?:\s*[\[{(【][^\]})】]*[\]})】][\s._-]*)+")
_SEASON_IN_TITLE = re.compile(
    r"(?i)[\s._(\[-]+(?:(?:season|saison|staffel|temporada|stagione)[\s._-]*\d{1,4}|s\d{1,2}|"
    r"\d{1,2}(?:st|nd|rd|th)[\s._-]*season)(?![a-z0-9])"
)
_SEASON_FIRST = re.compile(r"(?i)(?<![a-z0-9])(?:s\d{1,4}[ ._-]*e|\d{1,2}x\d)")  # S01E01 or 1x01 forms
_TRAILING_RANGE = re.compile(r"[\s._]+(?:-[\s._]*)?\d{1,4}-\d{1,4}[\s._-]*$")
_TRAILING_YEAR = re.compile(r"[\s._(\[-]+\(?((?:19|20)\d{2})\)?[\s._)\]-]*$")
_TRAILING_COUNTRY = re.compile(r"[\s._(\[-]+\(?(US|UK|GB|AU|NZ|CA|IE)\)?[\s._)\]-]*$")
_COUNTRY = {"US": "US", "UK": "GB", "GB": "GB", "AU": "AU", "NZ": "NZ", "CA": "CA", "IE": "IE"}
_TV_WORDS = frozenset(
    "tv series shows show serien séries anime tvshows miniseries season seasons saison staffel "
    "temporada cartoons".split()
)
# A leading bracket that holds only a year ("[2014] Taken 3 [720p]") is the film's year, not a group.
_FANSUB = re.compile(
    r"^\s*\[(?!\s*(?:19|20)\d{2}\s*\])[^\]]+\]|\[[0-9a-f]{8}\]|(?<![a-z])\d{1,4}v\d(?![a-z0-9])",
    re.IGNORECASE,
)

# Marker kinds, strongest first (a weaker kind is used only when no stronger one is in the name).
_STRONG = ("se", "words", "x")
_ORDER = (
    "se",
    "words",
    "x",
    "date",
    "season_dash",
    "dot",
    "ep",
    "part",
    "of",
    "range",
    "dash",
    "bare",
    "last",
)
_SEASON_WORD = re.compile(r"(?i)(?:season|saison|staffel|temporada|stagione|series)[ ._-]*$")


@dataclass(frozen=True)
class Marker:
    """One place in a name that numbers an episode."""

    kind: str
    start: int
    end: int
    season: int | None = None
    episode: int | None = None
    episode_end: int | None = None
    air_date: str | None = None


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    t = text.lower()
    return int(t) if t.isdigit() else _NUM_WORDS.get(t)


def _range(first: int, more: str) -> int | None:
    """The last episode of 'E01' + more ('E02', '-03', '-E03', 'x02', '-1x02'), or None for one episode."""
    if not more:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", re.sub(r"(?i)s\d+|\d{1,2}x", "", more))]
    ends = [n for n in numbers if first < n <= first + 40]
    return max(ends) if ends else None


def _date(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


# A clock time right after a date: a capture's timestamp ("bandicam 2020-03-04 12-13-14", "InShot_20210101_123456")
_TIME_AFTER = re.compile(r"^(?:[ _.T-]+\d{1,2}[-_.:h]\d{2}(?:[-_.:m]\d{2})?|_\d{6,})", re.IGNORECASE)


def _dates(stem: str) -> list[Marker]:
    out = [m for m in _all_dates(stem) if not _TIME_AFTER.match(stem[m.end :])]
    return out


def _all_dates(stem: str) -> list[Marker]:
    out = []
    for m in _DATE_YMD.finditer(stem):
        if d := _date(m["y"], m["m"], m["d"]):
            out.append(Marker("date", m.start(), m.end(), air_date=d))
    for m in _DATE_MDY.finditer(stem):
        if m["sep"] != "-" and (len(m["a"]) < 2 or len(m["b"]) < 2):
            continue  # "Jackass.3.5.2011": numbers of a title before its year; dotted dates are zero-padded
        a, b = int(m["a"]), int(m["b"])
        month, day = (b, a) if a > 12 else (a, b)  # 04-12-2011 is April 12th (Plex); 25.12.2011 is not
        if d := _date(m["y"], str(month), str(day)):
            out.append(Marker("date", m.start(), m.end(), air_date=d))
    for m in _DATE_COMPACT.finditer(stem):
        if d := _date(m["y"], m["m"], m["d"]):
            out.append(Marker("date", m.start(), m.end(), air_date=d))
    return out


def _in_brackets(stem: str, pos: int) -> bool:
    """Whether pos lies inside [...] or (...): release tags ('[H264+Aac-128]'), CRCs, resolutions."""
    depth = 0
    for ch in stem[:pos]:
        if ch in "[(":
            depth += 1
        elif ch in "])" and depth:
            depth -= 1
    return depth > 0


def find_markers(stem: str) -> list[Marker]:
    """Every episode marker of a file name without its extension, in name order."""
    found: list[Marker] = []
    for m in _SE.finditer(stem):
        first = int(m["e"])
        found.append(Marker("se", m.start(), m.end(), int(m["s"]), first, _range(first, m["more"])))
    for m in _WORDS.finditer(stem):
        found.append(Marker("words", m.start(), m.end(), int(m["s"]), int(m["e"])))
    for m in _X.finditer(stem):
        first = int(m["e"])
        found.append(Marker("x", m.start(), m.end(), int(m["s"]), first, _range(first, m["more"])))
    found += _dates(stem)
    for m in _SEASON_DASH.finditer(stem):
        season = int(m["s"] or m["s2"] or m["s3"])
        found.append(Marker("season_dash", m.start(), m.end(), season, int(m["e"])))
    for m in _DOT.finditer(stem):
        found.append(Marker("dot", m.start(), m.end(), int(m["s"]), int(m["e"])))
    for m in _EP.finditer(stem):
        if not _in_brackets(stem, m.start()):
            found.append(Marker("ep", m.start(), m.end(), None, int(m["e"])))
    for m in _PART.finditer(stem):
        if (n := _int(m["n"])) is not None:
            found.append(Marker("part", m.start(), m.end(), None, n))
    for m in _OF.finditer(stem):
        if not _SEASON_WORD.search(stem[: m.start()]):  # "Season.2of5" counts seasons
            found.append(Marker("of", m.start(), m.end(), None, int(m["n"])))
    for m in _RANGE.finditer(stem):
        first, end = int(m["e"]), int(m["last"] or m["end"])
        if _SEASON_WORD.search(stem[: m.start() + 1]):  # "Season.1-3" counts seasons
            continue
        if (
            first < end <= first + 60
            and not _NOT_EPISODE.match(m["e"])
            and not _in_brackets(stem, m.start("e"))
        ):
            found.append(Marker("range", m.start(), m.end(), None, first, end))
    for m in _DASH_NUMBER.finditer(stem):
        if not _NOT_EPISODE.match(m["e"]) and not _in_brackets(stem, m.start("e")):
            found.append(Marker("dash", m.start(), m.end(), None, int(m["e"])))
    if m := _BARE.match(stem):
        found.append(Marker("bare", m.start(), m.end(), None, int(m["e"])))
    for m in _LAST_NUMBER.finditer(stem):
        if not _NOT_EPISODE.match(m["e"]) and not _in_brackets(stem, m.start("e")):
            found.append(Marker("last", m.start(), m.end(), None, int(m["e"])))
            break
    # Markers overlapping a stronger one are part of it ("S01E01" also reads as "E01", a date as numbers).
    found.sort(key=lambda k: (_ORDER.index(k.kind), k.start))
    kept: list[Marker] = []
    for k in found:
        if not any(k.start < o.end and o.start < k.end for o in kept):
            kept.append(k)
    return sorted(kept, key=lambda k: k.start)


# --- folders ------------------------------------------------------------------------------------------


def folder_season(folder: str) -> tuple[int | None, bool]:
    """(season, is a year) of a season folder: 'Season 2' -> (2, False), 'Specials' -> (0, False),
    'Season 2011' -> (2011, True); (None, False) for any other folder."""
    if structural_folder(folder) != "season":
        return None, False
    low = folder.strip().lower()
    if low.startswith("special"):
        return 0, False
    m = re.search(r"\d{1,4}", low)
    if not m:
        return None, False
    n = int(m.group())
    return n, n >= 1900


@functools.lru_cache(maxsize=4096)
def _folder_show(folder: str) -> tuple[str | None, int | None, str | None]:
    """(title, year, country) a show folder names: 'Doctor Who (2005)', 'The Office US', 'Babylon 5',
    'Better.Call.Saul.S05.1080p.WEB-DL-NTb'. guessit's reading, unless it ate a number of the title
    ('12 Monkeys' -> 'Monkeys', 'The 100' -> 'The'): then the text before any marker or release tag."""
    try:
        g = dict(guessit(folder))
    except Exception:  # noqa: BLE001 - guessit/rebulk can raise on pathological input
        g = {}
    g_title = g.get("title")
    g_title = g_title[0] if isinstance(g_title, list) else g_title
    g_year = g.get("year") if isinstance(g.get("year"), int) else None
    g_country = getattr(g.get("country"), "alpha2", None)
    markers = [m for m in find_markers(folder) if m.kind in (*_STRONG, "date", "season_dash", "ep")]
    mine, year, country = _clean_prefix(folder[: min((m.start for m in markers), default=len(folder))])
    if isinstance(g_title, str) and g_title.strip() and not _number_cut(g_title, mine):
        return g_title.strip(), g_year or year, g_country or country
    if mine and year is None and g_year and normalize_title(mine) == str(g_year):
        g_year = None  # "1923": the title, not a year
    return (mine or None), g_year or year, g_country or country


@dataclass(frozen=True)
class _Place:
    """What the folders above a file say: the show folder, a season, TV hints."""

    show_folder: str | None  # the nearest folder that is neither a season folder nor a library folder
    season: int | None  # from the nearest season folder
    season_is_year: bool
    in_season_folder: bool  # the file sits in a season folder directly below the show folder
    tv_hint: bool  # a season folder, or a library folder named TV / Series / Anime
    show_in_library: bool  # the show folder sits at the top of the library, or in a TV / Anime folder


def _place(folders: list[str], show_folder: str | None) -> _Place:
    season, is_year, in_season = None, False, False
    tv = False
    for i, folder in enumerate(reversed(folders)):
        s, y = folder_season(folder)
        if s is not None and season is None and not (show_folder and folder == show_folder):
            season, is_year = s, y
            in_season = in_season or i == 0 or (i == 1 and structural_folder(folders[-1]) == "disc")
            tv = True
        if _tv_folder(folder):
            tv = True
    at_top = False
    # The show folder holds the file, or the season folder that holds it; a release folder such as
    # "Show.S02E06.720p" is no show folder.
    adjacent = bool(folders) and (
        folders[-1] == show_folder or (len(folders) > 1 and folders[-2] == show_folder and in_season)
    )
    if adjacent and not any(m.kind in (*_STRONG, "date") for m in find_markers(show_folder)):
        i = len(folders) - 1 - folders[::-1].index(show_folder)
        at_top = i == 0 or _tv_folder(folders[i - 1])
    return _Place(show_folder, season, is_year, in_season, tv, at_top)


def _tv_folder(folder: str) -> bool:
    """A library folder for shows: 'TV', 'TV Shows', 'Series', 'Anime', 'Serien'."""
    words = set(normalize_title(folder).split())
    return bool(words & _TV_WORDS) and is_generic_folder(folder)


# --- titles -------------------------------------------------------------------------------------------


def _clean_prefix(text: str) -> tuple[str, int | None, str | None]:
    """(title, year, country) from the text before a marker: '[Group] Doctor.Who.2005.' -> ('Doctor Who',
    2005, None); 'The.Office.US.' -> ('The Office', None, 'US'); release tags, a season word and a fansub
    range before the marker are not the title ('Show - Stagione 6 (2016) 720p', 'Show.313-315.')."""
    text = _BRACKETS.sub("", text)
    text = text.replace("_", " ")
    # Dots separate words, except inside acronyms (S.H.I.E.L.D.) and dotted numbers (11.22.63).
    text = re.sub(r"(?<![A-Za-z0-9]\.[A-Za-z])\.(?![A-Za-z]\.)(?!(?<=\d\.)\d)", " ", text)
    text = re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z]{2})", " ", text)
    for cut in (_TECH_TOKEN.search(text), _SEASON_IN_TITLE.search(text)):
        if cut and text[: cut.start()].strip(" -([{"):
            text = text[: cut.start()]
    text = _TRAILING_RANGE.sub("", text) if _TRAILING_RANGE.sub("", text).strip(" -") else text
    text = text.strip(" -–—:([{")
    year = country = None
    for _ in range(2):
        if m := _TRAILING_YEAR.search(text):
            if text[: m.start()].strip(" -"):
                year, text = int(m.group(1)), text[: m.start()].strip(" -")
        if m := _TRAILING_COUNTRY.search(text):
            if text[: m.start()].strip(" -"):
                country, text = _COUNTRY[m.group(1).upper()], text[: m.start()].strip(" -")
    return " ".join(text.split()), year, country


def _words(text: str | None) -> list[str]:
    return normalize_title(text).split()


def _covered(stem: str, title: str | None) -> int:
    """How far into the name a show title runs ('Mob.Psycho.100 - 05' with 'Mob Psycho 100' -> 14), so
    that a number inside it is never taken for an episode; 0 when the name does not start with it."""
    want = " ".join(_words(title))
    if not want:
        return 0
    m = _BRACKETS.match(stem)
    start = m.end() if m else 0
    for end in range(start + 1, len(stem) + 1):
        if end < len(stem) and stem[end].isalnum():
            continue
        have = normalize_title(stem[start:end])
        if have == want:
            return end
        if not want.startswith(have):
            return 0
    return 0


def _number_cut(short: str | None, full: str | None) -> bool:
    """Whether ``full`` is ``short`` with a number guessit took for an episode put back: 'Monkeys' /
    '12 Monkeys', 'Fairy Tail' / 'Fairy Tail 100 Years Quest', 'The' / 'The 100'."""
    s, f = _words(short), _words(full)
    if not s or len(f) <= len(s):
        return False
    if f[: len(s)] == s:
        return f[len(s)].isdigit()
    return f[-len(s) :] == s and all(w.isdigit() for w in f[: -len(s)])


def _same_show(a: str | None, b: str | None) -> bool:
    return bool(a and b) and sort_title(a) == sort_title(b)


def _contains_words(big: str | None, small: str | None) -> bool:
    s = " ".join(_words(small))
    return bool(s) and f" {s} " in f" {' '.join(_words(big))} "


def _overlap(a: str | None, b: str | None) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# --- the reading ----------------------------------------------------------------------------------------


def _choose(
    markers: list[Marker], covered: int, parsed: Parsed, place: _Place, stem: str
) -> tuple[Marker | None, Marker | None]:
    """(the marker that numbers the episode, the air date marker); None where the name has none."""
    usable = [m for m in markers if m.start >= covered or m.kind in _STRONG]
    fansub = bool(_FANSUB.search(stem))
    tv = place.tv_hint or parsed.kind == "episode" or fansub
    numbering = None
    for kinds, needs_tv in (
        (_STRONG, False),
        (("season_dash",), False),
        (("dot",), True),
        (("ep",), False),
        (("of",), False),
        (("part",), "folder"),
        (("range", "dash"), True),
        (("bare",), True),
        (("last",), True),
    ):
        if (needs_tv and not tv) or (kinds == ("bare",) and place.season is None):
            continue
        if needs_tv == "folder" and not place.tv_hint:
            continue  # "300 part1.mkv" is a film in two files unless a TV folder says otherwise
        if kinds == ("last",) and not (place.tv_hint or fansub):
            continue
        numbering = next((m for m in usable if m.kind in kinds), None)
        if numbering is not None:
            break
    date = next((m for m in usable if m.kind == "date"), None)
    if date is not None and numbering is None and not tv and not _clean_prefix(stem[: date.start])[0]:
        date = None  # "2019-07-04 Fireworks.mp4": a dated home video, not a daily show
    if date is not None and numbering is not None and numbering.kind not in (*_STRONG, "season_dash"):
        if numbering.start > date.start:
            numbering = None  # "Show.2016.05.23.Into.The.Fog.Part.1": the part is the episode's title
    return numbering, date


def _title_from(
    stem: str, marker: Marker | None, parsed: Parsed, g: dict[str, Any], supported: bool
) -> tuple[str | None, int | None, str | None]:
    """(title, year, country) of the name: the text before the marker, or guessit's when that agrees."""
    guess_title = parsed.title if parsed.title_from == "file" else None
    if marker is None:
        return guess_title, parsed.year, parsed.country
    prefix = stem[: marker.start]
    mine, year, country = _clean_prefix(prefix)
    if parsed.year and str(parsed.year) not in prefix:
        # A year after the episode's own title ("Show - S00E01 - Redemption (2008)") dates the episode.
        after = re.search(rf"(?<![0-9]){parsed.year}(?![0-9])", stem[marker.end :])
        between = stem[marker.end : marker.end + after.start()] if after else ""
        if re.search(r"[^\W\d_]{2}", between) and not re.search(r"[\[\]()]", between[:-1]):
            if not _RELEASE_TOKEN.search(between):
                parsed = replace(parsed, year=None)
    if not mine:  # "S01E05.mkv": the show folder names the show (guessit's title here is release junk)
        return guess_title, parsed.year, parsed.country
    if not guess_title or normalize_title(guess_title) == normalize_title(mine):
        return guess_title or mine, year or parsed.year, country or parsed.country
    if not _contains_words(prefix, guess_title):
        return mine, year, country  # guessit's title ran past the marker, or came from elsewhere
    if _number_cut(guess_title, mine) and (supported or _guessit_confused(g, marker)):
        return mine, year or parsed.year, country or parsed.country  # guessit cut a number off the title
    return guess_title, parsed.year, parsed.country


def _guessit_confused(g: dict[str, Any], marker: Marker) -> bool:
    """guessit read more episode numbers than the marker holds ('Fairy Tail 100 Years Quest - 01' -> 0, 1)."""
    if marker.kind == "date" or marker.episode is None:
        return False
    episodes = g.get("episode")
    listed = [e for e in (episodes if isinstance(episodes, list) else [episodes]) if isinstance(e, int)]
    last = marker.episode_end or marker.episode
    return any(not marker.episode <= e <= last for e in listed)


def _show_from_folder(
    title: str | None, year: int | None, country: str | None, place: _Place, folder_text: str | None
) -> tuple[str | None, int | None, str | None, bool]:
    """The show folder's title when it names this file's show better: (title, year, country, from folder)."""
    if not folder_text:
        return title, year, country, False
    f_title, f_year, f_country = _folder_show(folder_text)
    if not f_title:
        return title, year, country, False
    if title is None:
        return f_title, f_year or year, f_country or country, True
    if _same_show(title, f_title):
        return title, year or f_year, country or f_country, False
    if _contains_words(title, f_title):
        return title, year, country, False  # the name is more precise ("Star Trek The Next Generation")
    structured = place.in_season_folder or place.show_in_library  # a show folder as the guides lay them out
    if _contains_words(f_title, title) and (not structured or (year and not f_year)):
        # "Downloads/Doctor Who Classic/Doctor.Who.S12E03", "Doctor Who Classic/Season 12/Doctor.Who.1963.S12E01"
        # (the year pins the show): the folder's longer name is an alternative.
        return title, year, country, False
    if structured or _overlap(title, f_title) >= 0.5:
        return f_title, f_year or year, f_country or country, True
    return title, year, country, False


def _alternatives(parsed: Parsed, title: str | None, own: str | None) -> tuple[str, ...]:
    alts = [a for a in parsed.alternative_titles if not re.search(r"(?i)\bpart\b", a)]
    if own and title and normalize_title(own) != normalize_title(title) and own not in alts:
        alts.insert(0, own)
    return tuple(a for a in alts if a and a != title)


def read_episode(
    parsed: Parsed,
    stem: str,
    folders: list[str] | tuple[str, ...],
    show_folder: str | None,
    folder_text: str | None,
    g: dict[str, Any],
) -> Parsed:
    """The parse of a file with its TV reading settled (see the module docstring).

    ``stem`` is the file name without its extension (ids cut out), ``folders`` the folders above it,
    ``show_folder``/``folder_text`` the parser's title folder and its text without ids, ``g`` guessit's
    answer. Films (no marker, and guessit did not see an episode either) come back unchanged.
    """
    stem = stem.strip()
    place = _place(list(folders), show_folder)
    markers = find_markers(stem)
    if not markers and parsed.kind != "episode":
        return parsed  # no marker to choose from: a film (the show folder's guessit reading is not needed)
    f_title = _folder_show(folder_text)[0] if folder_text else None
    covered = _covered(stem, f_title) if f_title else 0
    marker, date = _choose(markers, covered, parsed, place, stem)
    if marker is None and date is None and parsed.kind != "episode":
        return parsed
    season, episode, episode_end = _numbers(marker, parsed, place, g, covered, stem)
    if marker is None and date is not None and date.air_date:
        y, m, d = (int(x) for x in date.air_date.split("-"))
        if season in (y, m, d) or episode in (m, d) or (season or 0) >= 1900:
            season = episode = episode_end = None  # guessit read the date's parts as season/episode
    if season is None and episode is None and date is None:
        return parsed
    title, year, country = _title_from(stem, marker or date, parsed, g, covered > 0)
    own = title
    title, year, country, from_folder = _show_from_folder(title, year, country, place, folder_text)
    if not from_folder and f_title and not _same_show(title, f_title) and _contains_words(f_title, title):
        own = f_title  # the folder's longer name helps the matcher tell same-named shows apart
    if year is not None and (
        normalize_title(title) == str(year) or (date and date.air_date[:4] == str(year))
    ):
        year = None  # "1923.S01E01" names the show; "Show.2011.04.12" dates the episode, not the show
    episode_title = _episode_title(parsed, stem, marker or date)
    if marker is None and date is None and from_folder and own and not episode_title:
        episode_title, own = own, None  # "Season 1/Carentan.mkv": the name is the episode's title
    return replace(
        parsed,
        kind="episode",
        title=title,
        year=year,
        country=country,
        season=season,
        episode=episode,
        episode_end=episode_end,
        absolute=_absolute(season, episode, date, stem),
        air_date=date.air_date if date else None,
        episode_title=episode_title,
        title_from="folder" if from_folder else parsed.title_from if title == parsed.title else "file",
        alternative_titles=_alternatives(parsed, title, own),
    )


def _absolute(season: int | None, episode: int | None, date: Marker | None, stem: str) -> int | None:
    """The absolute number the name gives: an episode with no season, or the number a compact reading
    split ("Bleach - 367" read as S03E67: TMDb's counts decide which it is)."""
    if episode is None or date is not None:
        return None
    if season is None:
        return episode
    written = f"{season}{episode:02d}"
    if season < 100 and not _SEASON_FIRST.search(stem):
        if re.search(rf"(?<![0-9a-z.]){written}(?![0-9])", stem, re.IGNORECASE):
            return int(written)
    return None


def _guessit_numbers(g: dict[str, Any], covered: int, stem: str) -> tuple[int | None, list[int]]:
    """guessit's season and episodes, without a number that is the show title's ('Mob Psycho 100')."""
    episodes = g.get("episode")
    listed = [e for e in (episodes if isinstance(episodes, list) else [episodes]) if isinstance(e, int)]
    if covered:
        title_numbers = set(re.findall(r"\d+", stem[:covered]))
        listed = [e for e in listed if str(e) not in title_numbers]
    season = g.get("season")
    season = season[0] if isinstance(season, list) and season else season
    return (season if isinstance(season, int) else None), listed


def _numbers(
    marker: Marker | None, parsed: Parsed, place: _Place, g: dict[str, Any], covered: int, stem: str
) -> tuple[int | None, int | None, int | None]:
    """(season, episode, last episode) from the chosen marker, the season folder and guessit."""
    folder_season = None if place.season_is_year else place.season
    g_season, listed = _guessit_numbers(g, covered, stem)
    if marker is None:
        # guessit's own reading ("The Office [401]", "Show - 101 - Pilot"), unless its number is the title's.
        season = g_season if g_season is not None else folder_season
        if season is not None and season >= 1900 and place.season_is_year:
            season = None
        if not listed:
            return season, None, None
        end = max(listed) if len(listed) > 1 and max(listed) - min(listed) < 40 else None
        return season, min(listed), end
    season, episode = marker.season, marker.episode
    if marker.kind in ("dash", "last", "bare", "range") and episode is not None and episode >= 100:
        # "205" is season 2 episode 5 in a Season 2 folder, or where guessit reads it so; else absolute.
        text = str(episode)
        if folder_season and text.startswith(str(folder_season)) and len(text) - len(str(folder_season)) == 2:
            season, episode = folder_season, episode % 100
        elif folder_season is None and g_season == episode // 100 and listed == [episode % 100]:
            season, episode = g_season, episode % 100
    if season is None:
        season = folder_season
    if season is None and marker.kind in ("ep", "of"):
        season = g_season  # "Something.Season.2.1of4", "Show S2 (Ep 6)": a season word guessit read
    if season is None and marker.kind == "part":
        season = (
            1  # a miniseries' part is its season 1 (Plex, Kodi); "1 of 6" stays unnumbered, as guessit says
        )
    return season, episode, marker.episode_end


def _episode_title(parsed: Parsed, stem: str, marker: Marker | None) -> str | None:
    """The words after the marker (' - Title', '.Title.720p'), else guessit's episode title."""
    if marker is None:
        return parsed.episode_title
    rest = stem[marker.end :]
    m = re.match(r"^[ ._]*-[ ._]*([^\[\](){}]+?)(?:[ ._]*[\[({].*)?$", rest)
    text = m.group(1).strip(" ._-") if m else ""
    cut = _RELEASE_TOKEN.search(text)
    text = text[: cut.start()].strip(" ._-") if cut else text
    if text and re.search(r"[^\W\d_]", text) and len(text) <= 120:
        return text
    if parsed.episode_title and normalize_title(parsed.episode_title) in normalize_title(rest):
        return parsed.episode_title
    return None
