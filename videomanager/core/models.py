"""Plain, frozen data passed between layers (scanner -> library -> grouping -> CLI/GUI).

Nothing here does I/O. The card types are msgspec structs: immutable, hashable, untracked by the garbage
collector (they hold no cycles), and read from or written to their one JSON form without a dict in between.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import msgspec

# Roles a scanned file can have.
ROLE_VERSION = "version"  # a feature film (or an unidentified video)
ROLE_EXTRA = "extra"  # trailer, sample, featurette, ...
ROLE_EPISODE = "episode"  # a TV episode (decided by the parser)

# Card states (CONTRACT.md).
STATE_MATCHED = "matched"
STATE_AMBIGUOUS = "ambiguous"
STATE_NOT_FOUND = "not_found"
STATE_PENDING = "pending"
STATE_MANUAL = "manual"

RESOLUTIONS = ("480p", "576p", "720p", "1080p", "2160p")

# What a card or version is flagged for (``checks``; CONTRACT.md).
CHECK_RUNTIME = "runtime_mismatch"  # the file runs far longer or shorter than the title it is matched to
CHECK_NAME_RESOLUTION = "name_resolution_lies"  # the name says one resolution, the picture is another
CHECK_NOT_MEDIA = "not_media"  # named like a video, but the file holds no audio or video

# What reading a file's media info found (``Version.media_state``); None: not read yet.
MEDIA_READ = "read"
MEDIA_NOT_MEDIA = "not_media"
MEDIA_UNREADABLE = "unreadable"


def resolution_rank(resolution: str | None) -> int:
    """0 for unknown, then 1..5 from 480p to 2160p."""
    try:
        return RESOLUTIONS.index(resolution) + 1 if resolution else 0
    except ValueError:
        return 0


def resolution_label(resolution: str | None) -> str:
    """How a resolution is shown to people: 2160p is '4K'."""
    if resolution == "2160p":
        return "4K"
    return resolution or ""


def resolution_of(width: int | None, height: int | None) -> str | None:
    """The resolution class of a picture, by its width first: a 1920x800 scope film is 1080p."""
    if not width or not height:
        return None
    if width >= 3200 or height >= 2000:
        return "2160p"
    if width >= 1700 or height >= 1000:
        return "1080p"
    if width >= 1200 or height >= 700:
        return "720p"
    if height > 500:
        return "576p"
    return "480p"


def same_resolution_class(a: str | None, b: str | None) -> bool:
    """Whether two resolution labels name the same class (480p and 576p are both standard definition)."""
    sd = ("480p", "576p")
    return a == b or (a in sd and b in sd)


@dataclass(frozen=True)
class Parsed:
    """What a file name (plus its folders) says about the video."""

    title: str | None = None
    year: int | None = None
    kind: str = "movie"  # "movie" or "episode"
    season: int | None = None
    episode: int | None = None
    episode_title: str | None = None
    resolution: str | None = None  # one of RESOLUTIONS
    source: str | None = None  # "Blu-ray", "Web", "DVD", "HDTV", ...
    video_codec: str | None = None  # "H.264", "H.265", "Xvid", ...
    hdr: str | None = None  # "HDR10", "HDR10+", "Dolby Vision", "HDR"
    edition: str | None = None  # "Director's Cut", "Extended", ... or a Plex {edition-X} label
    tmdb_id: int | None = None  # embedded {tmdb-603} / [tmdbid-603]
    imdb_id: str | None = None  # embedded tt0133093
    tvdb_id: int | None = None  # embedded {tvdb-123}
    country: str | None = None  # "GB" for The.Office.UK.S01E01: tells same-named shows apart
    language: str | None = None  # "ko" for Oldboy.KOREAN...: a hint at the original language
    alternative_titles: tuple[str, ...] = ()
    # A film's title with the subtitle or part guessit cut off, as written ("Star Wars - The Empire Strikes
    # Back", "Che - Part Two"); None when the title is whole. Searched and keyed before `title`.
    full_title: str | None = None
    title_from: str = "file"  # "file" or "folder": where title/year came from
    generic: bool = False  # the file name itself carries no title (movie.mkv, VTS_01_1.VOB)
    episode_end: int | None = None  # the last episode of a multi-episode file (S01E01E02 -> 2)
    absolute: int | None = None  # an episode number with no season anywhere (anime: "Show - 143")
    air_date: str | None = None  # "YYYY-MM-DD" of a daily show's episode ("Show.2011.04.12")

    def to_dict(self) -> dict[str, Any]:
        # The fields are immutable values: no deep copy (asdict's) needed; a first scan writes 100k of these.
        d = {name: getattr(self, name) for name in _PARSED_FIELDS}
        d["alternative_titles"] = list(self.alternative_titles)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Parsed:
        kw = dict(d)
        if "alternative_titles" in kw:
            kw["alternative_titles"] = tuple(kw["alternative_titles"] or ())
        try:
            return cls(**kw)
        except TypeError:  # written by another version: keep the keys this one knows
            known = cls.__dataclass_fields__
            return cls(**{k: v for k, v in kw.items() if k in known})


_PARSED_FIELDS = tuple(Parsed.__dataclass_fields__)


class ScannedFile(NamedTuple):
    """One video file found by the scanner (before parsing). A NamedTuple: a rescan makes 100k of them."""

    path: str  # absolute; may hold surrogate escapes for names that are not valid UTF-8
    size: int
    mtime: float
    root: str  # the library folder it was found under
    role: str = ROLE_VERSION  # ROLE_VERSION or ROLE_EXTRA (episodes are decided by the parser)
    extra_type: str | None = None  # "trailer", "sample", "featurette", ... when role is extra
    stack_key: str | None = None  # same key for the parts of one multi-part movie (cd1/cd2)
    part: int | None = None  # 1, 2, ... within the stack


@dataclass(frozen=True)
class Skipped:
    """Something the scanner did not take, and why (shown in the scan summary)."""

    path: str
    reason: str  # "unreadable", "symlink-loop", "broken-symlink", "vanished", "too-deep", ...
    detail: str = ""


class Candidate(msgspec.Struct, frozen=True, gc=False):
    """One TMDb search result, scored against a file's Parsed."""

    tmdb_id: int
    kind: str  # "movie" or "tv"
    title: str
    year: int | None
    original_title: str | None = None
    popularity: float = 0.0
    poster_path: str | None = None
    origin_country: tuple[str, ...] = ()
    original_language: str | None = None
    score: float = 0.0
    reasons: str = ""
    runtime: int | None = None  # minutes, when it was fetched to weigh a file's duration
    vote_count: int = 0  # TMDb's votes: with popularity, tells a famous film from its obscure namesakes


