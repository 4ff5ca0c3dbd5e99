"""After identification: TMDb's season details of the shows the library holds, and ambiguous TV lookups the
library itself settles.

Season details give each episode file its TMDb name and air date, and place air dates (daily shows) and
absolute numbers (anime) at their season and episode (see ``core.seasons``). One request per season some file
needs, cached by the client and stored in the library's ``seasons`` table.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from videomanager.core.library import Library
from videomanager.core.matcher import AMBIGUOUS_FLOOR, MARGIN
from videomanager.core.models import STATE_AMBIGUOUS, STATE_MATCHED, Parsed
from videomanager.core.seasons import ShowSeasons, needed_seasons
from videomanager.tmdb.errors import (
    DailyLimitReachedError,
    InvalidCredentialError,
    NoCredentialError,
    NotFoundError,
    TMDbError,
)

log = logging.getLogger(__name__)

FATAL = (NoCredentialError, InvalidCredentialError, DailyLimitReachedError)

SEASONS_STALE_SECONDS = 86400.0  # season data older than a day is fetched again when a file goes beyond it
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _season_episodes(data: object) -> tuple[list[tuple[int, str | None, str | None]], str | None]:
    """(episodes as (number, name, air date), the season's air date) from a season details answer; what is
    not of the expected type is left out."""
    if not isinstance(data, dict):
        return [], None
    out = []
    for e in data.get("episodes") or []:
        if not isinstance(e, dict) or not isinstance(e.get("episode_number"), int):
            continue
        name = e.get("name") if isinstance(e.get("name"), str) else None
        air = (
            e.get("air_date")
            if isinstance(e.get("air_date"), str) and _ISO_DATE.match(e["air_date"])
            else None
        )
        out.append((e["episode_number"], name, air))
    air_date = data.get("air_date")
    return out, air_date if isinstance(air_date, str) and _ISO_DATE.match(air_date) else None


def _summary(data: object) -> list[tuple[int, int | None, str | None]]:
    """(season, episode count, air date) of every season a show's details list."""
    rows = []
    for s in (data.get("seasons") if isinstance(data, dict) else None) or []:
        if isinstance(s, dict) and isinstance(s.get("season_number"), int):
            count = s.get("episode_count") if isinstance(s.get("episode_count"), int) else None
            air = (
                s.get("air_date")
                if isinstance(s.get("air_date"), str) and _ISO_DATE.match(s["air_date"])
                else None
            )
            rows.append((s["season_number"], count, air))
    return rows


def library_show_choices(library: Library) -> list[tuple[str, dict]]:
    """Ambiguous TV lookups that the library itself settles: (key, candidate) where the best candidate is a
    show other files are already matched to, and no other show the library holds comes close.

    A scene name such as "Stephen.Colbert.2019.10.01" is a weak title on its own; beside the files matched to
    "The Late Show with Stephen Colbert" it is that show (as Sonarr and Radarr match names against the series
    already in the library)."""
    held = {row.tmdb_id for row in library.lookups([STATE_MATCHED]) if row.kind == "tv" and row.tmdb_id}
    out = []
    for row in library.lookups([STATE_AMBIGUOUS]):
        cands = [c for c in row.candidates if isinstance(c, dict) and c.get("kind") == "tv"]
        if row.kind != "tv" or not cands:
            continue
        best = max(cands, key=lambda c: c.get("score") or 0.0)
        score = best.get("score") or 0.0
        if best.get("tmdb_id") not in held or score < AMBIGUOUS_FLOOR:
            continue
        rivals = [c for c in cands if c is not best and c.get("tmdb_id") in held]
        if all((c.get("score") or 0.0) < score - MARGIN for c in rivals):
            out.append((row.key, best))
    return out


class SeasonFetcher:
    """After matching: TMDb's season details (episode names, air dates) of the seasons the library holds.

    One request per season of a matched show that some file needs (``core.seasons.needed_seasons``), plus
    the show's season list when an air date or an absolute number must be placed first; what is stored is
    not asked again unless a file goes beyond it and it is a day old, or the metadata language changed.
    The first error stops the step (the rest waits for the next run); FATAL errors are raised."""

    def __init__(self, library: Library, client, *, workers: int, cancel: threading.Event, language: str,
                 clock: Callable[[], float] = time.time) -> None:  # fmt: skip
        self.library = library
        self.client = client
        self.workers = max(1, workers)
        self.cancel = cancel
        self.language = language
        self.clock = clock
        self.error: TMDbError | None = None

    def run(self) -> int:
        """Fetch what the library's episode files need; returns how many seasons were stored."""
        parses = self.library.tv_parses()
        if not parses:
            return 0
        known = self.library.seasons_for(parses)
        summaries = [tv for tv, ps in parses.items() if self._needs_summary(ps, known.get(tv, {}))]
        self._each(summaries, self._fetch_summary)
        stored = 0
        for round_ in range(2):  # the second round: the neighbours of a season that lacked an air date
            known = self.library.seasons_for(parses)
            jobs = [
                (tv, n)
                for tv, ps in parses.items()
                for n in sorted(self._wanted(ps, known.get(tv, {}), round_))
            ]
            stored += sum(self._each(jobs, self._fetch_season))
        return stored

    def _needs_summary(self, parses: list[Parsed], rows: dict) -> bool:
        needed, _ = needed_seasons(parses, ShowSeasons(rows))
        newest = max((r.fetched_at for r in rows.values()), default=0.0)
        return needed and (not rows or self.clock() - newest > SEASONS_STALE_SECONDS)

    def _wanted(self, parses: list[Parsed], rows: dict, round_: int) -> set[int]:
        show = ShowSeasons(rows)
        _, wanted = needed_seasons(parses, show)
        if round_:
            wanted = set()
            for p in parses:  # a date the fetched season does not hold: its neighbours may
                if p.air_date and show.by_date(p.air_date) is None and (s := show.season_of_date(p.air_date)):
                    wanted |= {n for n in (s - 1, s + 1) if n in rows}
        out = set()
        now = self.clock()
        for n in wanted:
            row = rows.get(n)
            if row is None or row.episodes is None or row.language != self.language:
                out.add(n)
            elif now - row.fetched_at > SEASONS_STALE_SECONDS and any(
                p.season == n and (p.episode or 0) > len(row.episodes) for p in parses
            ):
                out.add(n)
        return out

    def _each(self, jobs: list, fetch: Callable) -> list[int]:
        if not jobs or self.error is not None or self.cancel.is_set():
            return []
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="seasons") as pool:
            return [n for n in pool.map(fetch, jobs) if n]

    def _fetch_summary(self, tv_id: int) -> int:
        if self.error is not None or self.cancel.is_set():
            return 0
        try:
            data = self.client.get_tv_show(tv_id)
        except NotFoundError:
            return 0
        except FATAL:
            raise
        except TMDbError as exc:
            self.error = exc
            return 0
        self.library.save_season_summary(tv_id, _summary(data))
        return 1

    def _fetch_season(self, job: tuple[int, int]) -> int:
        tv_id, season = job
        if self.error is not None or self.cancel.is_set():
            return 0
        try:
            data = self.client.get_tv_season(tv_id, season)
        except NotFoundError:
            data = {}  # TMDb has no such season: stored empty, not asked again
        except FATAL:
            raise
        except TMDbError as exc:
            self.error = exc
            return 0
        episodes, air_date = _season_episodes(data)
        self.library.save_season_episodes(tv_id, season, episodes, air_date=air_date, language=self.language)
        return 1
