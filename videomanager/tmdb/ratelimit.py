"""Request pacing for the TMDb client: a shared token bucket, a connection cap, retry back-off, and
a daily request budget.

One :class:`RateLimiter` is shared by every thread of a client. It is a GCRA token bucket (a small
burst, then one request every ``1/rate`` seconds) behind a semaphore that caps requests in flight
(TMDb's CDN allows 20 connections per IP). After a 429 it slows the whole bucket down and pauses it,
so every thread backs off rather than only the one that was told to; successes bring it back to full
speed. Every wait can be cut short by the caller's cancel event (:class:`RequestCancelled`), so a
window that closes never waits for a back-off. Waiting to stay within the rate (and after a 429) is
counted apart from back-off after errors (5xx, timeouts), so neither is shown as the other.
:class:`RetryPolicy` computes back-off delays (exponential, full jitter, ``Retry-After`` when the server
sent one, capped) and bounds the waiting a request may do in all. :class:`DailyBudget` counts, per
calendar day, the requests that reached TMDb, and tells listeners when the count changes.
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

from .errors import DailyLimitReachedError, RateLimitedError, RequestCancelled

__all__ = [
    "RateLimiter",
    "RetryPolicy",
    "parse_retry_after",
    "RequestStore",
    "MemoryRequestStore",
    "DailyBudget",
]


class RateLimiter:
    """Token bucket + in-flight cap, thread-safe, with counters for the UI.

    ``burst`` is how many requests may leave back to back after an idle spell (default 1: none), so
    over any window of T seconds at most ``burst + rate * T`` requests are booked; a log of actual send
    times also holds real sends in any 1 s window to ``rate + burst - 1``, however late threads wake.
    """

    def __init__(
        self,
        rate_per_second: float = 10.0,
        max_in_flight: int = 20,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        *,
        burst: float | None = None,
        min_slow_factor: float = 0.125,
        recovery_per_success: float = 1.15,
        slowdown_cooldown: float = 1.0,
    ) -> None:
        if rate_per_second <= 0:
            raise ValueError("rate_per_second must be positive")
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self._rate = float(rate_per_second)
        # No burst by default: with a burst B at rate R a 1 s window holds B + R requests, and at
        # R = 35 the default B = 7 went over TMDb's 40/s (measured: bench/bench_tmdb.py).
        self._burst = float(burst) if burst is not None else 1.0
        if self._burst < 1:
            raise ValueError("burst must be at least 1")
        self.max_in_flight = max_in_flight
        self._clock = clock
        self._sleep = sleep
        self._min_factor = min_slow_factor
        self._recovery = recovery_per_success
        # 429s that arrive together come from one overload: halve the rate once per cooldown, not per 429.
        self._cooldown = slowdown_cooldown
        self._last_slowdown = float("-inf")
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max_in_flight)
        self._tat = clock()  # GCRA "theoretical arrival time" of the next request
        # Actual send times of the last second: the bucket books send times, but a thread that wakes
        # late (a busy machine) sends late, and late sends bunch up; this log caps real sends per second.
        self._window: deque[float] = deque()
        self._factor = 1.0  # < 1 after 429s: the bucket runs at rate * factor
        self._closed_until = float(
            "-inf"
        )  # TMDb asked for a pause longer than anyone waits: refuse till then
        self._in_flight = 0
        # Counters the UI shows ("waited 12 s for TMDb, 3 slow-downs").
        self.waits_429 = 0
        self.total_wait_seconds = 0.0  # waiting to stay within the rate, and the pauses TMDb's 429s asked for
        self.backoff_seconds = 0.0  # waiting before retrying after an error (5xx, timeout, reset)
        self.requests_sent = 0
        self.max_in_flight_seen = 0
        # Send times of recent requests (clock() values), for a "requests/s" readout and for tests.
        self.recent_sends: deque[float] = deque(maxlen=10_000)

    @property
    def rate_per_second(self) -> float:
        return self._rate

    @rate_per_second.setter
    def rate_per_second(self, value: float) -> None:
        if value <= 0:
            raise ValueError("rate_per_second must be positive")
        with self._lock:
            self._rate = float(value)

    @property
    def burst(self) -> float:
        return self._burst

    @property
    def effective_rate(self) -> float:
        """The rate in force now: lower than ``rate_per_second`` for a while after a 429."""
        with self._lock:
            return self._rate * self._factor

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def _reserve(self) -> float:
        """Book the next send time (GCRA) and return it; the caller sleeps until then."""
        with self._lock:
            now = self._clock()
            interval = 1.0 / (self._rate * self._factor)
            tolerance = (self._burst - 1.0) * interval
            tat = max(self._tat, now)
            send_at = max(now, tat - tolerance)
            self._tat = tat + interval
            return send_at

    def _pause(self, seconds: float, cancel: threading.Event | None) -> None:
        """Sleep ``seconds``; with a cancel event, wake as soon as it is set and raise RequestCancelled."""
        if cancel is None:
            self._sleep(seconds)
        elif cancel.wait(seconds):
            raise RequestCancelled()

    def _acquire_slot(self, cancel: threading.Event | None) -> None:
        if cancel is None:
            self._slots.acquire()
            return
        while not self._slots.acquire(timeout=0.1):
            if cancel.is_set():
                raise RequestCancelled()
        if cancel.is_set():
            self._slots.release()
            raise RequestCancelled()

    @contextmanager
    def slot(self, cancel: threading.Event | None = None) -> Iterator[None]:
        """Wait for a connection slot and a token; the request is sent inside the ``with`` block.

        ``cancel``: an event that, once set, ends the wait with :class:`RequestCancelled`."""
        start = self._clock()
        self._check_closed()
        # The connection slot first: a thread holding a token while it waits for a slot would
        # let many threads leave at once when slots free up, overshooting the rate.
        self._acquire_slot(cancel)
        try:
            delay = self._reserve() - self._clock()
            if delay > 0:
                self._pause(delay, cancel)
            self._await_window(cancel)
            sent = self._clock()
            with self._lock:
                self.total_wait_seconds += max(0.0, sent - start)
                self.requests_sent += 1
                self._in_flight += 1
                self.max_in_flight_seen = max(self.max_in_flight_seen, self._in_flight)
                self.recent_sends.append(sent)
            try:
                yield
            finally:
                with self._lock:
                    self._in_flight -= 1
        finally:
            self._slots.release()

    def _await_window(self, cancel: threading.Event | None = None) -> None:
        """Wait until fewer than ``rate + burst - 1`` requests were sent in the last second (what the
        bucket books for a 1 s window), then record this send."""
        while True:
            with self._lock:
                now = self._clock()
                while self._window and now - self._window[0] >= 1.0 - 1e-9:  # float sums of 1/rate
                    self._window.popleft()
                cap = max(1, int(self._rate * self._factor + self._burst - 1.0))
                if len(self._window) < cap:
                    self._window.append(now)
                    return
                wait = 1.0 - (now - self._window[0])
            self._pause(max(wait, 0.001), cancel)

    MAX_CLOSED = 3600.0  # a Retry-After of days still lets the user try again within the hour

    def close_for(self, seconds: float) -> None:
        """TMDb asked to wait ``seconds``, longer than a request may wait: until then, every request is
        refused at once with RateLimitedError instead of queueing behind a pause (or asking again)."""
        with self._lock:
            self.waits_429 += 1
            self._closed_until = max(self._closed_until, self._clock() + min(seconds, self.MAX_CLOSED))

    def _check_closed(self) -> None:
        with self._lock:
            left = self._closed_until - self._clock()
        if left > 0:
            raise RateLimitedError(
                f"TMDb asked to wait before any more requests ({left:.0f} s left): "
                "try again later or lower the request rate in Settings."
            )

    def on_rate_limited(self, pause: float) -> None:
        """A 429 came back: halve the shared rate and hold every thread for ``pause`` seconds."""
        with self._lock:
            self.waits_429 += 1
            now = self._clock()
            if now - self._last_slowdown >= self._cooldown:
                self._factor = max(self._min_factor, self._factor / 2)
                self._last_slowdown = now
            interval = 1.0 / (self._rate * self._factor)
            tolerance = (self._burst - 1.0) * interval
            # Push the bucket so that no thread's next send is earlier than now + pause.
            self._tat = max(self._tat, now + max(0.0, pause) + tolerance)

    def on_success(self) -> None:
        """A request got a real answer: creep back towards the configured rate."""
        if self._factor < 1.0:
            with self._lock:
                self._factor = min(1.0, self._factor * self._recovery)

    def backoff(
        self, seconds: float, cancel: threading.Event | None = None, *, rate_limited: bool = False
    ) -> None:
        """Sleep a retry back-off (outside any slot). A pause TMDb asked for with a 429 counts as waiting
        for the rate limit; any other back-off (after a 5xx or a network failure) is counted apart."""
        if seconds <= 0:
            return
        started = self._clock()
        try:
            self._pause(seconds, cancel)
        finally:
            waited = seconds if cancel is None else max(0.0, self._clock() - started)
            with self._lock:
                if rate_limited:
                    self.total_wait_seconds += waited
                else:
                    self.backoff_seconds += waited

    def __repr__(self) -> str:
        return (
            f"RateLimiter(rate_per_second={self._rate}, burst={self._burst}, "
            f"max_in_flight={self.max_in_flight}, factor={self._factor:.3f})"
        )


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP-date), or None."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class RetryPolicy:
    """How often and how long to retry 429, 5xx, timeouts and connection errors.

    ``max_attempts`` counts the first try; network failures (refused, reset, timeout) get
    ``max_network_attempts`` because a dead network rarely comes back within seconds and the UI
    should not hang. DNS failures are not retried at all (offline is not transient).
    """

    max_attempts: int = 6
    max_network_attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    retry_after_cap: float = 30.0  # a 503 with 'Retry-After: 3600' must not freeze the app
    # All the retry waits of one request (or of one lookup, see deadline.Scope) together: six capped
    # Retry-After waits would otherwise hold one title for minutes.
    max_total_wait: float = 40.0
    rng: random.Random = field(default_factory=random.Random, repr=False)

    def network_backoff_bound(self) -> float:
        """The longest the back-offs between network attempts can add up to."""
        return sum(min(self.max_delay, self.base_delay * 2**i) for i in range(self.max_network_attempts - 1))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Back-off before retry number ``attempt`` (0 = the first retry)."""
        if retry_after is not None:
            wait = min(retry_after, self.retry_after_cap)
            # A little jitter on top so threads told the same Retry-After do not return in lockstep.
            return wait + self.rng.uniform(0, min(self.base_delay, wait * 0.1 + 1e-3))
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return self.rng.uniform(0, ceiling)


