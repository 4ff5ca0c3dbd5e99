"""What the detail panel shows of a TMDb details answer (movie or TV show, with credits, videos and
external ids appended), read field by field: a field of the wrong type or out of range is left out and
logged, the rest is shown. The panel never indexes the raw answer itself.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

MAX_CAST = 8
_IMDB_ID = re.compile(r"tt\d{5,10}")
_YOUTUBE_KEY = re.compile(r"[A-Za-z0-9_-]{6,20}")


@dataclass(frozen=True)
class Details:
    overview: str = ""
    genres: tuple[str, ...] = ()
    runtime: int | None = None  # minutes
    directors: tuple[str, ...] = ()
    creators: tuple[str, ...] = ()
    cast: tuple[str, ...] = ()
    imdb_id: str | None = None
    trailer: str | None = None  # a YouTube key
    # (TMDb person id, name) of the directors (or creators) and of the cast shown: a person's page
    director_people: tuple[tuple[int, str], ...] = ()
    cast_people: tuple[tuple[int, str], ...] = ()


class _Reader:
    """Reads fields out of an answer, noting the ones that are not what TMDb documents."""

    def __init__(self) -> None:
        self.dropped: list[str] = []

    def bad(self, what: str) -> None:
        self.dropped.append(what)

    def text(self, value: object, what: str) -> str:
        if value is None or isinstance(value, str):
            return (value or "").strip()
        self.bad(what)
        return ""

    def dict(self, value: object, what: str) -> dict:
        if value is None or isinstance(value, dict):
            return value or {}
        self.bad(what)
        return {}

    def list(self, value: object, what: str) -> list:
        if value is None or isinstance(value, list):
            return value or []
        self.bad(what)
        return []

    def names(self, items: object, what: str, job: str | None = None) -> tuple[str, ...]:
        """The non-empty ``name`` of each dict in a list (of the crew with this ``job`` only)."""
        out = []
        for item in self.list(items, what):
            if not isinstance(item, dict):
                self.bad(f"{what} item")
                continue
            if job is not None and item.get("job") != job:
                continue
            name = self.text(item.get("name"), f"{what} name")
            if name:
                out.append(name)
        return tuple(out)

    def people(self, items: object, what: str, job: str | None = None) -> tuple[tuple[int, str], ...]:
        """(id, name) of each person with a valid id and a name (of the crew with this ``job`` only)."""
        out = []
        for item in self.list(items, what):
            if not isinstance(item, dict) or (job is not None and item.get("job") != job):
                continue
            pid, name = item.get("id"), item.get("name")
            if (
                isinstance(pid, int)
                and not isinstance(pid, bool)
                and pid > 0
                and isinstance(name, str)
                and name.strip()
            ):
                out.append((pid, name.strip()))
        return tuple(out)

    def minutes(self, value: object, what: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10_000:
            return value or None
        self.bad(what)
        return None


def read_details(data: object) -> tuple[Details, list[str]]:
    """The details the panel shows, and the names of the fields left out because they were not valid."""
    r = _Reader()
    if not isinstance(data, dict):
        return Details(), ["the answer"]
    credits = r.dict(data.get("credits"), "credits")
    runtime = r.minutes(data.get("runtime"), "runtime")
    if runtime is None and data.get("episode_run_time") is not None:
        times = r.list(data.get("episode_run_time"), "episode_run_time")
        runtime = r.minutes(times[0], "episode_run_time") if times else None
    imdb = data.get("imdb_id") or r.dict(data.get("external_ids"), "external_ids").get("imdb_id")
    if imdb is not None and not (isinstance(imdb, str) and _IMDB_ID.fullmatch(imdb)):
        r.bad("imdb_id")
        imdb = None
    details = Details(
        overview=r.text(data.get("overview"), "overview"),
        genres=r.names(data.get("genres"), "genres"),
        runtime=runtime,
        directors=r.names(credits.get("crew"), "crew", job="Director"),
        creators=r.names(data.get("created_by"), "created_by"),
        cast=r.names(credits.get("cast"), "cast")[:MAX_CAST],
        imdb_id=imdb,
        trailer=_trailer(r, data.get("videos")),
        director_people=r.people(credits.get("crew"), "crew", job="Director")
        or r.people(data.get("created_by"), "created_by"),
        cast_people=r.people(credits.get("cast"), "cast")[:MAX_CAST],
    )
    return details, r.dropped


def _trailer(r: _Reader, videos: object) -> str | None:
    """The YouTube key of the best trailer (official trailers first)."""
    found = []
    for v in r.list(r.dict(videos, "videos").get("results"), "videos"):
        if not isinstance(v, dict):
            r.bad("videos item")
            continue
        key = v.get("key")
        if v.get("site") == "YouTube" and isinstance(key, str) and _YOUTUBE_KEY.fullmatch(key):
            found.append((v.get("type") != "Trailer", v.get("official") is not True, len(found), key))
    return min(found)[3] if found else None
