"""The versions advisor: which copy of a film to keep and why, what the others take, and sending them to the trash.

Per edition, the keeper is the best-ranked present version that is the film (``grouping.version_rank``:
resolution, HDR, source, codec, audio channels and languages, subtitles, size, as the files say them);
the other versions of that edition are what can go. Another edition is never counted as a duplicate, nor a
missing file, an extra, a file whose runtime says it is another film or a file that holds no video.

``trash_versions`` sends chosen versions to the system trash (send2trash: nothing is deleted outright),
records each removal in the library (the card lists it) and takes the files out of the library.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from videomanager.core.grouping import version_rank
from videomanager.core.media_store import record_removal
from videomanager.core.models import CHECK_NOT_MEDIA, CHECK_RUNTIME, Card, Removed, Version, resolution_label


def edition_key(v: Version) -> str:
    return (v.edition or "").casefold()


def counts(v: Version) -> bool:
    """Whether a version takes part in keeper and duplicate decisions (present, the film, a video)."""
    return not v.missing and CHECK_RUNTIME not in v.checks and CHECK_NOT_MEDIA not in v.checks


@dataclass(frozen=True)
class Keeper:
    version: Version
    others: tuple[Version, ...]  # the versions of its edition that can go
    why: tuple[tuple[str, str], ...]  # (reason code, value) where the keeper is better, best reason first


def keepers(card: Card) -> list[Keeper]:
    """The keeper of each edition of a card, with the copies that can go and why (editions in card order)."""
    by_edition: dict[str, list[Version]] = {}
    for v in card.versions:
        if counts(v):
            by_edition.setdefault(edition_key(v), []).append(v)
    out = []
    for versions in by_edition.values():
        ranked = sorted(versions, key=version_rank, reverse=True)
        keeper, others = ranked[0], tuple(ranked[1:])
        out.append(Keeper(keeper, others, tuple(_why(keeper, others))))
    return out


def _channels(v: Version) -> int:
    return max((a.channels or 0 for a in v.media.audio), default=0) if v.media else 0


def _languages(v: Version) -> list[str]:
    return sorted({a.language for a in v.media.audio if a.language}) if v.media else []


def _why(keeper: Version, others: Iterable[Version]) -> list[tuple[str, str]]:
    """The ways the keeper is better than at least one of the others, in the order the ranking weighs them."""
    others = list(others)
    if not others:
        return []
    k = version_rank(keeper)
    labels = [
        (2, "resolution", resolution_label(keeper.resolution)),
        (3, "hdr", keeper.hdr or ""),
        (4, "source", keeper.source or ""),
        (5, "codec", keeper.video_codec or ""),
        (6, "channels", _channel_label(_channels(keeper))),
        (7, "languages", ", ".join(_languages(keeper))),
        (8, "subtitles", str(len(keeper.media.subtitles)) if keeper.media else ""),
        (9, "size", ""),
    ]
    why = [(code, value) for i, code, value in labels if any(k[i] > version_rank(o)[i] for o in others)]
    return why or [("equal", "")]


def _channel_label(n: int) -> str:
    """5.1 for six channels, 7.1 for eight, 2.0 for two."""
    if n >= 6:
        return f"{n - 1}.1"
    return f"{n}.0" if n else ""


WHY_TEXT = {
    "resolution": "higher resolution ({})",
    "hdr": "HDR ({})",
    "source": "better source ({})",
    "codec": "more efficient codec ({})",
    "channels": "more audio channels ({})",
    "languages": "more audio languages ({})",
    "subtitles": "more subtitles ({})",
    "size": "larger file",
    "equal": "as good as the others",
}


def why_text(why: Iterable[tuple[str, str]]) -> str:
    """The reasons in English (the CLI's words; the window translates the codes)."""
    return ", ".join(WHY_TEXT.get(code, code).format(value) for code, value in why)


# -- the library's duplicates --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Duplicates:
    card: Card
    keepers: tuple[Keeper, ...]
    reclaimable: tuple[Version, ...]  # every version that can go, the largest first

    @property
    def bytes(self) -> int:
        return sum(v.size for v in self.reclaimable)


def duplicates(cards: Iterable[Card]) -> list[Duplicates]:
    """The cards with copies that can go, the most space to win first."""
    out = []
    for card in cards:
        if card.reclaimable_bytes <= 0:
            continue
        ks = tuple(keepers(card))
        extra = tuple(sorted((o for k in ks for o in k.others), key=lambda v: v.size, reverse=True))
        if extra:
            out.append(Duplicates(card, ks, extra))
    out.sort(key=lambda d: (-d.bytes, d.card.title.casefold(), d.card.id))
    return out


# -- sending versions to the trash ---------------------------------------------------------------------------
class TrashError(Exception):
    """A removal that cannot be done, with a sentence for the user."""


@dataclass
class TrashResult:
    trashed: list[Version] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    @property
    def bytes(self) -> int:
        return sum(v.size for v in self.trashed)


def _default_trash(path: str) -> None:
    from send2trash import send2trash

    send2trash(path)


def check_removal(card: Card, paths: Iterable[str]) -> list[Version]:
    """The versions of ``card`` named by ``paths``; raises TrashError when one is not a version of the card,
    is missing, or when no present version would be left."""
    by_path = {v.path: v for v in card.versions}
    chosen = []
    for p in dict.fromkeys(paths):
        v = by_path.get(p)
        if v is None:
            raise TrashError(f"{p} is not a version of “{card.title}”.")
        if v.missing:
            raise TrashError(f"{p} is missing: only files that are here can go to the trash.")
        chosen.append(v)
    if not chosen:
        raise TrashError("Choose the versions to send to the trash.")
    left = [v for v in card.versions if not v.missing and v not in chosen]
    if not left:
        raise TrashError(f"Keep at least one version of “{card.title}”: only copies go to the trash here.")
    return chosen


def trash_versions(
    library,
    card: Card,
    paths: Iterable[str],
    *,
    trash: Callable[[str], None] = _default_trash,
    clock=time.time,
) -> TrashResult:
    """Send these versions of ``card`` to the system trash (every part of each), record each in the library and
    take their files out of it. A file that changed since the last scan, or that the trash refuses, stays
    where it is and is named in the result."""
    result = TrashResult()
    files = {f.id: f for f in library.files_by_ids([i for v in card.versions for i in v.file_ids])}
    for v in check_removal(card, paths):
        parts = [files.get(i) for i in v.file_ids]
        problem = _part_problem(parts)
        if problem:
            result.failed.append((v.path, problem))
            continue
        done = []
        for f in parts:
            try:
                trash(f.path)
            except Exception as exc:  # the trash refused: the file stays, and says why
                result.failed.append((f.path, str(exc) or type(exc).__name__))
                break
            done.append(f)
        if not done:
            continue
        removed = Removed(path=v.path, size=sum(f.size for f in done), removed_at=clock(),
                          resolution=v.resolution, edition=v.edition)  # fmt: skip
        with library.transaction() as c:
            record_removal(c, card.id, removed)
            c.executemany("DELETE FROM files WHERE id = ?", [(f.id,) for f in done])
        if len(done) == len(parts):
            result.trashed.append(v)
    return result


def _part_problem(parts: list) -> str | None:
    """Why a version's files cannot go to the trash now (not in the library, changed since the scan)."""
    for f in parts:
        if f is None:
            return "it is no longer in the library"
        try:
            st = os.stat(f.path)
        except OSError as exc:
            return f"it cannot be reached ({exc.strerror or exc})"
        if st.st_size != f.size or st.st_mtime != f.mtime:
            return "it changed since the last scan: scan again first"
    return None