class RequestStore(Protocol):
    """Where the daily request counts live (the library's SQLite database implements this)."""

    def requests_on(self, day: str) -> int: ...

    def record_request(self, day: str) -> int: ...


class MemoryRequestStore:
    """An in-memory :class:`RequestStore` (tests, and clients without a library)."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def requests_on(self, day: str) -> int:
        with self._lock:
            return self._counts.get(day, 0)

    def record_request(self, day: str) -> int:
        with self._lock:
            self._counts[day] = self._counts.get(day, 0) + 1
            return self._counts[day]


class DailyBudget:
    """A per-day cap on requests that reach TMDb; ``limit`` 0 means no cap.

    Before a request is sent, :meth:`reserve` holds its place (refused when the day's count plus the
    requests in flight reach the limit); :meth:`commit` records it once it reached TMDb (an answer came
    back, whatever its status, or it was sent on an open connection), :meth:`release` gives the place
    back when it never did (connection refused, name not resolved), so the stored count is what TMDb saw. ``today`` is injectable so tests can move to a new day. Counts are kept
    by ``store`` under the ISO date, so they survive restarts when the store is persistent. Listeners
    (``add_listener``) get the new count of the day after every commit, from the requesting thread.
    """

    def __init__(
        self,
        limit: int,
        store: RequestStore | None = None,
        today: Callable[[], date | str] = lambda: date.today(),
    ) -> None:
        self._limit = 0
        self.limit = limit
        self.store: RequestStore = store if store is not None else MemoryRequestStore()
        self._today = today
        self._lock = threading.Lock()
        self._in_flight = 0
        self._listeners: list[Callable[[int], None]] = []

    @property
    def limit(self) -> int:
        return self._limit

    @limit.setter
    def limit(self, value: int) -> None:
        if int(value) < 0:
            raise ValueError("the daily limit cannot be negative (0 means no limit)")
        self._limit = int(value)

    def day(self) -> str:
        value = self._today()
        return value if isinstance(value, str) else value.isoformat()

    def used_today(self) -> int:
        return self.store.requests_on(self.day())

    def remaining(self) -> int | None:
        if not self._limit:
            return None
        return max(0, self._limit - self.used_today())

    def add_listener(self, callback: Callable[[int], None]) -> None:
        with self._lock:
            self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[int], None]) -> None:
        with self._lock:
            if callback in self._listeners:
                self._listeners.remove(callback)

    def check(self) -> None:
        """Raise :class:`DailyLimitReachedError` if today's budget is spent (records nothing)."""
        if self._limit:
            used = self.used_today()
            if used >= self._limit:
                raise DailyLimitReachedError(used, self._limit)

    def reserve(self, enforce: bool = True) -> str:
        """Hold a place for one request about to be sent; returns the day to :meth:`commit` it under.

        ``enforce=False`` never refuses (a credential check the user asked for, the image settings)."""
        with self._lock:
            day = self.day()
            if enforce and self._limit:
                used = self.store.requests_on(day)
                if used + self._in_flight >= self._limit:
                    raise DailyLimitReachedError(used, self._limit)
            self._in_flight += 1
            return day

    def commit(self, day: str) -> int:
        """The reserved request reached TMDb: record it; returns the day's new count."""
        with self._lock:
            try:
                count = self.store.record_request(day)
            finally:
                self._in_flight -= 1
            listeners = list(self._listeners)
        for callback in listeners:
            try:
                callback(count)
            except Exception:  # a listener (the window's counter) must never fail a request
                pass
        return count

    def release(self, day: str) -> None:
        """The reserved request never reached TMDb: give its place back, record nothing."""
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)

    def consume(self, enforce: bool = True) -> int:
        """Reserve and record one request at once; returns today's new count."""
        return self.commit(self.reserve(enforce))

    def __repr__(self) -> str:
        return f"DailyBudget(limit={self._limit})"
