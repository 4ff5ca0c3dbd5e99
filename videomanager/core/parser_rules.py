"""Token rules behind the name parser: folders, generic and personal names, ids, resolution, HDR, editions.

Pure regex/set logic on strings (no guessit call here), so each rule is cheap and testable alone.

Resolution policy (`normalize_resolution`, `resolution_from`), chosen to agree with Radarr:
* interlaced counts as its progressive size (1080i -> 1080p);
* sizes round DOWN to the nearest class: 1440p -> 1080p, 900p/960p -> 720p, 540p/360p -> 480p,
  4320p/8K -> 2160p (a 540p web-anime release is SD, as Radarr says);
* no size in the name: sources that only exist in one size decide it (Ultra HD Blu-ray -> 2160p,
  HD-DVD and untouched Blu-ray discs/remuxes -> 1080p, DVD/SDTV/PDTV/DSR/VHS -> 480p or 576p when PAL,
  "HD TV" and HR.PDTV -> 720p, bare scene "HDTV" -> 480p), then Xvid/DivX/.avi -> 480p;
  anything else (WEB, BDRip, CAM) stays None rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from videomanager.core.text import normalize_title

# --- folders -----------------------------------------------------------------------------------

_SEASON_FOLDER = re.compile(
    r"^(?:season|saison|series|serie|staffel|temporada|stagione|seizoen|sezon|s)[\s._-]*\d{1,4}\b"
    r"|^specials?$",
    re.IGNORECASE,
)
_DVD_FOLDERS = {"video_ts", "audio_ts"}
_BLURAY_FOLDERS = {"bdmv", "stream", "playlist", "clipinf", "backup", "certificate", "aacs", "meta"}
_DISC_FOLDER = re.compile(r"^(?:cd|dvd|disc|disk|part|pt)[\s._-]*\d{1,2}$", re.IGNORECASE)
# Every word of a library folder is one of these: "Movies 4K", "TV Shows", "Behind The Scenes".
_LIBRARY_WORDS = frozenset(
    "movies movie films film filme videos video downloads download complete completed incoming torrents "
    "uhd hd sd fhd hdr tv shows show series serien tvshows anime documentaries documentary docs kids "
    "family extras extra featurettes featurette behind the scenes deleted interviews shorts trailers "
    "trailer samples sample other others misc new media library public users home mnt volumes storage "
    "nas share shared data my desktop documents recordings dvd dvds bluray blurays remux remuxes "
    "collection collections bonus english french german peliculas séries seriale and of".split()
)
_RESOLUTION_WORD = re.compile(r"^(?:\d{3,4}[pi]|[48]k|\d+)$")


def structural_folder(name: str) -> str | None:
    """'season' for Season/Saison/Staffel folders, 'dvd'/'bluray' for disc trees, 'disc' for CD1."""
    low = name.strip().lower()
    if _SEASON_FOLDER.match(low):
        return "season"
    if low in _DVD_FOLDERS:
        return "dvd"
    if low in _BLURAY_FOLDERS:
        return "bluray"
    if _DISC_FOLDER.match(low):
        return "disc"
    return None


def looks_obfuscated(name: str) -> bool:
    """Usenet-style scrambled names ('XD607ebb-BRc59935-5155473f-1c5f49'): hashes, not titles."""
    if re.search(r"[\s.]", name.strip()):
        return False
    chunks = [c for c in re.split(r"[-_]+", name) if c]
    mixed = [c for c in chunks if len(c) >= 5 and re.search(r"\d", c) and re.search(r"[a-z]", c, re.I)]
    return len(mixed) >= 2 and 2 * len(mixed) >= len(chunks)


# A name and a year in brackets, or a year followed by release tags: a film's folder, whatever its words.
_TITLED = re.compile(
    r"^(?=.*[^\W_]).+?[\s._]*(?:[(\[](?:19|20)\d{2}[)\]]|[\s._](?:19|20)\d{2}[\s._]+(?:\d{3,4}[pi]|bluray|"
    r"blu-ray|web|webrip|web-dl|dvdrip|bdrip|brrip|hdtv|remux|x264|x265)\b)",
    re.IGNORECASE,
)


def names_a_title(name: str) -> bool:
    """Words with a year in brackets beside them, or a year and release tags: a film's name, whatever the
    words ("Home (2009)", "Movie 43 (2013)", "V-H-S-2 [2013]", "9 (2009)")."""
    return bool(_TITLED.match(name.strip()))


def is_generic_folder(name: str) -> bool:
    """A folder that names no title ("Movies", "Movies 4K", "Downloads", "2019", "1080p", a hash).

    With a year beside it a folder names a film, whatever its words: "Home (2009)", "9 (2009)",
    "Movie 43 (2013)", "1-900 (1994)".
    """
    if looks_obfuscated(name):
        return True
    if names_a_title(name):
        return False
    words = normalize_title(name).split()
    return all(w in _LIBRARY_WORDS or _RESOLUTION_WORD.match(w) for w in words)


# --- generic and personal file names -----------------------------------------------------------

_STEM_WORDS = frozenset(
    "movie film video feature main title titles track vts stream bdmv clip disc disk cd part pt file "
    "output untitled export index t uhd hd fhd sd hdr hdr10 dv bluray bdrip brrip web webdl webrip dl "
    "dvd dvdrip hdtv remux x264 x265 h264 h265 hevc avc xvid divx aac ac3 dts atmos mkv mp4 m2ts vob "
    "bit".split()
)
_STEM_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_TECH_TOKEN = re.compile(r"^(?:\d+|[a-z])$")


def is_generic_stem(stem: str) -> bool:
    """The name holds no title: movie, film, video-1080p, VTS_01_1, 00001, title00, B1_t00, 1080p."""
    if looks_obfuscated(stem):
        return True
    words = _STEM_TOKEN.findall(stem.casefold())
    return all(w in _STEM_WORDS or _TECH_TOKEN.match(w) or w in {"p", "i", "k"} for w in words)


_PERSONAL = re.compile(
    r"^(?:gopro[\s_-]*)?(?:"
    r"(?:VID|IMG|PXL|MVI|MOV|DSC[FN]?|DJI|MAH|MVC|SAM|WP|GOPR|G[HXPS]|CIMG|PICT|HPIM|SANY|MOVI|M2U|REC)"
    r"[_\-\s]?E?\d{3,}(?:$|[_\-\s.(~])"
    r"|C\d{4}(?:$|[_\-\s.])|P\d{7}(?:$|[_\-\s.])"
    r"|\d{8}[_-]\d{6}|\d{4}-\d{2}-\d{2}[ _]\d{2}[.:-]\d{2}[.:-]\d{2}"
    r"|RPReplay|screen[\s_-]?(?:recording|capture|shot)|bildschirmaufnahme|whatsapp[\s_-]video"
    r"|signal-\d{4}|trim\.|vlc-record|vlcsnap)",
    re.IGNORECASE,
)


_PERSONAL_FOLDERS = {
    "dcim", "camera", "camera roll", "camera uploads", "home videos", "home video", "family videos",
    "whatsapp video", "whatsapp videos", "screen recordings", "screenrecorder", "screenrecords", "snapchat",
    "telegram video", "gopro", "movies (camera)", "avchd", "dashcam", "camcorder",
}  # fmt: skip


def is_personal_folder(folder: str) -> bool:
    """A folder that holds a camera's or phone's own videos (DCIM/, Camera Roll/, Home Videos/)."""
    return (folder or "").strip().casefold() in _PERSONAL_FOLDERS


def is_personal_video(name: str) -> bool:
    """Camera, phone and screen-recorder names (VID_20190704_123456.mp4, IMG_1234.MOV, GH010123.MP4)."""
    base = re.split(r"[\\/]", name or "")[-1]
    return bool(_PERSONAL.match(base.strip()))


# --- embedded ids and Plex tokens ---------------------------------------------------------------

_PLEX_EDITION = re.compile(r"\{edition-([^{}]*)\}", re.IGNORECASE)
_OPEN, _CLOSE = r"[\[{(]?\s*", r"\s*[\]})]?"
_TMDB = re.compile(_OPEN + r"\btmdb(?:id)?[\s=:_-]?(\d{1,9})\b" + _CLOSE, re.IGNORECASE)
_TVDB = re.compile(_OPEN + r"\btvdb(?:id)?[\s=:_-]?(\d{1,9})\b" + _CLOSE, re.IGNORECASE)
_IMDB = re.compile(_OPEN + r"(?:\bimdb(?:id)?[\s=:_-]?)?\b(tt\d{7,10})\b" + _CLOSE, re.IGNORECASE)


@dataclass(frozen=True)
class Ids:
    rest: str  # the text with every id/edition token cut out
    tmdb_id: int | None = None
    imdb_id: str | None = None
    tvdb_id: int | None = None
    edition: str | None = None  # a Plex {edition-X} label


def find_ids(text: str) -> Ids:
    """Cut {tmdb-603}, [tmdbid-603], tmdb=603, tt0133093, {imdb-tt...}, {tvdb-123}, {edition-X} out."""
    found: dict[str, Any] = {}

    def take(key: str, conv: Any) -> Any:
        def repl(m: re.Match[str]) -> str:
            found.setdefault(key, conv(m.group(1)))
            return " "

        return repl

    rest = _PLEX_EDITION.sub(take("edition", lambda s: " ".join(s.split()) or None), text)
    rest = _TMDB.sub(take("tmdb", int), rest)
    rest = _TVDB.sub(take("tvdb", int), rest)
    rest = _IMDB.sub(take("imdb", str.lower), rest)
    if found:
        rest = re.sub(r"\s+(?=\.[A-Za-z0-9]{2,5}$)", "", " ".join(rest.split()))
        rest = re.sub(r"[\s._-]+(?=\.[A-Za-z0-9]{2,5}$)", "", rest)
    return Ids(
        rest, found.get("tmdb") or None, found.get("imdb"), found.get("tvdb") or None, found.get("edition")
    )


# --- resolution ---------------------------------------------------------------------------------

_SIZE = re.compile(r"^(?:(\d{3,4})\s*x\s*)?(\d{3,4})[pi]?$")
_GLUED_SIZE = re.compile(r"(?<!\d)(4320|2160|1440|1080|960|900|720|576|540|480|360)[pi](?![a-z0-9])", re.I)
_HD_TV = re.compile(r"(?<![a-z])HD[\s._-]TV(?![a-z])", re.IGNORECASE)
_DVD_DISC = re.compile(r"(?<![a-z])(?:M?DVD[-_]?R|\d?x?DVD[59])(?![a-z])", re.IGNORECASE)
_BD_DISC = re.compile(r"(?<![a-z])BD(?:ISO|25|50|66|100)(?![a-z])", re.IGNORECASE)
_SD_CODEC = re.compile(r"(?<![a-z])(?:xvid|divx)(?![a-z])|\.avi$", re.IGNORECASE)
_SD_SOURCES = {"DVD", "TV", "Satellite", "VHS", "Pay-per-view"}


def _by_height(height: int, width: int | None = None) -> str:
    # Width decides cropped scope encodes (1920x800 is 1080p class); height decides the rest.
    if height >= 1800 or (width or 0) >= 3200:
        return "2160p"
    if height >= 1000 or (width or 0) >= 1800:
        return "1080p"
    if height >= 700 or (width or 0) >= 1200:
        return "720p"
    if height >= 576:
        return "576p"
    return "480p"


def normalize_resolution(value: Any) -> str | None:
    """guessit's screen_size ('1080i', '4K', '1440p', '1280x544', '540p') -> one of RESOLUTIONS."""
    if not isinstance(value, str):
        return None
    v = value.strip().lower()
    if v in {"4k", "uhd", "8k"}:
        return "2160p"
    m = _SIZE.match(v)
    if not m:
        return None
    width = int(m.group(1)) if m.group(1) else None
    return _by_height(int(m.group(2)), width)


