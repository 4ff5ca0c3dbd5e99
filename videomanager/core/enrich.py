"""The identify pipeline: unique lookup keys -> concurrent, rate-limited TMDb lookups -> library.

One search per unique (kind, normalised title, year), never one per file; an id embedded in a name goes
straight to the movie / tv / find endpoint. Lookups run in a thread pool through the client's shared
limiter and each result is written as soon as it arrives, so the pipeline is resumable and idempotent:
killed at any point, the next run finishes the keys still pending and repeats none that finished; on an
unchanged library a second run makes no request at all.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace

from videomanager.core.keys import NO_TITLE_KEY
from videomanager.core.library import Library
from videomanager.core.matcher import (
    AMBIGUOUS_FLOOR,
    MARGIN,
    Query,
    candidate_from_result,
    decide,
    needs_alternative_titles,
    score_candidates,
)
from videomanager.core.models import STATE_AMBIGUOUS, STATE_MATCHED, STATE_NOT_FOUND, Candidate, Parsed
from videomanager.core.seasons import ShowSeasons, needed_seasons
from videomanager.tmdb.errors import (
    BadRequestError,
    DailyLimitReachedError,
    InvalidCredentialError,
    NoCredentialError,
    NotFoundError,
    TMDbError,
)

log = logging.getLogger(__name__)

# Errors that stop the whole run (every remaining key stays pending for the next run).
# A network failure is not among them: one title can fail alone; several in a row stop the run (below).
FATAL = (NoCredentialError, InvalidCredentialError, DailyLimitReachedError)
MAX_CONSECUTIVE_FAILURES = 5
DEFAULT_LANGUAGE = "en-US"  # what a title fetched before the language was recorded was fetched in
LANGUAGE_FIELD = "fetched_language"  # in a title's stored data: the language it was fetched in


@dataclass
class EnrichProgress:
    keys_done: int = 0
    keys_total: int = 0
    requests: int = 0
    cache_hits: int = 0
    waits_429: int = 0
    wait_seconds: float = 0.0  # time requests spent waiting for the rate limiter (ours and TMDb's 429s)
    requests_today: int = 0
    daily_limit: int = 0  # 0 = none
    eta_seconds: float | None = None


@dataclass
class EnrichSummary:
    keys_total: int = 0
    matched: int = 0
    ambiguous: int = 0
    not_found: int = 0
    failed: int = 0  # keys left pending after an error on that key alone
    failed_reason: str | None = None  # the last such error's sentence (a network down: no whole-run stop)
    failed_kind: str | None = None  # and its class name
    titles_refreshed: int = 0  # titles fetched again because the metadata language changed
    seasons_fetched: int = 0  # TMDb seasons whose episodes (names, air dates) were stored
    requests: int = 0
    cache_hits: int = 0
    waits_429: int = 0
    seconds: float = 0.0
    stop_reason: str | None = None  # one sentence when the run stopped early (key, budget, network)
    stop_kind: str | None = None  # the error's class name ("InvalidCredentialError"), for the UI's action
    cancelled: bool = False
    by_state: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        text = (
            f"{self.keys_total} titles looked up: {self.matched} matched, {self.ambiguous} ambiguous, "
            f"{self.not_found} not found; {self.requests} requests, {self.cache_hits} cache hits, "
            f"{self.waits_429} rate-limit waits, {self.seconds:.1f} s"
        )
        if self.failed:
            text += f"; {self.failed} left for the next run"
        if self.titles_refreshed:
            text += f"; {self.titles_refreshed} titles fetched again in the new metadata language"
        if self.seasons_fetched:
            text += f"; episodes of {self.seasons_fetched} seasons fetched"
        return text


@dataclass(frozen=True)
class LookupResult:
    key: str
    state: str
    tmdb_id: int | None = None
    kind: str | None = None
    confidence: float | None = None
    reasons: str = ""
    candidates: tuple[Candidate, ...] = ()
    title_data: dict | None = None


def _candidate_dict(c: Candidate) -> dict:
    return {
        "tmdb_id": c.tmdb_id, "kind": c.kind, "title": c.title, "year": c.year,
        "original_title": c.original_title, "popularity": c.popularity, "poster_path": c.poster_path,
        "score": c.score, "reasons": c.reasons,
    }  # fmt: skip


def _title_data(item: dict, kind: str) -> dict:
    keep = ("id", "title", "name", "original_title", "original_name", "release_date", "first_air_date",
            "poster_path", "backdrop_path", "overview", "popularity", "vote_average", "genre_ids",
            "original_language", "imdb_id", "runtime")  # fmt: skip
    data = {k: item[k] for k in keep if k in item}
    data["media_type"] = kind
    return data


class Identifier:
    """Identifies one lookup key against TMDb (the unit of work of the pipeline)."""

    def __init__(self, client) -> None:
        self.client = client

    def identify(self, key: str, query: Query | None) -> LookupResult:
        if key == NO_TITLE_KEY or query is None:
            return LookupResult(key, STATE_NOT_FOUND, reasons="nothing to look up in the file name")
        if key.startswith(("tmdb:", "imdb:", "tvdb:")):
            return self._by_id(key)
        return self._by_search(key, query)

    def _by_id(self, key: str) -> LookupResult:
        scheme, _, rest = key.partition(":")
        try:
            if scheme == "tmdb":
                kind, _, ident = rest.partition(":")
                item = (
                    self.client.get_tv_show(int(ident)) if kind == "tv" else self.client.get_movie(int(ident))
                )
                return self._matched_by_id(key, item, kind, f"TMDb id {ident} in the file name")
            source = "imdb_id" if scheme == "imdb" else "tvdb_id"
            found = self.client.find(rest, external_source=source)
        except NotFoundError:
            return LookupResult(
                key, STATE_NOT_FOUND, reasons=f"the id in the file name ({rest}) is not on TMDb"
            )
        for kind, bucket in (("movie", "movie_results"), ("tv", "tv_results")):
            items = found.get(bucket) if isinstance(found, dict) else None
            if items:
                return self._matched_by_id(
                    key, items[0], kind, f"{source.replace('_id', '').upper()} id {rest}"
                )
        return LookupResult(key, STATE_NOT_FOUND, reasons=f"the id in the file name ({rest}) is not on TMDb")

    @staticmethod
    def _matched_by_id(key: str, item: dict, kind: str, why: str) -> LookupResult:
        c = candidate_from_result(item, kind)
        return LookupResult(key, STATE_MATCHED, c.tmdb_id, kind, 1.0, why, (c,), _title_data(item, kind))

    def _search(self, query: Query, year: int | None) -> list[dict]:
        if query.kind == "tv":
            data = self.client.search_tv(query.title, first_air_date_year=year)
        else:
            data = self.client.search_movie(query.title, year=year)
        results = data.get("results") if isinstance(data, dict) else None
        return [r for r in results or [] if isinstance(r, dict) and isinstance(r.get("id"), int)]

    def _by_search(self, key: str, query: Query) -> LookupResult:
        items: dict[int, dict] = {}
        in_year: set[int] = set()
        if query.year:
            for r in self._search(query, query.year):
                items.setdefault(r["id"], r)
                in_year.add(r["id"])
        scored = self._score(query, items, in_year, {})
        done = scored and decide(scored).state == STATE_MATCHED
        if not done:
            # The year may be a regional release year, or wrong: search again without it (+-1 allowed).
            for r in self._search(query, None):
                items.setdefault(r["id"], r)
            scored = self._score(query, items, in_year, {})
        alt: dict[int, list[str]] = {}
        if scored and decide(scored).state != STATE_MATCHED:
            for tmdb_id in needs_alternative_titles(query, scored, list(items)):
                alt[tmdb_id] = self._alternative_titles(query.kind, tmdb_id)
            if alt:
                scored = self._score(query, items, in_year, alt)
        penalties: dict[int, str] = {}
        if scored and query.kind == "tv" and query.max_season and decide(scored).state == STATE_AMBIGUOUS:
            # Same-named shows: one that never had season N cannot hold S0NE01 (The Office UK: 2 series).
            for s in scored[:3]:
                if s.score >= scored[0].score - 0.15:
                    seasons = self._season_count(s.candidate.tmdb_id)
                    if seasons is not None and seasons < query.max_season:
                        penalties[s.candidate.tmdb_id] = f"only {seasons} seasons"
            if penalties:
                scored = self._score(query, items, in_year, alt, penalties)
        decision = decide(scored)
        candidates = decision.candidates
        if decision.state == STATE_MATCHED and decision.best is not None:
            best = decision.best
            return LookupResult(key, STATE_MATCHED, best.tmdb_id, best.kind, decision.confidence, decision.reasons,
                                candidates, _title_data(items[best.tmdb_id], best.kind))  # fmt: skip
        return LookupResult(
            key, decision.state, None, query.kind, decision.confidence, decision.reasons, candidates
        )

    def _score(self, query: Query, items: dict[int, dict], in_year: set[int], alt: dict[int, list[str]],
               penalties: dict[int, str] | None = None):  # fmt: skip
        cands = [candidate_from_result(r, query.kind) for r in items.values()]
        return score_candidates(query, cands, in_year_search=in_year, alt_titles=alt, penalties=penalties)

    def _season_count(self, tv_id: int) -> int | None:
        try:
            data = self.client.get_tv_show(tv_id)
        except NotFoundError:
            return None
        n = data.get("number_of_seasons") if isinstance(data, dict) else None
        return n if isinstance(n, int) else None

    def _alternative_titles(self, kind: str, tmdb_id: int) -> list[str]:
        """Alternative and translated titles ("Le Monde de Nemo" for Finding Nemo), in one request."""
        appends = "alternative_titles,translations"
        try:
            if kind == "tv":
                data = self.client.get_tv_show(tmdb_id, append_to_response=appends)
            else:
                data = self.client.get_movie(tmdb_id, append_to_response=appends)
        except NotFoundError:
            return []
        if not isinstance(data, dict):
            return []
        alt = data.get("alternative_titles")
        rows = (alt.get("results") if kind == "tv" else alt.get("titles")) if isinstance(alt, dict) else None
        titles = [str(r["title"]) for r in rows or [] if isinstance(r, dict) and r.get("title")]
        tr = data.get("translations")
        for t in (tr.get("translations") if isinstance(tr, dict) else None) or []:
            d = t.get("data") if isinstance(t, dict) else None
            name = (d.get("name") if kind == "tv" else d.get("title")) if isinstance(d, dict) else None
            if isinstance(name, str) and name.strip():
                titles.append(name)
        return titles


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


def queries_for_keys(library: Library, keys: list[str]) -> dict[str, Query]:
    """The search query of each key, from the files that use it (title as written, year, hints)."""
    wanted = set(keys)
    out: dict[str, Query] = {}
    seasons: dict[str, int] = {}
    alts: dict[str, set[str]] = {}
    for key, parsed in library.parses_for_keys(wanted):
        if parsed.season is not None:
            seasons[key] = max(seasons.get(key, 0), parsed.season)
        alts.setdefault(key, set()).update(parsed.alternative_titles)
        if key not in out and parsed.title:
            out[key] = Query(
                title=parsed.title,
                year=parsed.year,
                kind="tv" if parsed.kind == "episode" else "movie",
                country=parsed.country if parsed.kind == "episode" else None,
                language=parsed.language,
            )
    for key, q in out.items():
        out[key] = replace(
            q, alternative_titles=tuple(sorted(alts.get(key, ()))), max_season=seasons.get(key)
        )
    return out


class Enricher:
    """Runs the identify pipeline over every pending key of a library."""

    def __init__(
        self,
        library: Library,
        client,
        *,
        workers: int = 8,
        cancel: threading.Event | None = None,
        progress: Callable[[EnrichProgress], None] | None = None,
        on_result: Callable[[list[str]], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.library = library
        self.client = client
        self.workers = max(1, workers)
        self.cancel = cancel or threading.Event()
        self.progress_cb = progress
        self.on_result = on_result
        self.clock = clock
        self.identifier = Identifier(client)

    def _progress(self, done: int, total: int, started: float, base: tuple[int, int, int]) -> EnrichProgress:
        budget = getattr(self.client, "budget", None)
        elapsed = self.clock() - started
        eta = (elapsed / done) * (total - done) if done and total > done else (0.0 if done >= total else None)
        return EnrichProgress(
            keys_done=done,
            keys_total=total,
            requests=self.client.requests_sent - base[0],
            cache_hits=self.client.cache_hits - base[1],
            waits_429=self.client.limiter.waits_429 - base[2],
            wait_seconds=max(0.0, getattr(self.client.limiter, "total_wait_seconds", 0.0) - self._wait_base),
            requests_today=budget.used_today() if budget is not None else 0,
            daily_limit=budget.limit if budget is not None else 0,
            eta_seconds=eta,
        )

    def run(self, retry: bool = False) -> EnrichSummary:
        started = self.clock()
        if retry:
            self.library.reset_lookups([STATE_NOT_FOUND, STATE_AMBIGUOUS])
        keys = self.library.pending_lookup_keys()
        summary = EnrichSummary(keys_total=len(keys))
        base = (self.client.requests_sent, self.client.cache_hits, self.client.limiter.waits_429)
        self._wait_base = getattr(self.client.limiter, "total_wait_seconds", 0.0)
        if not keys:
            if getattr(self.client, "has_credential", True):
                self._fetch_seasons(summary)
                self._refresh_language(summary)
            self._finish(summary, started, base)
            return summary
        if not getattr(self.client, "has_credential", True):
            # Nothing can be looked up; keys stay pending (files without a title are settled anyway).
            self._settle_untitled(keys, summary)
            summary.stop_reason, summary.stop_kind = NoCredentialError().user_message, "NoCredentialError"
            self._finish(summary, started, base)
            return summary
        queries = queries_for_keys(self.library, keys)
        done = 0
        consecutive_failures = 0
        failed_keys: list[str] = []
        batch: list[str] = []
        last_emit = self.clock()
        pending_keys = iter(keys)
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="identify") as pool:
            running: dict[Future, str] = {}

            def submit_more() -> None:
                while (
                    len(running) < self.workers * 2
                    and not self.cancel.is_set()
                    and summary.stop_reason is None
                ):
                    key = next(pending_keys, None)
                    if key is None:
                        return
                    running[pool.submit(self.identifier.identify, key, queries.get(key))] = key

            submit_more()
            while running:
                finished, _ = wait(list(running), timeout=0.25, return_when=FIRST_COMPLETED)
                for fut in finished:
                    key = running.pop(fut)
                    if fut.cancelled():
                        continue  # stopped before it started: the key stays pending
                    try:
                        result = fut.result()
                    except FATAL as exc:
                        if summary.stop_reason is None:
                            summary.stop_reason, summary.stop_kind = exc.user_message, type(exc).__name__
                        self.cancel.set()
                        continue
                    except BadRequestError as exc:
                        result = LookupResult(key, STATE_NOT_FOUND, reasons=exc.user_message)
                    except TMDbError as exc:
                        failed_keys.append(key)
                        consecutive_failures += 1
                        log.debug("lookup %s failed: %s", key, exc.user_message)
                        if consecutive_failures >= MAX_CONSECUTIVE_FAILURES:
                            summary.stop_reason, summary.stop_kind = exc.user_message, type(exc).__name__
                            self.cancel.set()
                        continue
                    consecutive_failures = 0
                    self._save(result, summary)
                    done += 1
                    batch.append(key)
                if batch and (self.clock() - last_emit > 0.2 or not running):
                    if self.on_result:
                        self.on_result(batch)
                    batch = []
                    last_emit = self.clock()
                if self.progress_cb:
                    self.progress_cb(self._progress(done, len(keys), started, base))
                if self.cancel.is_set():
                    for fut in running:
                        fut.cancel()
                submit_more()
        # Keys that failed alone (a dropped connection after every retry) get one more try at the end,
        # when the rest is done: a flaky network should not leave titles behind.
        for key in failed_keys:
            if self.cancel.is_set():
                summary.failed += 1
                continue
            try:
                self._save(self.identifier.identify(key, queries.get(key)), summary)
                done += 1
                batch.append(key)
            except TMDbError as exc:
                summary.failed += 1
                summary.failed_reason, summary.failed_kind = exc.user_message, type(exc).__name__
                log.debug("lookup %s failed again: %s", key, exc.user_message)
        self._settle_by_library_shows(summary, set(keys))
        if batch and self.on_result:
            self.on_result(batch)
        self._fetch_seasons(summary)
        self._refresh_language(summary)
        summary.cancelled = self.cancel.is_set() and summary.stop_reason is None
        self._finish(summary, started, base)
        if self.progress_cb:
            self.progress_cb(self._progress(done, len(keys), started, base))
        return summary

    def _settle_by_library_shows(self, summary: EnrichSummary, keys: set[str]) -> None:
        """Match the ambiguous TV lookups whose best candidate is a show the library holds (see
        ``library_show_choices``); the lookup keeps its candidates and says why. ``keys``: this run's."""
        for key, best in library_show_choices(self.library):
            row = self.library.lookups_for([key])[key]
            self.library.save_lookup(
                key, state=STATE_MATCHED, tmdb_id=best["tmdb_id"], kind="tv", confidence=row.confidence,
                reasons=f"{row.reasons}; the show other files in the library are matched to",
                candidates=row.candidates,
            )  # fmt: skip
            if key in keys:
                summary.matched += 1
                summary.ambiguous = max(0, summary.ambiguous - 1)

    def _fetch_seasons(self, summary: EnrichSummary) -> None:
        """The season details the matched shows' files need (see SeasonFetcher)."""
        if self.cancel.is_set() or summary.stop_reason is not None:
            return
        fetcher = SeasonFetcher(self.library, self.client, workers=self.workers, cancel=self.cancel,
                                language=self._language())  # fmt: skip
        try:
            summary.seasons_fetched = fetcher.run()
        except FATAL as exc:
            summary.stop_reason, summary.stop_kind = exc.user_message, type(exc).__name__
            return
        if fetcher.error is not None:
            log.debug("fetching season details stopped: %s", fetcher.error.user_message)
        if summary.seasons_fetched and self.on_result:
            self.on_result([])  # the cards changed: episode titles, air dates and numbers

    def _settle_untitled(self, keys: list[str], summary: EnrichSummary) -> None:
        if NO_TITLE_KEY in keys:
            self._save(self.identifier.identify(NO_TITLE_KEY, None), summary)

    def _language(self) -> str:
        return getattr(self.client, "language", None) or DEFAULT_LANGUAGE

    def _refresh_language(self, summary: EnrichSummary) -> None:
        """Fetch again, in the settings' language, the titles that were fetched in another one (the user
        changed the metadata language): a card's title and overview follow the language. One request per
        such title, rate-limited like the rest; stops at the first error (they stay for the next run)."""
        if self.cancel.is_set() or summary.stop_reason is not None:
            return
        lang = self._language()
        stale = [t for t in self.library.titles_not_in(lang, DEFAULT_LANGUAGE) if t[0] in ("movie", "tv")]
        if not stale:
            return

        stop: list[TMDbError] = []  # the first error ends the refresh (a network down, the budget spent)

        def fetch(entry: tuple[str, int, dict]) -> tuple[str, int, dict] | None:
            kind, tid, old = entry
            if self.cancel.is_set() or stop:
                return None
            try:
                item = self.client.get_tv_show(tid) if kind == "tv" else self.client.get_movie(tid)
            except NotFoundError:  # gone from TMDb: keep what we have, and do not ask again
                return kind, tid, {**old, LANGUAGE_FIELD: lang}
            except TMDbError as exc:
                stop.append(exc)
                return None
            return kind, tid, {**old, **_title_data(item, kind), LANGUAGE_FIELD: lang}

        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="retitle") as pool:
            for done in pool.map(fetch, stale):
                if done is not None:
                    self.library.save_title(*done)
                    summary.titles_refreshed += 1
        if stop:  # the rest waits for the next run
            log.debug("refreshing titles in %s stopped: %s", lang, stop[0].user_message)
        if summary.titles_refreshed and self.on_result:
            self.on_result([])  # the cards changed: the window rebuilds them

    def _save(self, r: LookupResult, summary: EnrichSummary) -> None:
        if r.title_data is not None and r.tmdb_id is not None and r.kind:
            self.library.save_title(r.kind, r.tmdb_id, {**r.title_data, LANGUAGE_FIELD: self._language()})
        self.library.save_lookup(
            r.key,
            state=r.state,
            tmdb_id=r.tmdb_id,
            kind=r.kind,
            confidence=r.confidence,
            reasons=r.reasons,
            candidates=[_candidate_dict(c) for c in r.candidates],
        )
        if r.state == STATE_MATCHED:
            summary.matched += 1
        elif r.state == STATE_AMBIGUOUS:
            summary.ambiguous += 1
        else:
            summary.not_found += 1

    def _finish(self, summary: EnrichSummary, started: float, base: tuple[int, int, int]) -> None:
        summary.seconds = self.clock() - started
        summary.requests = self.client.requests_sent - base[0]
        summary.cache_hits = self.client.cache_hits - base[1]
        summary.waits_429 = self.client.limiter.waits_429 - base[2]


def build_client(settings, paths, library: Library | None, env=None):
    """The TMDb client the settings describe, or None when no credential is configured."""
    from videomanager.core.logsafe import register_secret
    from videomanager.core.settings import effective_credentials, effective_tmdb_url
    from videomanager.tmdb import TMDbClient
    from videomanager.tmdb.cache import ResponseCache
    from videomanager.tmdb.ratelimit import DailyBudget, RateLimiter

    key, token = effective_credentials(settings, env)
    if not key and not token:
        return None
    register_secret(key)
    register_secret(token)
    limiter = RateLimiter(rate_per_second=settings.requests_per_second)
    budget = DailyBudget(settings.daily_request_limit, library) if library is not None else None
    return TMDbClient(
        api_key=key or None,
        access_token=token or None,
        base_url=effective_tmdb_url(settings, env),
        language=settings.language or "en-US",
        region=settings.region or None,
        include_adult=settings.include_adult,
        limiter=limiter,
        cache=ResponseCache(paths.tmdb_cache),
        budget=budget,
    )


__all__ = [
    "Enricher",
    "EnrichProgress",
    "EnrichSummary",
    "Identifier",
    "LookupResult",
    "Parsed",
    "build_client",
]
