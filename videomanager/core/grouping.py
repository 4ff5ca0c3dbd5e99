"""Files -> cards.

One card per TMDb title across every folder and drive; files that are not identified keep a
fallback grouping (parent folder + normalised title + year). A multi-part movie (cd1/cd2) is one version;
extras attach to their film's card and are never versions. Versions are ranked and the best is marked.
Manual decisions (keyed by file fingerprint) win over automatic matching.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import msgspec

from videomanager.core import runtime as rt
from videomanager.core.library import Decision, FileRecord, LookupRow
from videomanager.core.media_store import MediaRow, all_media, all_removals
from videomanager.core.models import (
    CHECK_NAME_RESOLUTION,
    CHECK_NOT_MEDIA,
    CHECK_RUNTIME,
    MEDIA_NOT_MEDIA,
    MEDIA_READ,
    MEDIA_UNREADABLE,
    ROLE_EPISODE,
    ROLE_EXTRA,
    STATE_AMBIGUOUS,
    STATE_MANUAL,
    STATE_MATCHED,
    STATE_NOT_FOUND,
    STATE_PENDING,
    Candidate,
    Card,
    Episode,
    Extra,
    Media,
    Removed,
    Version,
    resolution_rank,
    same_resolution_class,
)
from videomanager.core.reasons import phrase
from videomanager.core.seasons import ShowSeasons, place
from videomanager.core.text import normalize_title

EXTRA_FOLDERS = {
    "trailers", "featurettes", "extras", "behind the scenes", "deleted scenes", "interviews", "scenes",
    "shorts", "other", "samples", "sample", "clips",
}  # fmt: skip
SEASON_PREFIXES = (
    "season",
    "series",
    "saison",
    "staffel",
    "temporada",
    "stagione",
    "specials",
    "s0",
    "s1",
    "s2",
)

_SOURCE_RANK = {
    "ultra hd blu-ray": 7, "blu-ray": 6, "web": 5, "hd-dvd": 5, "hdtv": 4, "dvd": 3,
    "tv": 2, "vhs": 1, "telecine": 1, "telesync": 1, "camera": 0, "hd camera": 0,
}  # fmt: skip
_CODEC_RANK = {"av1": 4, "h.265": 3, "h.264": 2, "vc-1": 1, "mpeg-2": 1}

_STATE_PRIORITY = [STATE_AMBIGUOUS, STATE_PENDING, STATE_NOT_FOUND, STATE_MANUAL, STATE_MATCHED]


def version_rank(v: Version) -> tuple:
    """Higher is better: present, the film it is filed as (runtime) and a video at all, then resolution, HDR,
    source, codec, audio channels and languages, subtitles, size."""
    m = v.media
    return (
        not v.missing,
        CHECK_RUNTIME not in v.checks and CHECK_NOT_MEDIA not in v.checks,
        resolution_rank(v.resolution),
        1 if v.hdr else 0,
        _SOURCE_RANK.get((v.source or "").lower(), 2),
        _CODEC_RANK.get((v.video_codec or "").lower(), 0),
        max((a.channels or 0 for a in m.audio), default=0) if m else 0,
        len({a.language for a in m.audio if a.language}) if m else 0,
        len(m.subtitles) if m else 0,
        v.size,
    )


@dataclass
class _Unit:
    """One playable thing: a file, or the parts of a multi-part movie."""

    files: list[FileRecord]

    @property
    def rep(self) -> FileRecord:
        return self.files[0]


@dataclass
class _Group:
    ident: tuple
    kind: str | None
    tmdb_id: int | None
    state: str
    confidence: float | None = None
    reasons: str = ""
    units: list[_Unit] = field(default_factory=list)
    extras: list[FileRecord] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)


def _units(files: Iterable[FileRecord]) -> list[_Unit]:
    stacks: dict[str, list[FileRecord]] = defaultdict(list)
    units: list[_Unit] = []
    for f in files:
        if f.stack_key and f.role != ROLE_EPISODE:
            stacks[f.stack_key].append(f)
        else:
            units.append(_Unit([f]))
    for parts in stacks.values():
        parts.sort(key=lambda f: (f.part or 0, f.path))
        units.append(_Unit(parts))
    return units


def show_folder(dir_: str) -> str:
    """The show's folder for an episode: skip a 'Season 2' style folder."""
    base = os.path.basename(dir_).lower()
    if base.startswith(SEASON_PREFIXES) or base.isdigit():
        return os.path.dirname(dir_)
    return dir_