def resolution_from(g: dict[str, Any], name: str, source: str | None) -> str | None:
    """The resolution class of a file from guessit's answer, its name and its source."""
    size = g.get("screen_size")
    res = normalize_resolution(size[0] if isinstance(size, list) and size else size)
    if res:
        return res
    m = _GLUED_SIZE.search(name)  # "[Bluray1080p]", "[BD720p]", "4Kto1080p"
    if m:
        return _by_height(int(m.group(1)))
    other = {o for o in _as_list(g.get("other")) if isinstance(o, str)}
    pal = "PAL" in other or "SECAM" in other
    if source in {"Ultra HD Blu-ray", "Ultra HDTV"}:
        return "2160p"
    if source == "HD-DVD":
        return "1080p"
    if (source == "Blu-ray" and "Rip" not in other and not _SD_CODEC.search(name)) or (
        not source and _BD_DISC.search(name)
    ):
        return "1080p"  # an untouched disc or remux is Full HD
    if source == "HDTV":
        return "720p" if _HD_TV.search(name) else "480p"
    if source == "Digital TV":
        return "720p" if "High Resolution" in other else "480p"
    if source in _SD_SOURCES or (not source and _DVD_DISC.search(name)) or pal or "NTSC" in other:
        return "576p" if pal else "480p"
    if _SD_CODEC.search(name) or _first(g.get("video_codec")) in {"Xvid", "DivX"}:
        return "480p"
    return None


