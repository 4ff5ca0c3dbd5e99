"""Lookup keys: the unit of identification. One TMDb search per unique (kind, normalised title, year),
never one per file; an id embedded in the name is its own key and skips the search."""

from __future__ import annotations

from videomanager.core.models import ROLE_EXTRA, Parsed
from videomanager.core.text import normalize_title

NO_TITLE_KEY = "none:"  # files whose name holds nothing to look up (personal videos, junk)


def lookup_key(parsed: Parsed, role: str) -> str | None:
    """The key a file is identified by, or None for extras (they follow their film)."""
    if role == ROLE_EXTRA:
        return None
    kind = "tv" if parsed.kind == "episode" else "movie"
    if parsed.tmdb_id:
        return f"tmdb:{kind}:{parsed.tmdb_id}"
    if parsed.imdb_id and kind == "movie":
        return f"imdb:{parsed.imdb_id}"
    if parsed.tvdb_id and kind == "tv":
        return f"tvdb:{parsed.tvdb_id}"
    # A film's full title ("Star Wars - The Empire Strikes Back") tells it from the saga's other films.
    title = (parsed.full_title or parsed.title) if kind == "movie" else parsed.title
    norm = normalize_title(title) if title else ""
    if not norm:
        return NO_TITLE_KEY
    key = f"{kind}|{norm}|{parsed.year or ''}"
    if kind == "tv" and parsed.country:
        key += f"|{parsed.country}"  # The Office (UK) and The Office (US) are different shows
    return key
