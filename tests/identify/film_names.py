"""Release names for real films, written the many ways people and release groups write them.

``names_for(film, rng)`` gives labelled rows (the row format of ``tests/data/identify/README.md``) for one
film: clean names as a person or a media server writes them (``Title (Year)/Title (Year) - 1080p.mkv``,
``Title, The (Year).avi``), release names as groups and trackers write them (scene dots, YIFY, P2P tags,
languages, editions before or after the year, the year first, site prefixes, lowercase with underscores)
and generic file names in a titled folder (``Title (Year)/movie-2160p.mkv``). Titles go through the
transformations people apply: a colon written as `` -`` (``10:30`` as ``10 -30``) or dropped, punctuation
dropped, the article moved to the end, "Episode V" left out of ``Star Wars: Episode V - ...``.

Each row's ``category`` is the style family (``clean``, ``release``, ``generic``) and ``style`` the exact
template, so a report can say which way of writing names is missed. Everything is driven by the ``rng``
passed in, so a seed gives the same rows.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Film:
    tmdb_id: int
    title: str  # as the catalog (TMDb) has it
    year: int


ROOTS = ("", "Movies/", "Films/", "Downloads/", "Media/Movies/", "Plex/Movies/", "Torrents/complete/",
         "NAS/video/", "Jellyfin/Movies/", "USB Drive/")  # fmt: skip
RESOLUTIONS = ("1080p", "1080p", "720p", "2160p", "480p")
GROUPS = ("SPARKS", "GECKOS", "AMIABLE", "RARBG", "FGT", "NTb", "EVO", "CMRG", "DON", "CtrlHD", "W4F",
          "ROVERS", "VETO", "BLOW", "DRONES", "iNFAMOUS", "TiTAN", "SWTYBLZ", "TERMiNAL", "HANDJOB")  # fmt: skip
EDITIONS = ("Directors.Cut", "Extended", "Final.Cut", "Theatrical.Cut", "Unrated", "Remastered", "IMAX",
            "Special.Edition", "Extended.Cut", "Ultimate.Edition", "Criterion", "Uncut", "Open.Matte")  # fmt: skip
LANGUAGES = ("German.DL", "MULTi", "FRENCH", "iTALiAN", "SPANiSH", "GERMAN", "TRUEFRENCH", "NORDiC")
SITES = ("[ www.Speed.cd ] - ", "www.Torrenting.com - ", "[720pMkv.Com]_", "[nextorrent.org] ",
         "www.TamilRockers.ws - ", "[ UsaBit.com ] - ")  # fmt: skip
_ARTICLES = ("The", "A", "An")
_MIDDLE = re.compile(
    r"^(?P<head>.+?):\s+(?:Episode|Chapter|Part|Vol\.?|Volume|Book)\s+[\w.]+\s+-\s+(?P<tail>.+)$"
)


# --- how people write a title ------------------------------------------------------------------------


def plex(title: str) -> str:
    """A title in a file name: a colon written as ' -', characters Windows forbids dropped."""
    t = title.replace(":", " -").replace("/", "-").replace("\\", "-")
    t = re.sub(r'[?*"<>|]', "", t)
    return " ".join(t.split()).strip(" .")


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def plain(title: str) -> str:
    """Scene style words: ASCII, no punctuation but hyphens inside words, '&' as 'and'."""
    t = ascii_fold(title.replace("\u00b7", " ")).replace("&", " and ").replace("/", " ")
    t = re.sub(r"\s+-\s+|:", " ", t)
    t = re.sub(r"[^\w\s.-]|(?<!\w)-|-(?!\w)", "", t)
    t = re.sub(r"(?<=\w)\.(?=\s|$)", "", t)  # 'Dr. Strangelove' -> 'Dr Strangelove'
    return " ".join(t.split())


def dotted(title: str) -> str:
    return ".".join(plain(title).split())


def flipped(title: str) -> str:
    """'The Matrix' -> 'Matrix, The' (archives and old Windows collections)."""
    head, _, rest = title.partition(" ")
    return f"{rest}, {head}" if head in _ARTICLES and rest else title


def short_title(title: str) -> str | None:
    """'Star Wars: Episode V - The Empire Strikes Back' -> 'Star Wars - The Empire Strikes Back'."""
    m = _MIDDLE.match(title)
    return f"{m.group('head')} - {m.group('tail')}" if m else None


# --- styles ------------------------------------------------------------------------------------------

Style = Callable[[Film, random.Random], list[str]]


def _res(rng: random.Random) -> str:
    return rng.choice(RESOLUTIONS)


def _grp(rng: random.Random) -> str:
    return rng.choice(GROUPS)


def _tags(rng: random.Random) -> str:
    return rng.choice((
        f"{_res(rng)}.BluRay.x264-{_grp(rng)}", f"{_res(rng)}.WEB-DL.DD5.1.H264-{_grp(rng)}",
        f"{_res(rng)}.AMZN.WEB-DL.DDP5.1.H.264-{_grp(rng)}", f"BDRip.x264-{_grp(rng)}", f"DVDRip.XviD-{_grp(rng)}",
        f"{_res(rng)}.BluRay.REMUX.AVC.DTS-HD.MA.5.1-{_grp(rng)}", "2160p.UHD.BluRay.x265.10bit.HDR.DTS-HD.MA.5.1-"
        f"{_grp(rng)}", f"HDRip.XviD.AC3-{_grp(rng)}", f"{_res(rng)}.BrRip.x264.AAC-{_grp(rng)}",
    ))  # fmt: skip


def clean_plex(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    return [
        f"{rng.choice(ROOTS)}{t} ({f.year})/{t} ({f.year}){rng.choice(('', ' - ' + _res(rng), ' [' + _res(rng) + ']', ' Bluray-1080p', ' - 4K', ' WEBDL-720p'))}.{rng.choice(('mkv', 'mkv', 'mp4', 'avi'))}"
    ]  # noqa: E501


def clean_loose(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    return [f"{rng.choice(ROOTS)}{t} ({f.year}).{rng.choice(('mkv', 'mp4', 'avi', 'm4v'))}"]


def clean_brackets(f: Film, rng: random.Random) -> list[str]:
    return [f"{rng.choice(ROOTS)}{plex(f.title)} [{f.year}].mkv"]


def clean_flipped(f: Film, rng: random.Random) -> list[str]:
    t = flipped(plex(f.title))
    return [f"Archive/{t} ({f.year})/{t} ({f.year}).avi"]


def clean_folder_year(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    return [f"{rng.choice(ROOTS)}{t} ({f.year})/{t}.{rng.choice(('mkv', 'mp4'))}"]


def clean_edition(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    ed = rng.choice(EDITIONS).replace(".", " ")
    form = rng.choice(
        (f"{t} ({f.year}) - {ed}", f"{t} ({f.year}) {{edition-{ed}}}", f"{t} ({f.year}) [{ed}]")
    )
    return [f"{rng.choice(ROOTS)}{t} ({f.year})/{form}.mkv"]


def clean_short(f: Film, rng: random.Random) -> list[str]:
    """The title without the 'Episode V' in its middle, as people shorten saga names."""
    short = short_title(f.title)
    if short is None:
        return []
    return [
        rng.choice(
            (f"{rng.choice(ROOTS)}{plex(short)} ({f.year}).mkv", f"[{f.year}] {plex(short)} [720p].mkv")
        )
    ]


def release_scene(f: Film, rng: random.Random) -> list[str]:
    name = f"{dotted(f.title)}.{f.year}.{_tags(rng)}"
    return [rng.choice((f"Downloads/{name}/{name}.mkv", f"{rng.choice(ROOTS)}{name}.mkv"))]


def release_edition_after(f: Film, rng: random.Random) -> list[str]:
    return [f"{rng.choice(ROOTS)}{dotted(f.title)}.{f.year}.{rng.choice(EDITIONS)}.{_tags(rng)}.mkv"]


def release_edition_before(f: Film, rng: random.Random) -> list[str]:
    ed = rng.choice((*EDITIONS, "The.Final.Cut", "Directors.Cut", "EXTENDED", "UNRATED"))
    return [f"{rng.choice(ROOTS)}{dotted(f.title)}.{ed}.{f.year}.{_tags(rng)}.mkv"]


def release_yify(f: Film, rng: random.Random) -> list[str]:
    res = rng.choice(("720p", "1080p", "2160p"))
    t = plain(f.title)
    return [rng.choice((
        f"{t} ({f.year}) [{res}] [BluRay] [YTS.MX]/{dotted(f.title)}.{f.year}.{res}.BluRay.x264.AAC-[YTS.MX].mp4",
        f"{t} ({f.year}) {res} BrRip x264 - YIFY.mp4",
        f"{t} ({f.year}) {res} BrRip x264 - 1.7GB - YIFY.mp4",
        f"{dotted(f.title)}.{f.year}.{res}.BluRay.x264-[YTS.AG].mp4",
    ))]  # fmt: skip


def release_year_first(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    return [rng.choice((f"[{f.year}] {t} [720p].mkv", f"({f.year}) {t}.avi", f"{f.year} - {t} [1080p].mkv"))]


def release_lower(f: Film, rng: random.Random) -> list[str]:
    t = plain(f.title).lower()
    return [rng.choice((
        f"{t.replace(' ', '_')}_{f.year}.avi",
        f"{rng.choice(GROUPS).lower()}-{t.replace(' ', '.')}.{f.year}.{_res(rng)}.bluray.x264.mkv",
        f"{t.replace(' ', '.')}.{f.year}.{_res(rng)}.web.h264-{rng.choice(GROUPS).lower()}.mkv",
    ))]  # fmt: skip


def release_p2p(f: Film, rng: random.Random) -> list[str]:
    t = plain(f.title)
    d = dotted(f.title)
    return [rng.choice((
        f"{t} {f.year} {_res(rng)} BRRip x264 AC3-JYK.mkv",
        f"{t} [{f.year}] DVDRip XViD-ViCKY.avi",
        f"{d}.{f.year}.HDRip.XViD-juggs[ETRG].avi",
        f"{t} ({f.year}) Dual Audio WEB-DL 720p MKV x264.mkv",
        f"{t} ({f.year}) 720p BluRay - x265 HEVC - 999MB - ShAaNi.mkv",
        f"{t} ({f.year}) HC - 720p HDRiP - 900MB - ShAaNi.mkv",
        f"{d}.{f.year}.3D.1080p.BRRip.SBS.x264.AAC-ETRG.mkv",
        f"{t}({f.year}).1080p.Dual Audio(Hindi+English) 5.1 Audios.mkv",
        f"{t} {f.year} TELESYNC x264 AC3 MAXPRO.avi",
        f"{t} (HdRip - {f.year}).avi",
        f"{d}.{f.year}.{rng.choice(('HC.HDRip', 'R5.DVDRip', 'WBBRip', 'DVDScr'))}.XViD.AC3-{_grp(rng)}.avi",
    ))]  # fmt: skip


def release_language(f: Film, rng: random.Random) -> list[str]:
    return [f"{dotted(f.title)}.{f.year}.{rng.choice(LANGUAGES)}.{_res(rng)}.BluRay.x264-{_grp(rng)}.mkv"]


def release_site(f: Film, rng: random.Random) -> list[str]:
    return [f"{rng.choice(SITES)}{dotted(f.title)}.{f.year}.{_tags(rng)}.mkv"]


def generic_in_folder(f: Film, rng: random.Random) -> list[str]:
    t = plex(f.title)
    name = rng.choice(("movie.mkv", "movie-2160p.mkv", "video-576p.avi", "video.mp4", "film-1080p.mkv",
                       "title_t00.mkv", "VIDEO_TS/VTS_01_1.VOB", "movie-720p.mkv"))  # fmt: skip
    return [f"{rng.choice(ROOTS)}{t} ({f.year})/{name}"]


def generic_beside(f: Film, rng: random.Random) -> list[str]:
    """A named file and a generic one side by side in the film's folder."""
    t = plex(f.title)
    folder = f"{rng.choice(ROOTS)}{t} ({f.year})"
    return [f"{folder}/{t} ({f.year}) - 1080p.mkv", f"{folder}/{rng.choice(('video-576p.avi', 'movie.mkv'))}"]


