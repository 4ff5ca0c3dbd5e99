"""Plain, frozen data passed between layers (scanner -> library -> grouping -> CLI/GUI).

Nothing here does I/O; every type converts to JSON-friendly dicts for the CLI and the GUI signals.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple

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
    title_from: str = "file"  # "file" or "folder": where title/year came from
    generic: bool = False  # the file name itself carries no title (movie.mkv, VTS_01_1.VOB)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
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


@dataclass(frozen=True)
class Candidate:
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


@dataclass(frozen=True)
class Version:
    """One version of a movie: one file, or several parts (cd1/cd2) played in order."""

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

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "resolution": self.resolution,
            "edition": self.edition,
            "size": self.size,
            "parts": list(self.parts),
            "best": self.best,
            "source": self.source,
            "video_codec": self.video_codec,
            "hdr": self.hdr,
            "file_ids": list(self.file_ids),
        }
        if self.missing:
            d["missing"] = True
        return d


@dataclass(frozen=True)
class Episode:
    path: str
    season: int | None
    episode: int | None
    size: int
    resolution: str | None = None
    title: str | None = None
    missing: bool = False
    file_id: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = {
            "path": self.path,
            "season": self.season,
            "episode": self.episode,
            "resolution": self.resolution,
            "size": self.size,
            "episode_title": self.title,
            "file_id": self.file_id,
        }
        if self.missing:
            d["missing"] = True
        return d


@dataclass(frozen=True)
class Extra:
    path: str
    type: str
    size: int = 0
    missing: bool = False
    file_id: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = {"path": self.path, "type": self.type, "size": self.size, "file_id": self.file_id}
        if self.missing:
            d["missing"] = True
        return d


@dataclass(frozen=True)
class Card:
    """One card of the grid: a TMDb title (or a fallback group) with all its files."""

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
    candidates: tuple[Candidate, ...] = field(default=(), compare=False)

    @property
    def size(self) -> int:
        return sum(v.size for v in self.versions) + sum(e.size for e in self.episodes)

    @property
    def best_resolution(self) -> str | None:
        files = [v.resolution for v in self.versions] + [e.resolution for e in self.episodes]
        best = max(files, key=resolution_rank, default=None)
        return best

    @property
    def reclaimable_bytes(self) -> int:
        """Bytes taken by versions other than the best one."""
        return sum(v.size for v in self.versions if not v.best)

    @property
    def missing(self) -> bool:
        return any(v.missing for v in self.versions) or any(e.missing for e in self.episodes)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Card:
        """A card from its `list --json` form (the exact card: `Card.from_dict(c.to_dict()) == c`); missing
        keys take their defaults. Reading many stored cards at once: ``cards_from_json``."""
        return cls(
            id=d["id"], tmdb_id=d.get("tmdb_id"), kind=d.get("kind"), title=d.get("title") or "",
            year=d.get("year"), state=d.get("state") or STATE_PENDING, confidence=d.get("confidence"),
            reasons=d.get("reasons") or "", original_title=d.get("original_title"),
            poster_path=d.get("poster_path"),
            versions=tuple(
                Version(path=v["path"], parts=tuple(v.get("parts") or (v["path"],)), size=v.get("size") or 0,
                        resolution=v.get("resolution"), edition=v.get("edition"), source=v.get("source"),
                        video_codec=v.get("video_codec"), hdr=v.get("hdr"), missing=bool(v.get("missing")),
                        best=bool(v.get("best")), file_ids=tuple(v.get("file_ids") or ()))
                for v in d.get("versions") or ()
            ),
            episodes=tuple(
                Episode(path=e["path"], season=e.get("season"), episode=e.get("episode"), size=e.get("size") or 0,
                        resolution=e.get("resolution"), title=e.get("episode_title"), missing=bool(e.get("missing")),
                        file_id=e.get("file_id") or 0)
                for e in d.get("episodes") or ()
            ),
            extras=tuple(Extra(path=x["path"], type=x.get("type") or "other", size=x.get("size") or 0,
                               missing=bool(x.get("missing")), file_id=x.get("file_id") or 0)
                         for x in d.get("extras") or ()),
            folder=d.get("folder"),
            added_at=d.get("added_at") or 0.0,
            candidates=_candidates(d.get("candidates")),
        )  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tmdb_id": self.tmdb_id,
            "kind": self.kind,
            "title": self.title,
            "year": self.year,
            "state": self.state,
            "confidence": self.confidence,
            "reasons": self.reasons,
            "original_title": self.original_title,
            "poster_path": self.poster_path,
            "versions": [v.to_dict() for v in self.versions],
            "episodes": [e.to_dict() for e in self.episodes],
            "extras": [x.to_dict() for x in self.extras],
            "reclaimable_bytes": self.reclaimable_bytes,
            "folder": self.folder,
            "added_at": self.added_at,
            "candidates": [asdict(c) for c in self.candidates],
        }


# -- fast construction from what Card.to_dict wrote (see cards_from_json) -------------------------------------
_new = object.__new__
_set = object.__setattr__
_CARD_KEYS = frozenset(Card.__dataclass_fields__) | {"reclaimable_bytes"}


def _candidates(items: list[dict[str, Any]] | None) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(**{**c, "origin_country": tuple(c.get("origin_country") or ())}) for c in items or ()
    )


def _adopt(d: dict[str, Any]) -> Card:
    """A card made from exactly what ``Card.to_dict`` wrote, taking the parsed dicts themselves as the
    instances' ``__dict__`` (fixed up in place): no second dict per object. KeyError on anything else."""
    if d.keys() != _CARD_KEYS:
        raise KeyError("not a card written by Card.to_dict")
    del d["reclaimable_bytes"]
    versions = []
    for v in d["versions"]:
        v["parts"] = tuple(v["parts"])
        v["file_ids"] = tuple(v["file_ids"])
        v.setdefault("missing", False)
        o = _new(Version)
        _set(o, "__dict__", v)
        versions.append(o)
    d["versions"] = tuple(versions)
    episodes = []
    for e in d["episodes"]:
        e["title"] = e.pop("episode_title")
        e.setdefault("missing", False)
        o = _new(Episode)
        _set(o, "__dict__", e)
        episodes.append(o)
    d["episodes"] = tuple(episodes)
    extras = []
    for x in d["extras"]:
        x.setdefault("missing", False)
        o = _new(Extra)
        _set(o, "__dict__", x)
        extras.append(o)
    d["extras"] = tuple(extras)
    d["candidates"] = _candidates(d["candidates"])
    card = _new(Card)
    _set(card, "__dict__", d)
    return card


def cards_from_json(text: str | bytes) -> list[Card]:
    """The cards of a `list --json` text written by this program (the library's stored cards), fast: orjson
    when it can read it (else the standard library's json, which also takes the lone surrogates that stand
    for file names that are not valid UTF-8), and the parsed dicts adopted as the cards' own."""
    import json

    try:
        import orjson

        data = orjson.loads(text)
    except Exception:  # no orjson, or a lone surrogate (\udcXX) orjson refuses
        data = json.loads(text)
    out = []
    for d in data:
        try:
            out.append(_adopt(d))
        except (KeyError, TypeError, AttributeError):  # not exactly to_dict's shape: the careful way
            out.append(Card.from_dict(d))
    return out