# --- HDR ----------------------------------------------------------------------------------------

_DOVI = re.compile(r"(?<![a-z0-9])(?:dovi|dolby[\s._-]?vision)(?![a-z0-9])", re.IGNORECASE)
_DV = re.compile(r"(?<![a-z0-9])DV(?![a-z0-9])")
_UHD_CONTEXT = re.compile(r"2160p|(?<![a-z])(?:uhd|4k|hdr\w*|hevc|[xh][\s.]?265)(?![a-z])", re.I)
_HDR10P = re.compile(r"(?<![a-z0-9])hdr[\s._-]?10(?:\+|plus|p)(?![a-z0-9])", re.IGNORECASE)
_HDR10 = re.compile(r"(?<![a-z0-9])hdr[\s._-]?10(?![a-z0-9+])", re.IGNORECASE)
_HDR = re.compile(r"(?<![a-z0-9])hdr(?![a-z0-9])", re.IGNORECASE)


def hdr_from(g: dict[str, Any], name: str) -> str | None:
    """The best dynamic range the name claims: Dolby Vision > HDR10+ > HDR10 > HDR.

    Read from the name's own tokens, not guessit's `other`: guessit reports a bare "HDR" as "HDR10"
    and a camcorder "DV" as "Dolby Vision". `g` is accepted for symmetry with `resolution_from`.
    """
    # A bare "DV" is also a camcorder format: believe it only next to UHD/HDR/HEVC words.
    if _DOVI.search(name) or (_DV.search(name) and _UHD_CONTEXT.search(name)):
        return "Dolby Vision"
    if _HDR10P.search(name):
        return "HDR10+"
    if _HDR10.search(name):
        return "HDR10"
    if _HDR.search(name):
        return "HDR"
    return None


