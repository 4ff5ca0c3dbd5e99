"""Real films from MovieLens (ml-latest-small) for the film-name accuracy check, read where it is shared.

MovieLens stays outside the project (its licence allows research use only, see the corpus SOURCES.md):
this module reads ``/work/shared/corpora/movielens`` (or ``$VM_MOVIELENS``) at run time and the tests that
use it are skipped when it is not there. ``load_films`` gives each film's TMDb id (links.csv), its title
with the article put back in front, its year and how often it was rated; ``catalog_rows`` turns them into
the stand-in's custom-catalog movie dicts (popularity and votes from the rating counts, the title in
parentheses as the original title, an "a.k.a." title as an alternative title).
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MOVIELENS = Path(os.environ.get("VM_MOVIELENS", "/work/shared/corpora/movielens"))

_ARTICLES = ("The", "A", "An", "La", "Le", "Les", "L'", "Il", "Das", "Der", "Die", "El", "Los", "Las")
_ROW = re.compile(
    r"^(?P<title>.*?)\s*(?:\(a\.k\.a\. (?P<aka>[^()]*)\))?\s*(?:\((?P<other>[^()]*)\))?\s*"
    r"\((?P<year>\d{4})(?:-\d{0,4})?\)\s*$"
)


@dataclass(frozen=True)
class MovieLensFilm:
    tmdb_id: int
    title: str
    year: int
    ratings: int
    original: str | None = None  # the other-language title MovieLens gives in parentheses
    aka: str | None = None


def available() -> bool:
    return all((MOVIELENS / f).is_file() for f in ("movies.csv", "links.csv", "ratings.csv"))


def unflip(title: str) -> str:
    """'American President, The' -> 'The American President'."""
    head, sep, tail = title.rpartition(", ")
    if sep and tail in _ARTICLES:
        return f"{tail}{'' if tail.endswith(chr(39)) else ' '}{head}"
    return title


def load_films(path: Path = MOVIELENS) -> list[MovieLensFilm]:
    """Films with a TMDb id and a year, most rated first (ties by id)."""
    links: dict[str, int] = {}
    with open(path / "links.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["tmdbId"]:
                links[r["movieId"]] = int(r["tmdbId"])
    counts: Counter[str] = Counter()
    with open(path / "ratings.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            counts[r["movieId"]] += 1
    films: dict[int, MovieLensFilm] = {}
    with open(path / "movies.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            m = _ROW.match(r["title"].strip())
            tmdb_id = links.get(r["movieId"])
            if not m or tmdb_id is None or tmdb_id in films or not m.group("title"):
                continue
            other, aka = m.group("other"), m.group("aka")
            films[tmdb_id] = MovieLensFilm(
                tmdb_id=tmdb_id,
                title=unflip(m.group("title").strip()),
                year=int(m.group("year")),
                ratings=counts[r["movieId"]],
                original=unflip(other.strip()) if other else None,
                aka=aka.strip() if aka else None,
            )
    return sorted(films.values(), key=lambda f: (-f.ratings, f.tmdb_id))


def catalog_rows(films: list[MovieLensFilm]) -> list[dict[str, Any]]:
    """The stand-in's custom-catalog movie dicts (see videomanager/testing/catalog.py)."""
    top = max((f.ratings for f in films), default=1) or 1
    rows = []
    for f in films:
        row: dict[str, Any] = {
            "id": f.tmdb_id,
            "title": f.title,
            "release_date": f"{f.year}-06-15",
            # Every MovieLens film is known: a few hundred TMDb votes at least, thousands for the famous.
            "popularity": round(3.0 + 97.0 * (f.ratings / top) ** 0.5, 3),
            "vote_count": 150 + f.ratings * 60,
            "vote_average": 6.5,
        }
        if f.original:
            row["original_title"] = f.original
        if f.aka:
            row["alternative_titles"] = [("US", f.aka)]
        rows.append(row)
    return rows
