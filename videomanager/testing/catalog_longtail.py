"""TMDb's long tail for the local stand-in: obscure namesakes of the catalog's films.

A real title search returns, beside the famous film, entries nobody has heard of that carry the same
title: shorts, TV movies, student films and small documentaries, mostly from other years and now and then
from the very same year, with a popularity near zero and a handful of votes (often none, often no poster).
``namesakes(movies)`` makes such rows, in the custom-catalog dict shape of ``catalog.py``, for a catalog's
films; ``Catalog(..., long_tail=True)`` and ``FakeTMDb(long_tail=True)`` add them to the search index.

Everything is derived from each film's id through a seeded generator, so a given catalog always gets the
same namesakes (same ids, years and popularity), whatever else is in it.
"""

from __future__ import annotations

import random
from typing import Any

LONG_TAIL_ID_BASE = 40_000_000  # namesake ids: far above the real TMDb ids used by the catalogs

# (genre codes, runtime range, how often) for the kinds of obscure entries TMDb holds.
_KINDS = (
    (["dra"], (3, 25), 4),  # short film
    (["tvm", "dra"], (70, 95), 2),  # TV movie
    (["dra"], (12, 40), 2),  # student film
    (["doc"], (20, 60), 1),  # small documentary
    (["hor"], (75, 90), 1),  # direct-to-video feature
)
_LANGUAGES = ("en", "en", "en", "en", "fr", "de", "es", "it", "sv", "ja")
SAME_YEAR_SHARE = 0.15  # films that get one namesake from their own year


def _year(movie: dict[str, Any]) -> int | None:
    date = movie.get("release_date") or ""
    return int(date[:4]) if len(date) >= 4 and date[:4].isdigit() else None


def _namesake(movie: dict[str, Any], year: int | None, rng: random.Random, new_id: int) -> dict[str, Any]:
    genres, (low, high), _ = rng.choices(_KINDS, weights=[k[2] for k in _KINDS])[0]
    votes = rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 5, 8, 13))
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    row: dict[str, Any] = {
        "id": new_id,
        "title": movie["title"],
        "original_language": rng.choice(_LANGUAGES),
        "release_date": f"{year:04d}-{month:02d}-{day:02d}" if year else "",
        "popularity": round(rng.uniform(0.0, 1.4), 3),
        "vote_count": votes,
        "vote_average": round(rng.uniform(3.0, 9.0), 1) if votes else 0.0,
        "runtime": rng.randint(low, high),
        "genres": genres,
        "overview": "",
    }
    if rng.random() < 0.6:
        row["poster_path"] = None
    row["backdrop_path"] = None
    return row


def namesakes(movies: list[dict[str, Any]], seed: int = 0) -> list[dict[str, Any]]:
    """Obscure same-title films for ``movies`` (0 to 5 per film, id ``LONG_TAIL_ID_BASE + 8 * id + k``)."""
    taken = {m["id"] for m in movies}
    out: list[dict[str, Any]] = []
    for movie in sorted(movies, key=lambda m: m["id"]):
        rng = random.Random(f"long-tail:{seed}:{movie['id']}")
        year = _year(movie)
        count = rng.choices((0, 1, 2, 3, 4), weights=(30, 32, 20, 12, 6))[0]
        years: list[int | None] = []
        if year is not None and rng.random() < SAME_YEAR_SHARE:
            years.append(year)
        for _ in range(count):
            if year is None or rng.random() < 0.1:
                years.append(None)  # no release date on TMDb
            else:
                other = year + rng.choice((-1, 1)) * rng.randint(1, 40)
                years.append(other if 1895 <= other <= 2024 and other != year else None)
        for k, y in enumerate(years):
            new_id = LONG_TAIL_ID_BASE + 8 * movie["id"] + k
            if new_id not in taken:
                out.append(_namesake(movie, y, rng, new_id))
    return out