# --- editions -----------------------------------------------------------------------------------

_STRONG = frozenset(
    "extended uncut unrated uncensored remastered restored imax despecialized theatrical ultimate recut "
    "directors director collectors criterion 2in1 3in1 4in1 openmatte fanedit".split()
)
# Words that are an edition only with "Cut"/"Edition"/"Version" after them ("Special Edition").
_QUALIFIERS = frozenset(
    "special final assembly imperial diamond signature hunter rekall rogue platinum definitive alternate "
    "alternative producers international deluxe anniversary limited".split()
)
_CONNECTORS = frozenset({"cut", "edition", "version"})
_PAIRS = {("open", "matte"), ("fan", "edit")}
# Words that mean an edition even inside guessit's title ("A Movie 2035 Directors").
_UNAMBIGUOUS = frozenset(
    "directors director despecialized remastered imax 2in1 3in1 4in1 openmatte fanedit".split()
)
_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_DISPLAY = {
    "directors": "Director's",
    "collectors": "Collector's",
    "imax": "IMAX",
    "openmatte": "Open Matte",
    "fanedit": "Fan Edit",
    "2in1": "2in1",
    "3in1": "3in1",
    "4in1": "4in1",
    "producers": "Producer's",
}


@dataclass(frozen=True)
class Edition:
    label: str  # shown to people and stored: "Director's Cut", "Extended Theatrical Version IMAX"
    words: tuple[str, ...]  # the words as written in the name (to cut them out of the title)