STYLES: dict[str, tuple[str, Style]] = {
    "plex": ("clean", clean_plex),
    "loose": ("clean", clean_loose),
    "brackets": ("clean", clean_brackets),
    "flipped": ("clean", clean_flipped),
    "folder_year": ("clean", clean_folder_year),
    "edition": ("clean", clean_edition),
    "short": ("clean", clean_short),
    "scene": ("release", release_scene),
    "edition_after": ("release", release_edition_after),
    "edition_before": ("release", release_edition_before),
    "yify": ("release", release_yify),
    "year_first": ("release", release_year_first),
    "lower": ("release", release_lower),
    "p2p": ("release", release_p2p),
    "language": ("release", release_language),
    "site": ("release", release_site),
    "generic": ("generic", generic_in_folder),
    "beside": ("generic", generic_beside),
}


def row(path: str, film: Film, category: str, style: str) -> dict[str, Any]:
    return {"path": path, "tmdb_id": film.tmdb_id, "kind": "movie", "role": "version", "category": category,
            "style": style, "size": 1_500_000_000}  # fmt: skip


def names_for(film: Film, rng: random.Random, styles: list[str] | None = None) -> list[dict[str, Any]]:
    """Labelled rows for ``film`` in the given styles (default: one clean, one release, maybe one more)."""
    if styles is None:
        clean = [s for s, (c, _) in STYLES.items() if c == "clean"]
        release = [s for s, (c, _) in STYLES.items() if c == "release"]
        styles = [rng.choice(clean), rng.choice(release)]
        if short_title(film.title):
            styles.append("short")
        if rng.random() < 0.2:
            styles.append(rng.choice(("generic", "beside")))
    out: list[dict[str, Any]] = []
    for style in styles:
        category, make = STYLES[style]
        out += [row(p, film, category, style) for p in make(film, rng)]
    return out
