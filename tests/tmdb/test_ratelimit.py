"""RateLimiter, RetryPolicy and DailyBudget: bucket arithmetic on a simulated clock, then the real
thing against the stand-in (429 storms with and without Retry-After, the connection cap, the budget)."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from videomanager.tmdb import (
    DailyBudget,
    DailyLimitReachedError,
    MemoryRequestStore,
    RateLimiter,
    RetryPolicy,
)
from videomanager.tmdb.ratelimit import parse_retry_after


class SimClock:
    """A clock whose sleep() advances time instantly (single-threaded bucket tests)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def max_in_window(times: Sequence[float], window: float) -> int:
    """The largest number of timestamps inside any half-open window of ``window`` seconds."""
    ordered = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(ordered):
        while t - ordered[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_bucket_spacing_and_burst_on_a_simulated_clock() -> None:
    clock = SimClock()
    limiter = RateLimiter(rate_per_second=10, burst=3, clock=clock, sleep=clock.sleep)
    for _ in range(33):
        with limiter.slot():
            pass
    sends = list(limiter.recent_sends)
    assert sends[:3] == [100.0, 100.0, 100.0]  # the burst leaves at once
    gaps = [b - a for a, b in zip(sends[3:], sends[4:], strict=False)]
    assert all(abs(g - 0.1) < 1e-9 for g in gaps)  # then one per 1/rate
    assert max_in_window(sends, 1.0) <= 3 + 10
    assert limiter.requests_sent == 33
    assert limiter.total_wait_seconds == pytest.approx(sends[-1] - 100.0)


def test_429_slows_and_pauses_then_recovers() -> None:
    clock = SimClock()
    limiter = RateLimiter(rate_per_second=10, burst=1, clock=clock, sleep=clock.sleep)
    with limiter.slot():
        pass
    limiter.on_rate_limited(pause=2.0)
    assert limiter.waits_429 == 1
    assert limiter.effective_rate == pytest.approx(5.0)
    start = clock.now
    with limiter.slot():
        pass
    assert clock.now >= start + 2.0  # every thread's next send waits out the pause
    for _ in range(20):
        limiter.on_success()
    assert limiter.effective_rate == pytest.approx(10.0)
    limiter.on_rate_limited(pause=0)
    limiter.on_rate_limited(pause=0)  # same overload, within the cooldown: halved once
    assert limiter.effective_rate == pytest.approx(5.0)
    for _ in range(10):
        clock.sleep(1.0)
        limiter.on_rate_limited(pause=0)
    assert limiter.effective_rate == pytest.approx(10 * 0.125)  # floor of the slow-down


def test_invalid_limiter_settings() -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate_per_second=0)
    with pytest.raises(ValueError):
        RateLimiter(max_in_flight=0)


def test_threads_share_one_bucket_and_the_connection_cap() -> None:
    limiter = RateLimiter(rate_per_second=100, max_in_flight=3, burst=5)
    peak, current, lock = [0], [0], threading.Lock()

    def work() -> None:
        with limiter.slot():
            with lock:
                current[0] += 1
                peak[0] = max(peak[0], current[0])
            time.sleep(0.01)
            with lock:
                current[0] -= 1

    with ThreadPoolExecutor(12) as pool:
        for _ in range(60):
            pool.submit(work)
    assert peak[0] <= 3 and limiter.max_in_flight_seen <= 3
    assert max_in_window(list(limiter.recent_sends), 0.2) <= 5 + 100 * 0.2 + 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3.0), (" 0 ", 0.0), ("1.5", 1.5), ("-4", 0.0), ("", None), (None, None), ("soon", None)],
)
def test_parse_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after(format_datetime(now + timedelta(seconds=7), usegmt=True), now) == pytest.approx(
        7
    )
    assert parse_retry_after(format_datetime(now - timedelta(seconds=7), usegmt=True), now) == 0.0


def test_retry_policy_delays() -> None:
    policy = RetryPolicy(base_delay=0.5, max_delay=8.0, retry_after_cap=10.0)
    for attempt in range(10):
        for _ in range(20):
            assert 0 <= policy.delay(attempt) <= min(8.0, 0.5 * 2**attempt)
    assert 3.0 <= policy.delay(0, retry_after=3.0) <= 3.5
    assert 10.0 <= policy.delay(0, retry_after=3600.0) <= 10.5  # a silly Retry-After is capped