def _key(word: str) -> str:
    return re.sub(r"['\u2019]", "", word.casefold())


def _element(keys: list[str], i: int) -> int:
    """Length of the edition element starting at keys[i] (0 = none), connectors included."""
    n = len(keys)
    k = keys[i]
    nxt = keys[i + 1] if i + 1 < n else ""
    if (k, nxt) in _PAIRS:
        length = 2
    elif _ORDINAL.match(k) and nxt == "anniversary":
        length = 2
    elif k in _STRONG:
        length = 1
    elif k in _QUALIFIERS and nxt in _CONNECTORS:
        return 2
    else:
        return 0
    if i + length < n and keys[i + length] in _CONNECTORS | ({"collection"} if k == "criterion" else set()):
        length += 1
    return length


def edition_from_name(stem: str, guessed_title: str | None) -> Edition | None:
    """The first run of edition words after the title ('Extended.Directors.Cut.Fan.Edit')."""
    words = re.findall(r"[^\W_]+(?:['\u2019][^\W_]+)*", stem)
    keys = [_key(w) for w in words]
    i = 1  # an edition never opens a name: "Directors.Cut.German.2006" is a film called that
    while i < len(keys):
        j = i
        while j < len(keys) and (step := _element(keys, j)):
            j += step
        if j == i:
            i += 1
            continue
        run = keys[i:j]
        inside_title = (
            guessed_title is not None and f" {' '.join(run)} " in f" {normalize_title(guessed_title)} "
        )
        if (
            not inside_title
            or any(k in _CONNECTORS or k in _UNAMBIGUOUS for k in run)
            or (any((a, b) in _PAIRS for a, b in zip(run, run[1:], strict=False)))
        ):
            label = " ".join(_DISPLAY.get(k, w.capitalize()) for k, w in zip(run, words[i:j], strict=True))
            return Edition(label, tuple(words[i:j]))
        i = j
    return None


_ONLY_ARTICLE = re.compile(r"^(?:the|a|an|le|la|les|der|die|das|el|il)?$", re.IGNORECASE)


def strip_edition_from_title(title: str, edition: Edition) -> str | None:
    """The title without the edition words at its end; None when nothing but an article is left."""
    pattern = r"[\s._\-:,(\[]*".join(re.escape(w) for w in edition.words)
    m = re.search(r"[\s._\-:,(\[]*" + pattern + r"[\s._\-)\]]*$", title, re.IGNORECASE)
    if not m:
        return title
    rest = title[: m.start()].strip(" -:,")
    if _ONLY_ARTICLE.match(rest):
        return None
    # "Blade.Runner.The.Final.Cut.1982": the article belongs to the edition ("The Final Cut").
    return re.sub(r"(?i)[\s._-]+the$", "", rest) or rest


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first(value: Any) -> Any:
    return (value[0] if value else None) if isinstance(value, list) else value
