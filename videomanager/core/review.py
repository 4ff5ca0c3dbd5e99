"""The review queue: the cards that need a person, each with why, its suggestion and its candidates.

A card is in the queue when it is ambiguous, matched with a low confidence, matched (or suggested) although
its file's runtime disagrees with the title's, holds a file whose name lies about its resolution, or was
not found although its name gives a title. A decision (accept, pick, unmatch) is a manual decision like any
other: the card becomes "manual" and leaves the queue for good.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from videomanager.core.keys import NOTHING_TO_LOOK_UP
from videomanager.core.models import (
    CHECK_NAME_RESOLUTION,
    CHECK_RUNTIME,
    STATE_AMBIGUOUS,
    STATE_MATCHED,
    STATE_NOT_FOUND,
    Candidate,
    Card,
)

LOW_CONFIDENCE = 0.85  # a match below this is worth a look
MAX_CANDIDATES = 5  # keys 1-5 pick one

REASON_AMBIGUOUS = "ambiguous"
REASON_LOW_CONFIDENCE = "low_confidence"
REASON_RUNTIME = CHECK_RUNTIME
REASON_NAME_LIES = CHECK_NAME_RESOLUTION
REASON_NOT_FOUND = "not_found"
_ORDER = (REASON_AMBIGUOUS, REASON_RUNTIME, REASON_NOT_FOUND, REASON_LOW_CONFIDENCE, REASON_NAME_LIES)


class ReviewItem(msgspec.Struct, frozen=True, gc=False):
    """One card of the queue (``review --json`` writes these)."""

    id: str
    title: str
    year: int | None
    state: str
    reasons: tuple[str, ...]
    confidence: float | None = None
    why: str = ""  # the matcher's sentence
    suggestion: Candidate | None = None  # what Enter accepts: the current match, or the best candidate
    candidates: tuple[Candidate, ...] = ()  # what 1-5 pick


def reasons_for(card: Card) -> list[str]:
    """Why this card needs a person (empty: it does not)."""
    if not (card.versions or card.episodes):
        return []
    out = []
    if card.state == STATE_AMBIGUOUS:
        out.append(REASON_AMBIGUOUS)
    if card.state in (STATE_MATCHED, STATE_AMBIGUOUS, STATE_NOT_FOUND) and CHECK_RUNTIME in card.checks:
        out.append(REASON_RUNTIME)
    if card.state == STATE_NOT_FOUND and card.reasons != NOTHING_TO_LOOK_UP and card.title:
        out.append(REASON_NOT_FOUND)
    if card.state == STATE_MATCHED and card.confidence is not None and card.confidence < LOW_CONFIDENCE:
        out.append(REASON_LOW_CONFIDENCE)
    if card.state != "manual" and CHECK_NAME_RESOLUTION in card.checks:
        out.append(REASON_NAME_LIES)
    return sorted(out, key=_ORDER.index)


def _suggestion(card: Card) -> Candidate | None:
    if card.state == STATE_MATCHED and card.tmdb_id and card.kind:
        return Candidate(tmdb_id=card.tmdb_id, kind=card.kind, title=card.title, year=card.year,
                         original_title=card.original_title, poster_path=card.poster_path,
                         score=card.confidence or 0.0, reasons=card.reasons, runtime=card.runtime)  # fmt: skip
    return card.candidates[0] if card.candidates else None


def review_queue(cards: Iterable[Card]) -> list[ReviewItem]:
    """The cards that need a person, the most pressing first (ambiguous, runtime, not found, ...), then by title."""
    items = []
    for card in cards:
        reasons = reasons_for(card)
        if not reasons:
            continue
        items.append(
            ReviewItem(
                id=card.id,
                title=card.title,
                year=card.year,
                state=card.state,
                reasons=tuple(reasons),
                confidence=card.confidence,
                why=card.reasons,
                suggestion=_suggestion(card),
                candidates=card.candidates[:MAX_CANDIDATES],
            )  # fmt: skip
        )
    items.sort(key=lambda i: (_ORDER.index(i.reasons[0]), i.title.casefold(), i.year or 0, i.id))
    return items


def queue_json(items: list[ReviewItem]) -> str:
    return msgspec.json.encode(items).decode()