def test_daily_budget_counts_and_resets() -> None:
    day = [date(2026, 3, 1)]
    store = MemoryRequestStore()
    budget = DailyBudget(3, store, today=lambda: day[0])
    assert budget.remaining() == 3
    for n in (1, 2, 3):
        assert budget.consume() == n
    with pytest.raises(DailyLimitReachedError) as info:
        budget.consume()
    assert "(3 of 3)" in info.value.user_message
    assert budget.used_today() == 3 and budget.remaining() == 0
    assert budget.consume(enforce=False) == 4  # recorded, not blocked
    day[0] = date(2026, 3, 2)
    assert budget.used_today() == 0 and budget.remaining() == 3
    budget.check()
    assert store.requests_on("2026-03-01") == 4
    unlimited = DailyBudget(0, store, today=lambda: day[0])
    assert unlimited.remaining() is None
    for _ in range(10):
        unlimited.consume()
    with pytest.raises(ValueError):
        DailyBudget(-1)


# -- against the stand-in -----------------------------------------------------------------------------


def _ids(client: Any) -> list[int]:
    return [m["id"] for m in client.get_popular_movies()["results"]]


def _storm(
    fake: Any, make_client: Any, fast_retry: Any, retry_after: int | None, calls: int
) -> tuple[Any, list[Any], float]:
    """``calls`` detail lookups from 8 threads at 40 req/s against a server that allows 20 req/s."""
    client = make_client(
        limiter=RateLimiter(rate_per_second=40, burst=4, max_in_flight=8),
        retry=fast_retry(max_attempts=8, max_delay=0.2),
    )
    ids = _ids(client)
    fake.faults.rate_limit = 20
    fake.faults.retry_after = retry_after
    fake.reset_stats()
    start = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(client.get_movie, (ids * 3)[:calls]))
    return client, results, time.monotonic() - start


@pytest.mark.slow
def test_429_storm_without_retry_after_all_calls_succeed(
    fake_tmdb: Any, make_client: Any, fast_retry: Any
) -> None:
    client, results, _ = _storm(fake_tmdb, make_client, fast_retry, retry_after=None, calls=40)
    assert all(isinstance(r, dict) and "id" in r for r in results)
    assert fake_tmdb.stats.count_429 > 0 and client.limiter.waits_429 == fake_tmdb.stats.count_429
    sends = list(client.limiter.recent_sends)
    assert max_in_window(sends, 1.0) <= 4 + 40  # never above the configured rate
    assert client.limiter.max_in_flight_seen <= 8


@pytest.mark.slow
def test_429_storm_with_retry_after_is_honoured(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    client, results, elapsed = _storm(fake_tmdb, make_client, fast_retry, retry_after=1, calls=24)
    assert all(isinstance(r, dict) and "id" in r for r in results)
    assert fake_tmdb.stats.count_429 > 0
    # Each 429 asked for a 1 s pause, shared by all threads: the run cannot be faster than that.
    assert elapsed >= 1.0
    assert client.limiter.total_wait_seconds >= 1.0


@pytest.mark.slow
def test_limiter_rate_holds_against_the_server(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client(limiter=RateLimiter(rate_per_second=25, burst=2, max_in_flight=4))
    fake_tmdb.latency = 0.02
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(lambda p: client.get_popular_movies(page=p), range(1, 31)))
    sends = list(client.limiter.recent_sends)
    assert len(sends) == 30
    assert max_in_window(sends, 1.0) <= 2 + 25
    assert sends[-1] - sends[0] >= (30 - 2) / 25 - 0.05
    assert fake_tmdb.stats.max_concurrency_seen <= 4


def test_daily_limit_through_the_client(fake_tmdb: Any, make_client: Any) -> None:
    day = [date(2026, 5, 1)]
    budget = DailyBudget(3, MemoryRequestStore(), today=lambda: day[0])
    client = make_client(budget=budget)
    client.get_configuration()
    client.get_genres("movie")
    client.get_genres("tv")
    count = fake_tmdb.stats.request_count
    with pytest.raises(DailyLimitReachedError) as info:
        client.get_languages()
    assert fake_tmdb.stats.request_count == count  # refused before touching the network
    assert info.value.user_message.startswith("Daily TMDb request limit reached (3 of 3)")
    day[0] += timedelta(days=1)
    assert isinstance(client.get_languages(), list)
    assert budget.used_today() == 1


def test_retries_count_against_the_budget(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    budget = DailyBudget(0, MemoryRequestStore())
    client = make_client(budget=budget, retry=fast_retry(max_attempts=3))
    fake_tmdb.faults.error_rate = 1.0
    with pytest.raises(Exception):  # noqa: B017 - the exact type is tested in test_errors
        client.get_configuration()
    assert budget.used_today() == 3 == fake_tmdb.stats.request_count