class AudioTrack(msgspec.Struct, frozen=True, gc=False):
    codec: str | None = None  # "AAC", "AC-3", "E-AC-3", "DTS", "TrueHD", ...
    channels: int | None = None
    language: str | None = None  # as the file says it ("en", "fr", ...)


class SubtitleTrack(msgspec.Struct, frozen=True, gc=False):
    language: str | None = None
    forced: bool = False


class Media(msgspec.Struct, frozen=True, gc=False):
    """What a video file holds, read from the file itself (core/mediainfo.py)."""

    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None  # "H.264", "H.265", "AV1", ...
    hdr: str | None = None  # "HDR10", "HDR10+", "Dolby Vision", "HLG"
    bit_depth: int | None = None
    audio: tuple[AudioTrack, ...] = ()
    subtitles: tuple[SubtitleTrack, ...] = ()
    container: str | None = None  # "Matroska", "MPEG-4", "AVI", ...
    bitrate: int | None = None  # bits per second, the whole file

    @property
    def resolution(self) -> str | None:
        return resolution_of(self.width, self.height)


class Version(msgspec.Struct, frozen=True, gc=False):
    """One version of a movie: one file, or several parts (cd1/cd2) played in order.

    ``resolution``, ``video_codec`` and ``hdr`` are what the file holds once its media info is read (the
    name's word before); ``named_resolution`` is what the name says."""

    path: str
    parts: tuple[str, ...]
    size: int
    resolution: str | None = None
    edition: str | None = None
    source: str | None = None
    video_codec: str | None = None
    hdr: str | None = None
    missing: bool = False
    best: bool = False
    file_ids: tuple[int, ...] = ()
    media: Media | None = None  # None until every part is read (or when it holds no video)
    media_state: str | None = None  # MEDIA_READ, MEDIA_NOT_MEDIA, MEDIA_UNREADABLE; None: not read yet
    named_resolution: str | None = None
    checks: tuple[str, ...] = ()
    seen: bool = False  # marked seen by the user (any of its parts)


class Removed(msgspec.Struct, frozen=True, gc=False):
    """A version the user sent to the system trash from this card (kept in the library's record)."""

    path: str
    size: int
    removed_at: float
    resolution: str | None = None
    edition: str | None = None


def reclaimable_bytes(versions: tuple[Version, ...]) -> int:
    """Bytes the versions other than the keeper of their edition take (``versions`` best first). Another
    edition is never counted, nor a missing file, a file flagged as another film or as no video at all."""
    kept: set[str] = set()
    total = 0
    for v in versions:
        if v.missing or CHECK_RUNTIME in v.checks or CHECK_NOT_MEDIA in v.checks:
            continue
        edition = (v.edition or "").casefold()
        if edition in kept:
            total += v.size
        else:
            kept.add(edition)
    return total


