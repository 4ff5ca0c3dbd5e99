"""Manual decisions: set a file's or a card's TMDb id, unmatch, split a version off, merge two cards.

Decisions are keyed by file fingerprint (size + hash of the first and last 64 KiB), so they survive
rescans, renames and moves, and automatic matching never overwrites them (grouping reads them first).
Fingerprints are computed lazily: for the files a decision touches, and after a scan for new files whose
size equals that of some decision.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from videomanager.core.fingerprint import fingerprint
from videomanager.core.library import FileRecord, Library, LibraryError
from videomanager.core.models import Card


class DecisionError(Exception):
    """A decision that cannot be applied, with a message for the user (English), its ``kind`` and the
    values the message names (``args_for_message``), for a window to say it in its own language."""

    def __init__(self, message: str, kind: str = "other", **values: object) -> None:
        super().__init__(message)
        self.kind = kind
        self.args_for_message = values


def _fingerprints(library: Library, file_ids: Iterable[int]) -> list[tuple[FileRecord, str]]:
    files = library.files_by_ids(list(file_ids))
    if not files:
        raise DecisionError("None of those files is in the library.", "no-files")
    out = []
    for f in files:
        fp = f.fingerprint
        if not fp:
            try:
                fp = fingerprint(f.path, f.size)
            except OSError as exc:
                raise DecisionError(
                    f"{f.path} cannot be read ({exc.strerror or exc}), so the decision cannot be attached to it.",
                    "unreadable",
                    path=f.path,
                ) from exc
            library.set_fingerprint(f.id, fp)
        out.append((f, fp))
    return out


def set_match(
    library: Library, file_ids: Iterable[int], kind: str, tmdb_id: int, title_data: dict | None = None
) -> int:
    """These files are this TMDb title (movie or tv). Returns how many files were set."""
    if kind not in ("movie", "tv") or int(tmdb_id) <= 0:
        raise DecisionError("A TMDb id is a positive number, for a movie or a TV show.", "bad-id")
    pairs = _fingerprints(library, file_ids)
    for _f, fp in pairs:
        library.set_decision(fp, "match", kind=kind, tmdb_id=int(tmdb_id))
    if title_data is not None:
        library.save_title(kind, int(tmdb_id), title_data)
    return len(pairs)


def unmatch(library: Library, file_ids: Iterable[int]) -> int:
    """Forget the identification of these files and never match them automatically again."""
    pairs = _fingerprints(library, file_ids)
    for _f, fp in pairs:
        library.set_decision(fp, "unmatch")
    return len(pairs)


def forget(library: Library, file_ids: Iterable[int]) -> int:
    """Drop the manual decisions of these files: automatic matching applies again."""
    pairs = _fingerprints(library, file_ids)
    for _f, fp in pairs:
        library.clear_decision(fp)
    return len(pairs)


def split_off(library: Library, file_ids: Iterable[int], kind: str | None, tmdb_id: int | None) -> str:
    """Make these files (one version) a card of their own, keeping their identification."""
    token = uuid.uuid4().hex[:12]
    for _f, fp in _fingerprints(library, file_ids):
        library.set_decision(fp, "split", kind=kind, tmdb_id=tmdb_id, group_token=token)
    return token


def identified_titles(cards: Iterable[Card]) -> list[tuple[str, int]]:
    """The TMDb titles (kind, id) these cards are identified as, each once, in the cards' order."""
    titles: list[tuple[str, int]] = []
    for card in cards:
        if card.tmdb_id and card.kind in ("movie", "tv") and (card.kind, card.tmdb_id) not in titles:
            titles.append((card.kind, card.tmdb_id))
    return titles


def merge(library: Library, target: Card, others: Iterable[Card], keep: tuple[str, int] | None = None) -> int:
    """Put every file of ``target`` and ``others`` on one card, identified as ``keep`` (kind, TMDb id) or
    else as the one title identified among the cards, whichever card is the target; unidentified when none
    is. Cards identified as different titles need ``keep`` (one of them)."""
    cards = [target, *others]
    titles = identified_titles(cards)
    if keep is None and len(titles) > 1:
        raise DecisionError(
            "These cards are different titles on TMDb: choose the one the merged card keeps.", "choose-title"
        )
    if keep is not None and keep not in titles:
        raise DecisionError("The title to keep is not one of the merged cards'.", "not-a-title")
    ids = [i for card in cards for i in card_file_ids(card)]
    keep = keep or (titles[0] if titles else None)
    if keep is not None:
        return set_match(library, ids, *keep)
    token = uuid.uuid4().hex[:12]
    pairs = _fingerprints(library, ids)
    for _f, fp in pairs:
        library.set_decision(fp, "group", group_token=token)
    return len(pairs)


def card_file_ids(card: Card) -> list[int]:
    ids: list[int] = []
    for v in card.versions:
        ids.extend(v.file_ids)
    ids.extend(e.file_id for e in card.episodes)
    return [i for i in ids if i]


def refresh_fingerprints(library: Library) -> int:
    """Fingerprint files not fingerprinted yet whose size matches a decision (renamed or moved files)."""
    sizes = library.decision_sizes()
    if not sizes:
        return 0
    done = 0
    for f in library.files_without_fingerprint(sizes):
        try:
            library.set_fingerprint(f.id, fingerprint(f.path, f.size))
            done += 1
        except (OSError, LibraryError):
            continue
    return done
