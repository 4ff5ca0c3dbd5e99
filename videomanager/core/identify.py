"""The identify pipeline: unique lookup keys -> concurrent, rate-limited TMDb lookups -> library.

One search per unique (kind, normalised title, year), never one per file; an id embedded in a name goes
straight to the movie / tv / find endpoint (one lookup: ``lookup.py``). Lookups run in a thread pool through the client's shared
limiter and each result is written as soon as it arrives, so the pipeline is resumable and idempotent:
killed at any point, the next run finishes the keys still pending and repeats none that finished; on an
unchanged library a second run makes no request at all.

A failure of one lookup (a network error, a malformed answer) leaves that key pending and the run goes
on; a credential refused, the daily budget spent, several network failures or rate-limit refusals in a
row stop the run, with the error's sentence and ``kind`` in the summary. Each lookup runs in the
client's scope of the run's cancel event, so stopping interrupts waits and requests in flight, and its
retry waits together are bounded (LOOKUP_MAX_WAIT).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

from videomanager.core.keys import NO_TITLE_KEY
from videomanager.core.library import Library
from videomanager.core.lookup import Identifier, LookupResult, candidate_dict, queries_for_keys, title_data
from videomanager.core.matcher import Query
from videomanager.core.models import STATE_AMBIGUOUS, STATE_MATCHED, STATE_NOT_FOUND, Parsed
from videomanager.core.reasons import phrase
from videomanager.core.season_fetch import SeasonFetcher, library_show_choices
from videomanager.tmdb.errors import (
    BadRequestError,
    DailyLimitReachedError,
    InvalidCredentialError,
    MalformedAnswerError,
    NoCredentialError,
    NotFoundError,
    RateLimitedError,
    RequestCancelled,
    TMDbError,
)

log = logging.getLogger(__name__)

# Errors that stop the whole run (every remaining key stays pending for the next run).
# A network failure is not among them: one title can fail alone; several in a row stop the run (below).
FATAL = (NoCredentialError, InvalidCredentialError, DailyLimitReachedError)
MAX_CONSECUTIVE_FAILURES = 5
MAX_CONSECUTIVE_RATE_LIMITED = 3  # lookups refused with 'too many requests' after their waits, in a row
LOOKUP_MAX_WAIT = 40.0  # seconds of retry waiting one lookup may use in all (its requests together)
DEFAULT_LANGUAGE = "en-US"  # what a title fetched before the language was recorded was fetched in
LANGUAGE_FIELD = "fetched_language"  # in a title's stored data: the language it was fetched in


@dataclass
class IdentifyProgress:
    keys_done: int = 0
    keys_total: int = 0
    requests: int = 0
    cache_hits: int = 0
    waits_429: int = 0
    wait_seconds: float = 0.0  # time requests spent waiting for the rate limit (ours and TMDb's 429s)
    backoff_seconds: float = 0.0  # time spent waiting before retries after errors (5xx, timeouts)
    requests_today: int = 0
    daily_limit: int = 0  # 0 = none
    eta_seconds: float | None = None


@dataclass
class IdentifySummary:
    keys_total: int = 0
    matched: int = 0
    ambiguous: int = 0
    not_found: int = 0
    pending: int = 0  # of the keys_total, still pending at the end (failed, or not reached after a stop)
    failed: int = 0  # keys left pending after an error on that key alone
    failed_reason: str | None = None  # the last such error's sentence (a network down: no whole-run stop)
    failed_kind: str | None = None  # and its kind ("network", "malformed", ... see tmdb.errors)
    failed_error: str | None = None  # and its class name
    malformed: int = 0  # TMDb answers that were malformed (in part: items dropped, or as a whole)
    titles_refreshed: int = 0  # titles fetched again because the metadata language changed
    seasons_fetched: int = 0  # TMDb seasons whose episodes (names, air dates) were stored
    requests: int = 0
    cache_hits: int = 0
    waits_429: int = 0
    seconds: float = 0.0
    stop_reason: str | None = None  # one sentence when the run stopped early (key, budget, network)
    stop_kind: str | None = None  # the error's kind ("credential", "daily-limit", ...), for the UI's action
    # What a window needs to word the stop itself: the error's class name, and the daily figures
    stop_args: dict = field(default_factory=dict)
    cancelled: bool = False
    by_state: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """One sentence whose counts add up: matched + ambiguous + not found + pending = titles."""
        text = (
            f"{self.keys_total} titles to identify: {self.matched} matched, {self.ambiguous} ambiguous, "
            f"{self.not_found} not found, {self.pending} still pending; {self.requests} requests, "
            f"{self.cache_hits} cache hits, {self.waits_429} rate-limit waits, {self.seconds:.1f} s"
        )
        if self.failed:
            text += f"; {self.failed} lookups failed"
        if self.malformed:
            text += f"; {self.malformed} malformed TMDb answers"
        if self.titles_refreshed:
            text += f"; {self.titles_refreshed} titles fetched again in the new metadata language"
        if self.seasons_fetched:
            text += f"; episodes of {self.seasons_fetched} seasons fetched"
        return text


RATE_LIMIT_STOP = (
    "TMDb kept answering 'too many requests' for several titles in a row, so identification stopped: "
    "try again later or lower the request rate in Settings."
)


@dataclass
class _Run:
    """The state of one identify run's lookups."""

    keys: list[str]
    queries: dict[str, Query]
    started: float
    base: dict[str, float]
    done: int = 0
    failures: int = 0  # network-type failures in a row
    rate_limited: int = 0  # rate-limit refusals in a row
    failed_keys: list[str] = field(default_factory=list)
    last_error: TMDbError | None = None
    batch: list[str] = field(default_factory=list)