class Episode(msgspec.Struct, frozen=True, gc=False):
    """One episode file; season/episode in TMDb's numbering once the show's season details are known."""

    path: str
    season: int | None
    episode: int | None
    size: int
    resolution: str | None = None
    title: str | None = msgspec.field(default=None, name="episode_title")
    missing: bool = False
    file_id: int = 0
    air_date: str | None = None  # "YYYY-MM-DD": TMDb's, or the one in the name
    episode_end: int | None = None  # the last episode a multi-episode file holds
    absolute: int | None = None  # the absolute number the name gives (anime)
    seen: bool = False  # marked seen by the user


class Extra(msgspec.Struct, frozen=True, gc=False):
    path: str
    type: str
    size: int = 0
    missing: bool = False
    file_id: int = 0


class Card(msgspec.Struct, frozen=True, gc=False):
    """One card of the grid: a TMDb title (or a fallback group) with all its files.

    Its JSON form (``to_json`` / ``cards_from_json``) is the `list --json` object of CONTRACT.md.
    ``reclaimable_bytes`` is derived from the versions whenever a card is made or read.
    """

    id: str  # "movie:603", "tv:1399", or "local:<hash>" for unidentified groups
    tmdb_id: int | None
    kind: str | None  # "movie", "tv", or None when not identified
    title: str
    year: int | None
    state: str
    confidence: float | None = None
    reasons: str = ""
    versions: tuple[Version, ...] = ()
    episodes: tuple[Episode, ...] = ()
    extras: tuple[Extra, ...] = ()
    original_title: str | None = None
    poster_path: str | None = None
    folder: str | None = None  # the folder of the first file (for fallback cards and display)
    added_at: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    reclaimable_bytes: int = 0  # see reclaimable_bytes(): duplicates within an edition
    checks: tuple[str, ...] = ()  # what a person should look at (CHECK_*), from the versions and the match
    runtime: int | None = None  # minutes, as TMDb gives the title's runtime
    removed: tuple[Removed, ...] = ()  # versions sent to the trash from this card
    # The TMDb collection the film belongs to (Alien Collection), when its details said so.
    collection_id: int | None = None
    collection_name: str | None = None
    # Seen: a film with a version marked seen, a show with every episode marked seen (derived).
    seen: bool = False

    def __post_init__(self) -> None:
        msgspec.structs.force_setattr(self, "reclaimable_bytes", reclaimable_bytes(self.versions))
        seen = all(e.seen for e in self.episodes) if self.episodes else any(v.seen for v in self.versions)
        msgspec.structs.force_setattr(self, "seen", seen)

    @property
    def size(self) -> int:
        return sum(v.size for v in self.versions) + sum(e.size for e in self.episodes)

    @property
    def best_resolution(self) -> str | None:
        files = [v.resolution for v in self.versions] + [e.resolution for e in self.episodes]
        return max(files, key=resolution_rank, default=None)

    @property
    def missing(self) -> bool:
        return any(v.missing for v in self.versions) or any(e.missing for e in self.episodes)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Card:
        """A card from its `list --json` form (``Card.from_dict(c.to_dict()) == c``); missing keys take their
        defaults."""
        return msgspec.convert(d, cls)

    def to_dict(self) -> dict[str, Any]:
        """The card's `list --json` object as plain Python (lists, dicts, str, numbers)."""
        return json.loads(self.to_json())

    def to_json(self) -> str:
        """The card's `list --json` object as JSON text (``ascii_json`` makes it pure ASCII)."""
        try:
            return _ENCODER.encode(self).decode()
        except UnicodeEncodeError:  # a lone surrogate (a name that is not UTF-8): written as an escape
            return json.dumps(msgspec.to_builtins(self), ensure_ascii=True)


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_json(text: str) -> str:
    """JSON text with every character beyond ASCII written as a \\u escape (the same JSON, for any pipe)."""
    return text if text.isascii() else _NOT_ASCII.sub(_escape, text)


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Card)


def card_from_json(text: str | bytes) -> Card:
    """One card from its JSON text (``Card.to_json``)."""
    try:
        return _DECODER.decode(text)
    except msgspec.DecodeError:  # a lone surrogate escape (see Card.to_json), or not a card at all
        return msgspec.convert(json.loads(text), Card)


def cards_from_json(text: str | bytes) -> list[Card]:
    """The cards of a `list --json` text."""
    try:
        return msgspec.json.decode(text, type=list[Card])
    except msgspec.DecodeError:
        return msgspec.convert(json.loads(text), list[Card])
