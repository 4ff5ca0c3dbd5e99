"""Seen marks: the user says a film, a version or an episode has been watched.

A mark is a user decision like a fix or a merge: keyed by the file's fingerprint (size + hash of its
first and last 64 KiB), so it stays through rescans, renames and moves, and a changed mark regroups
the cards of those files (a trigger logs it for the card store).
"""

from __future__ import annotations

from collections.abc import Iterable

from videomanager.core.decisions import _fingerprints
from videomanager.core.library import Library


def set_seen(library: Library, file_ids: Iterable[int], seen: bool = True) -> int:
    """Mark these files seen (or not seen); returns how many files were marked."""
    pairs = _fingerprints(library, list(file_ids))
    library.set_seen({fp for _f, fp in pairs}, seen)
    return len(pairs)