class IdentifyRunner:
    """Runs the identify pipeline over every pending key of a library."""

    def __init__(
        self,
        library: Library,
        client,
        *,
        workers: int = 8,
        cancel: threading.Event | None = None,
        progress: Callable[[IdentifyProgress], None] | None = None,
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

    def _counters(self) -> dict[str, float]:
        """The client's running totals this run's figures are differences of."""
        c = self.client
        return {
            "requests": c.requests_sent,
            "cache_hits": c.cache_hits,
            "waits_429": c.limiter.waits_429,
            "wait_seconds": getattr(c.limiter, "total_wait_seconds", 0.0),
            "backoff_seconds": getattr(c.limiter, "backoff_seconds", 0.0),
            "malformed": getattr(c, "answers_rejected", 0) + getattr(c, "answers_cleaned", 0),
        }

    def _delta(self, base: dict[str, float]) -> dict[str, float]:
        now = self._counters()
        return {k: now[k] - base[k] for k in base}

    def _progress(self, done: int, total: int, started: float, base: dict[str, float]) -> IdentifyProgress:
        budget = getattr(self.client, "budget", None)
        elapsed = self.clock() - started
        eta = (elapsed / done) * (total - done) if done and total > done else (0.0 if done >= total else None)
        d = self._delta(base)
        return IdentifyProgress(
            keys_done=done,
            keys_total=total,
            requests=int(d["requests"]),
            cache_hits=int(d["cache_hits"]),
            waits_429=int(d["waits_429"]),
            wait_seconds=max(0.0, d["wait_seconds"]),
            backoff_seconds=max(0.0, d["backoff_seconds"]),
            requests_today=budget.used_today() if budget is not None else 0,
            daily_limit=budget.limit if budget is not None else 0,
            eta_seconds=eta,
        )

    def _scope(self) -> AbstractContextManager:
        """The client's scope for one lookup: the run's cancel event, and the lookup's wait budget."""
        make = getattr(self.client, "scope", None)
        return make(self.cancel, LOOKUP_MAX_WAIT) if make is not None else nullcontext()

    def _identify(self, key: str, query: Query | None) -> LookupResult:
        with self._scope():
            return self.identifier.identify(key, query)

    def run(self, retry: bool = False) -> IdentifySummary:
        started = self.clock()
        if retry:
            self.library.reset_lookups([STATE_NOT_FOUND, STATE_AMBIGUOUS])
        keys = self.library.pending_lookup_keys()
        summary = IdentifySummary(keys_total=len(keys))
        base = self._counters()
        if not keys:
            if getattr(self.client, "has_credential", True):
                self._fetch_seasons(summary)
                self._refresh_language(summary)
            self._finish(summary, started, base, keys)
            return summary
        if not getattr(self.client, "has_credential", True):
            # Nothing can be looked up; keys stay pending (files without a title are settled anyway).
            self._settle_untitled(keys, summary)
            summary.stop_reason, summary.stop_kind = NoCredentialError().user_message, NoCredentialError.kind
            summary.stop_args = {"error": "NoCredentialError"}
            self._finish(summary, started, base, keys)
            return summary
        run = _Run(keys, queries_for_keys(self.library, keys), started, base)
        self._look_up_all(run, summary)
        self._retry_failed(run, summary)
        self._settle_by_library_shows(summary, set(keys))
        if run.batch and self.on_result:
            self.on_result(run.batch)
        self._fetch_seasons(summary)
        self._refresh_language(summary)
        summary.cancelled = self.cancel.is_set() and summary.stop_reason is None
        self._finish(summary, started, base, keys)
        if self.progress_cb:
            self.progress_cb(self._progress(run.done, len(keys), started, base))
        return summary

    def _look_up_all(self, run: _Run, summary: IdentifySummary) -> None:
        """Every key once, in the thread pool; results saved as they arrive."""
        pending_keys = iter(run.keys)
        last_emit = self.clock()
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
                    running[pool.submit(self._identify, key, run.queries.get(key))] = key

            submit_more()
            while running:
                finished, _ = wait(list(running), timeout=0.25, return_when=FIRST_COMPLETED)
                for fut in finished:
                    key = running.pop(fut)
                    if not fut.cancelled():  # a cancelled one never started: the key stays pending
                        self._settle(key, fut, run, summary)
                if run.batch and (self.clock() - last_emit > 0.2 or not running):
                    if self.on_result:
                        self.on_result(run.batch)
                    run.batch = []
                    last_emit = self.clock()
                if self.progress_cb:
                    self.progress_cb(self._progress(run.done, len(run.keys), run.started, run.base))
                if self.cancel.is_set():
                    for fut in running:
                        fut.cancel()
                submit_more()

    def _settle(self, key: str, fut: Future, run: _Run, summary: IdentifySummary) -> None:
        """Save one lookup's result, or count its failure (and stop the run when failures say so)."""
        try:
            result = fut.result()
        except FATAL as exc:
            self._stop(summary, exc)
            return
        except RequestCancelled:
            return  # stopped by the user (or by a stop above): the key stays pending
        except BadRequestError as exc:
            result = LookupResult(key, STATE_NOT_FOUND, reasons=phrase("request_rejected"))
            log.info("lookup %s: %s", key, exc.user_message)
        except MalformedAnswerError as exc:
            # A fault in that one answer: the title stays pending, the run goes on (and it is not
            # asked again at the end: the same question would get the same answer).
            log.debug("lookup %s: malformed answer: %s", key, exc.detail)
            self._failed(summary, exc)
            return
        except RateLimitedError as exc:
            run.failed_keys.append(key)
            run.last_error = exc
            run.rate_limited += 1
            log.debug("lookup %s refused: %s", key, exc.user_message)
            if run.rate_limited >= MAX_CONSECUTIVE_RATE_LIMITED:
                self._stop(summary, exc, RATE_LIMIT_STOP)
            return
        except TMDbError as exc:
            run.failed_keys.append(key)
            run.last_error = exc
            run.failures += 1
            log.debug("lookup %s failed: %s", key, exc.user_message)
            if run.failures >= MAX_CONSECUTIVE_FAILURES:
                self._stop(summary, exc)
            return
        run.failures = run.rate_limited = 0
        self._save(result, summary)
        run.done += 1
        run.batch.append(key)

    def _stop(self, summary: IdentifySummary, exc: TMDbError, message: str | None = None) -> None:
        if summary.stop_reason is None:
            summary.stop_reason, summary.stop_kind = message or exc.user_message, exc.kind
            summary.stop_args = {"error": "RateLimitStop" if message == RATE_LIMIT_STOP else type(exc).__name__,
                                 **{k: getattr(exc, k) for k in ("used", "limit") if hasattr(exc, k)}}  # fmt: skip
        self.cancel.set()

    @staticmethod
    def _failed(summary: IdentifySummary, exc: TMDbError) -> None:
        summary.failed += 1
        summary.failed_reason, summary.failed_kind = exc.user_message, exc.kind
        summary.failed_error = type(exc).__name__

    def _retry_failed(self, run: _Run, summary: IdentifySummary) -> None:
        """Keys that failed alone (a dropped connection after every retry) get one more try at the end,
        when the rest is done: a flaky network should not leave titles behind. Not after a stop, and not
        when no lookup at all succeeded (the network is down: asking again would only wait again)."""
        for key in run.failed_keys:
            if self.cancel.is_set() or run.done == 0:
                if run.last_error is not None:
                    self._failed(summary, run.last_error)
                continue
            try:
                self._save(self._identify(key, run.queries.get(key)), summary)
                run.done += 1
                run.batch.append(key)
            except TMDbError as exc:
                self._failed(summary, exc)
                log.debug("lookup %s failed again: %s", key, exc.user_message)

    def _settle_by_library_shows(self, summary: IdentifySummary, keys: set[str]) -> None:
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

    def _fetch_seasons(self, summary: IdentifySummary) -> None:
        """The season details the matched shows' files need (see SeasonFetcher)."""
        if self.cancel.is_set() or summary.stop_reason is not None:
            return
        fetcher = SeasonFetcher(self.library, self.client, workers=self.workers, cancel=self.cancel,
                                language=self._language())  # fmt: skip
        try:
            summary.seasons_fetched = fetcher.run()
        except FATAL as exc:
            summary.stop_reason, summary.stop_kind = exc.user_message, exc.kind
            return
        if fetcher.error is not None:
            log.debug("fetching season details stopped: %s", fetcher.error.user_message)
        if summary.seasons_fetched and self.on_result:
            self.on_result([])  # the cards changed: episode titles, air dates and numbers

    def _settle_untitled(self, keys: list[str], summary: IdentifySummary) -> None:
        if NO_TITLE_KEY in keys:
            self._save(self.identifier.identify(NO_TITLE_KEY, None), summary)

    def _language(self) -> str:
        return getattr(self.client, "language", None) or DEFAULT_LANGUAGE

    def _refresh_language(self, summary: IdentifySummary) -> None:
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
                with self._scope():
                    item = self.client.get_tv_show(tid) if kind == "tv" else self.client.get_movie(tid)
            except NotFoundError:  # gone from TMDb: keep what we have, and do not ask again
                return kind, tid, {**old, LANGUAGE_FIELD: lang}
            except TMDbError as exc:
                stop.append(exc)
                return None
            return kind, tid, {**old, **title_data(item, kind), LANGUAGE_FIELD: lang}

        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="retitle") as pool:
            for done in pool.map(fetch, stale):
                if done is not None:
                    self.library.save_title(*done)
                    summary.titles_refreshed += 1
        if stop:  # the rest waits for the next run
            log.debug("refreshing titles in %s stopped: %s", lang, stop[0].user_message)
        if summary.titles_refreshed and self.on_result:
            self.on_result([])  # the cards changed: the window rebuilds them

    def _save(self, r: LookupResult, summary: IdentifySummary) -> None:
        if r.title_data is not None and r.tmdb_id is not None and r.kind:
            self.library.save_title(r.kind, r.tmdb_id, {**r.title_data, LANGUAGE_FIELD: self._language()})
        self.library.save_lookup(
            r.key,
            state=r.state,
            tmdb_id=r.tmdb_id,
            kind=r.kind,
            confidence=r.confidence,
            reasons=r.reasons,
            candidates=[candidate_dict(c) for c in r.candidates],
        )
        if r.state == STATE_MATCHED:
            summary.matched += 1
        elif r.state == STATE_AMBIGUOUS:
            summary.ambiguous += 1
        else:
            summary.not_found += 1

    def _finish(
        self, summary: IdentifySummary, started: float, base: dict[str, float], keys: list[str]
    ) -> None:
        summary.seconds = self.clock() - started
        d = self._delta(base)
        summary.requests = int(d["requests"])
        summary.cache_hits = int(d["cache_hits"])
        summary.waits_429 = int(d["waits_429"])
        summary.malformed = int(d["malformed"])
        # What is really left, read back from the library (a failed lookup and one never reached alike).
        summary.pending = len(set(keys).intersection(self.library.pending_lookup_keys()))


__all__ = [
    "IdentifyRunner",
    "IdentifyProgress",
    "IdentifySummary",
    "Identifier",
    "LookupResult",
    "Parsed",
    "queries_for_keys",
    "title_data",
]