def owner_folder(dir_: str) -> str:
    """The folder an extra belongs to: its own, or the parent of a Trailers/Extras/... folder."""
    if os.path.basename(dir_).lower() in EXTRA_FOLDERS:
        return os.path.dirname(dir_)
    return dir_


def fallback_key(f: FileRecord) -> tuple:
    p = f.parsed
    title = normalize_title(p.title) if p.title else ""
    if not title:
        stem = os.path.splitext(os.path.basename(f.path))[0]
        title = "file:" + (f.stack_key or stem)
    if f.role == ROLE_EPISODE:
        return ("episode", show_folder(f.dir), title, p.year)
    return ("local", f.dir, title, p.year)


def _identity(unit: _Unit, lookups: dict[str, LookupRow], decisions: dict[str, Decision]) -> dict:
    rep = unit.rep
    decision = None
    for f in unit.files:
        if f.fingerprint and f.fingerprint in decisions:
            decision = decisions[f.fingerprint]
            break
    if decision is not None:
        if decision.action == "match" and decision.tmdb_id:
            return {"ident": ("id", decision.kind, decision.tmdb_id), "kind": decision.kind,
                    "tmdb_id": decision.tmdb_id, "state": STATE_MANUAL, "confidence": 1.0,
                    "reasons": phrase("set_by_you")}  # fmt: skip
        if decision.action == "split":
            base = ("id", decision.kind, decision.tmdb_id) if decision.tmdb_id else fallback_key(rep)
            return {"ident": (*base, "split", decision.group_token), "kind": decision.kind,
                    "tmdb_id": decision.tmdb_id, "state": STATE_MANUAL, "confidence": 1.0,
                    "reasons": phrase("split_by_you")}  # fmt: skip
        if decision.action == "group" and decision.group_token:
            return {"ident": ("group", decision.group_token), "kind": decision.kind, "tmdb_id": decision.tmdb_id,
                    "state": STATE_MANUAL, "confidence": 1.0 if decision.tmdb_id else None,
                    "reasons": phrase("merged_by_you")}  # fmt: skip
        if decision.action == "unmatch":
            return {"ident": fallback_key(rep), "kind": None, "tmdb_id": None, "state": STATE_MANUAL,
                    "confidence": None, "reasons": phrase("unmatched_by_you")}  # fmt: skip
    lookup = lookups.get(rep.lookup_key) if rep.lookup_key else None
    if lookup is not None and lookup.state == STATE_MATCHED and lookup.tmdb_id:
        return {"ident": ("id", lookup.kind, lookup.tmdb_id), "kind": lookup.kind, "tmdb_id": lookup.tmdb_id,
                "state": STATE_MATCHED, "confidence": lookup.confidence, "reasons": lookup.reasons}  # fmt: skip
    state = lookup.state if lookup is not None else STATE_PENDING
    return {"ident": fallback_key(rep), "kind": None, "tmdb_id": None, "state": state,
            "confidence": lookup.confidence if lookup else None, "reasons": lookup.reasons if lookup else "",
            "candidates": lookup.candidates if lookup else []}  # fmt: skip


def _card_id(g: _Group) -> str:
    if g.ident[0] == "id":
        suffix = f":{g.ident[4]}" if len(g.ident) > 4 else ""
        return f"{g.kind}:{g.tmdb_id}{suffix}"
    digest = hashlib.blake2b(repr(g.ident).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"local:{digest}"


def _media_of(unit: _Unit, media: dict[int, MediaRow]) -> tuple[str | None, Media | None]:
    """A version's media state and Media: None until every part is read as it is now; the parts' durations
    add up, the rest is the first part's."""
    rows = [media.get(f.id) for f in unit.files]
    if any(r is None or not r.valid_for(f.size, f.mtime) for r, f in zip(rows, unit.files, strict=True)):
        return None, None
    states = {r.state for r in rows if r is not None}
    for state in (MEDIA_UNREADABLE, MEDIA_NOT_MEDIA):
        if state in states:
            return state, None
    parts = [r.media for r in rows if r is not None and r.media is not None]
    if len(parts) != len(rows):
        return MEDIA_NOT_MEDIA, None
    first = parts[0]
    if len(parts) > 1 and all(m.duration_s for m in parts):
        first = msgspec.structs.replace(first, duration_s=sum(m.duration_s or 0.0 for m in parts))
    return MEDIA_READ, first


def _version(unit: _Unit, media: dict[int, MediaRow], seen: set[str]) -> Version:
    """A version as its file says it is (its name's word where the file does not say)."""
    rep = unit.rep
    p = rep.parsed
    state, m = _media_of(unit, media)
    checks = []
    if (
        m is not None
        and m.resolution
        and p.resolution
        and not same_resolution_class(m.resolution, p.resolution)
    ):
        checks.append(CHECK_NAME_RESOLUTION)
    if state == MEDIA_NOT_MEDIA:
        checks.append(CHECK_NOT_MEDIA)
    return Version(
        path=rep.path,
        parts=tuple(f.path for f in unit.files),
        size=sum(f.size for f in unit.files),
        resolution=(m.resolution if m else None) or p.resolution,
        edition=p.edition,
        source=p.source,
        video_codec=(m.video_codec if m else None) or p.video_codec,
        hdr=m.hdr if m is not None and m.width else p.hdr,
        missing=any(f.missing for f in unit.files),
        file_ids=tuple(f.id for f in unit.files),
        media=m,
        media_state=state,
        named_resolution=p.resolution,
        checks=tuple(checks),
        seen=any(f.fingerprint in seen for f in unit.files if f.fingerprint),
    )


def _runtime_checked(v: Version, runtime: int | None) -> Version:
    """The version flagged when its duration is far from the title's runtime (see core/runtime.py)."""
    duration = v.media.duration_s if v.media is not None else None
    if runtime is None or not duration or rt.fits(duration, runtime, v.edition):
        return v
    return msgspec.structs.replace(v, checks=(*v.checks, CHECK_RUNTIME))


def _card_runtime(
    g: _Group, titles: dict[tuple[str, int], dict], candidates: tuple[Candidate, ...]
) -> int | None:
    """The runtime a movie card's files are held against: its title's (matched), or its first candidate's
    (ambiguous, not found); none for a card the user decided on, a show, or a runtime TMDb does not know."""
    if g.kind == "tv" or g.state == STATE_MANUAL:
        return None
    if g.tmdb_id and g.kind:
        value = (titles.get((g.kind, g.tmdb_id)) or {}).get("runtime")
    else:
        value = candidates[0].runtime if candidates and candidates[0].kind == "movie" else None
    return value if rt.usable(value) else None


def _title_year(
    g: _Group, titles: dict[tuple[str, int], dict]
) -> tuple[str, int | None, str | None, str | None]:
    if g.tmdb_id and g.kind and (g.kind, g.tmdb_id) in titles:
        t = titles[(g.kind, g.tmdb_id)]
        date = t.get("release_date") or t.get("first_air_date") or ""
        year = int(date[:4]) if date[:4].isdigit() else None
        return (t.get("title") or t.get("name") or "?", year,
                t.get("original_title") or t.get("original_name"), t.get("poster_path"))  # fmt: skip
    files = [f for u in g.units for f in u.files] or g.extras
    for f in files:
        if f.parsed.title:
            return f.parsed.title, f.parsed.year, None, None
    stem = os.path.splitext(os.path.basename(files[0].path))[0] if files else "?"
    return stem, files[0].parsed.year if files else None, None, None


def build_cards(
    files: Iterable[FileRecord],
    lookups: dict[str, LookupRow],
    titles: dict[tuple[str, int], dict],
    decisions: dict[str, Decision],
    seasons: Mapping[int, Mapping] | None = None,
    seen: set[str] | None = None,
    media: dict[int, MediaRow] | None = None,
    removals: dict[str, list[Removed]] | None = None,
) -> list[Card]:
    """The cards of these files; ``seasons`` ({tv id: {season: SeasonRow}}) numbers episodes as TMDb does;
    ``seen``: the fingerprints marked seen; ``media``: file id -> what reading the file found; ``removals``:
    card id -> the versions sent to the trash from it."""
    media = media or {}
    removals = removals or {}
    # In path order, not in the order the files were written (their ids): a first scan writes the names its
    # fast path reads before those guessit parses, and equal versions or a card's folder must not depend on it.
    files = sorted(files, key=lambda f: f.path)
    seen = seen or set()
    mains = [f for f in files if f.role != ROLE_EXTRA]
    extras = [f for f in files if f.role == ROLE_EXTRA]
    groups: dict[tuple, _Group] = {}
    folder_groups: dict[str, list[_Group]] = defaultdict(list)  # folder -> groups with a main file there
    for unit in _units(mains):
        ident = _identity(unit, lookups, decisions)
        g = groups.get(ident["ident"])
        if g is None:
            g = groups[ident["ident"]] = _Group(
                ident=ident["ident"], kind=ident["kind"], tmdb_id=ident["tmdb_id"], state=ident["state"],
                confidence=ident["confidence"], reasons=ident["reasons"],
                candidates=ident.get("candidates") or [],
            )  # fmt: skip
        else:
            g.state = min(g.state, ident["state"], key=_STATE_PRIORITY.index)
            if ident.get("candidates") and not g.candidates:
                g.candidates = ident["candidates"]
        g.units.append(unit)
        folder = unit.rep.dir
        if g not in folder_groups[folder]:
            folder_groups[folder].append(g)
    _join_generic_siblings(groups, folder_groups)
    for x in extras:
        owner = _owner_group(x, folder_groups)
        if owner is None:
            key = ("extras", owner_folder(x.dir), fallback_key(x)[2])
            owner = groups.get(key)
            if owner is None:
                owner = groups[key] = _Group(ident=key, kind=None, tmdb_id=None, state=STATE_NOT_FOUND,
                                             reasons=phrase("extras_alone"))  # fmt: skip
        owner.extras.append(x)
    cards = [_card(g, titles, seasons, seen, media, removals) for g in groups.values()]
    cards.sort(key=list_order)
    return cards


def _join_generic_siblings(groups: dict[tuple, _Group], folder_groups: dict[str, list[_Group]]) -> None:
    """A generic file nothing identified (movie.mkv, video-576p.avi) joins the one film identified in its
    folder: it is another version of that film. Folders holding several films are left alone."""
    for in_folder in folder_groups.values():
        films = [g for g in in_folder if g.ident[0] == "id" and g.kind == "movie"]
        if len(films) != 1:
            continue
        for g in list(in_folder):
            generic = g.units and all(u.rep.parsed.generic and u.rep.role != ROLE_EPISODE for u in g.units)
            if g.ident[0] == "local" and generic:
                films[0].units.extend(g.units)
                del groups[g.ident]
                in_folder.remove(g)


def list_order(card: Card) -> tuple:
    """The order of `list` and `list --json`: normalised title, year, id."""
    return normalize_title(card.title), card.year or 0, card.id


def _owner_group(x: FileRecord, folder_groups: dict[str, list[_Group]]) -> _Group | None:
    for folder in (owner_folder(x.dir), x.dir):
        candidates = folder_groups.get(folder)
        if not candidates:
            continue
        if len(candidates) == 1:
            return candidates[0]
        stem = normalize_title(os.path.splitext(os.path.basename(x.path))[0])
        for g in candidates:
            for u in g.units:
                t = normalize_title(u.rep.parsed.title or "")
                if t and stem.startswith(t):
                    return g
        return candidates[0]
    return None


def _episode(f: FileRecord, show: ShowSeasons | None, seen: set[str]) -> Episode:
    """An episode file in its show's TMDb numbering (the name's own numbers when the seasons are unknown)."""
    at = place(f.parsed, show, os.path.splitext(os.path.basename(f.path))[0])
    return Episode(path=f.path, season=at.season, episode=at.episode, size=f.size, resolution=f.parsed.resolution,
                   title=at.title, missing=f.missing, file_id=f.id, air_date=at.air_date,
                   episode_end=at.episode_end, absolute=at.absolute,
                   seen=bool(f.fingerprint) and f.fingerprint in seen)  # fmt: skip


def _card(
    g: _Group,
    titles: dict[tuple[str, int], dict],
    seasons: Mapping[int, Mapping] | None = None,
    seen: set[str] | None = None,
    media: dict[int, MediaRow] | None = None,
    removals: dict[str, list[Removed]] | None = None,
) -> Card:
    seen = seen or set()
    media = media or {}
    removals = removals or {}
    title, year, original, poster = _title_year(g, titles)
    is_tv = g.kind == "tv" or (
        g.kind is None and all(u.rep.role == ROLE_EPISODE for u in g.units) and g.units
    )
    show = ShowSeasons(seasons[g.tmdb_id]) if g.kind == "tv" and seasons and g.tmdb_id in seasons else None
    versions: list[Version] = []
    episodes: list[Episode] = []
    for u in g.units:
        if is_tv:
            episodes.extend(_episode(f, show, seen) for f in u.files)
        else:
            versions.append(_version(u, media, seen))
    candidates = _candidates(g)
    runtime = _card_runtime(g, titles, candidates)
    versions = [_runtime_checked(v, runtime) for v in versions]
    if versions:
        versions.sort(key=version_rank, reverse=True)
        versions[0] = _with_best(versions[0])
    episodes.sort(key=lambda e: (e.season if e.season is not None else 1_000, e.episode or 0, e.path))
    extras = tuple(
        Extra(path=x.path, type=x.extra_type or "other", size=x.size, missing=x.missing, file_id=x.id)
        for x in sorted(g.extras, key=lambda f: f.path)
    )
    all_files = [f for u in g.units for f in u.files] + g.extras
    folder = all_files[0].dir if all_files else None
    card_id = _card_id(g)
    return Card(
        id=card_id,
        tmdb_id=g.tmdb_id,
        kind=g.kind,
        title=title,
        year=year,
        state=g.state,
        confidence=g.confidence,
        reasons=g.reasons,
        versions=tuple(versions),
        episodes=tuple(episodes),
        extras=extras,
        original_title=original,
        poster_path=poster,
        folder=folder,
        added_at=min((f.added_at for f in all_files), default=0.0),
        candidates=candidates,
        checks=tuple(sorted({c for v in versions for c in v.checks})),
        runtime=_title_runtime(g, titles),
        removed=tuple(removals.get(card_id, ())),
        **_collection(g, titles),
    )


def _candidates(g: _Group) -> tuple[Candidate, ...]:
    """The group's stored candidates as Candidate structs."""
    return tuple(
        Candidate(tmdb_id=c.get("tmdb_id", 0), kind=c.get("kind", "movie"), title=c.get("title", ""),
                  year=c.get("year"), original_title=c.get("original_title"), popularity=c.get("popularity", 0.0),
                  poster_path=c.get("poster_path"), score=c.get("score", 0.0), reasons=c.get("reasons", ""),
                  vote_count=c.get("vote_count", 0),
                  runtime=c.get("runtime") if rt.usable(c.get("runtime")) else None)
        for c in g.candidates
    )  # fmt: skip


def _title_runtime(g: _Group, titles: dict[tuple[str, int], dict]) -> int | None:
    value = (titles.get((g.kind, g.tmdb_id)) or {}).get("runtime") if g.tmdb_id and g.kind else None
    return value if rt.usable(value) else None


def _collection(g: _Group, titles: dict[tuple[str, int], dict]) -> dict:
    """The card's TMDb collection, from its title's stored details (``belongs_to_collection``)."""
    t = titles.get((g.kind, g.tmdb_id)) if g.kind == "movie" and g.tmdb_id else None
    c = t.get("belongs_to_collection") if t else None
    if not isinstance(c, dict) or not isinstance(c.get("id"), int):
        return {}
    return {
        "collection_id": c["id"],
        "collection_name": c.get("name") if isinstance(c.get("name"), str) else None,
    }


def _with_best(v: Version) -> Version:
    return msgspec.structs.replace(v, best=True)


def cards_from_library(library) -> list[Card]:
    """Every card of the library, built from its current files, lookups, titles and decisions."""
    lookups = {row.key: row for row in library.lookups()}
    decisions = library.decisions()
    ids = {row.tmdb_id for row in lookups.values() if row.tmdb_id}
    ids |= {d.tmdb_id for d in decisions.values() if d.tmdb_id}
    return build_cards(library.files(), lookups, library.titles(), decisions, library.seasons_for(ids),
                       library.seen_marks(), all_media(library), all_removals(library))  # fmt: skip
