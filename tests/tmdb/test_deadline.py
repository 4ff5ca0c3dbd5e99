"""Wall-clock deadlines and cancellation: a server that drips one byte every two seconds is cut off at the
client's deadline (headers or body); a cancel event ends limiter waits, back-offs and requests in flight at
once; with the defaults, one request against a dead or dripping server is bounded well under a minute."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from videomanager.tmdb import NetworkError, RateLimiter, RequestCancelled, RetryPolicy, TMDbClient


def _within(seconds: float, fn: Callable[[], Any]) -> tuple[float, BaseException | None]:
    """Run fn in a thread; (elapsed, what it raised). Fails (instead of hanging) past ``seconds``."""
    out: list[BaseException | None] = [None]

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out[0] = exc

    started = time.monotonic()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still running after {seconds} s"
    return time.monotonic() - started, out[0]


def test_a_dripping_server_is_cut_at_the_deadline(fake_tmdb: Any, make_client: Any) -> None:
    fake_tmdb.faults.drip = 2.0  # one byte every two seconds, status line included
    client = make_client(deadline=1.0, timeout=(2.0, 5.0))
    took, exc = _within(10, lambda: client.get_movie(603))
    assert isinstance(exc, NetworkError) and exc.reason == "deadline", exc
    assert "within 1 s" in exc.user_message
    assert took < 3.0  # one attempt: a server that could not answer in time is not asked again at once
    assert fake_tmdb.stats.request_count == 1


def test_a_body_that_trickles_is_cut_at_the_deadline(fake_tmdb: Any, make_client: Any) -> None:
    fake_tmdb.faults.drip = 0.01  # headers arrive, the body takes tens of seconds
    client = make_client(deadline=1.0, retry=RetryPolicy(max_network_attempts=1))
    took, exc = _within(10, lambda: client.get_movie(603, append_to_response="credits"))
    assert isinstance(exc, NetworkError) and exc.reason == "deadline", exc
    assert took < 2.5


def test_default_bound_of_one_request_is_under_a_minute() -> None:
    client = TMDbClient(api_key="0123456789abcdef0123456789abcdef")
    try:
        assert client.deadline <= 20
        # Every network attempt into the deadline, plus the back-offs between them.
        assert client.max_request_seconds == pytest.approx(
            client.retry.max_network_attempts * client.deadline + client.retry.network_backoff_bound()
        )
        assert client.max_request_seconds <= 50
        assert client.retry.max_total_wait <= 45  # retry waits of one lookup, in all
    finally:
        client.close()


def test_cancel_ends_a_request_in_flight(fake_tmdb: Any, make_client: Any) -> None:
    fake_tmdb.faults.drip = 2.0
    client = make_client(deadline=60.0)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()

    def call() -> None:
        with client.scope(cancel):
            client.get_movie(603)

    took, exc = _within(10, call)
    assert isinstance(exc, RequestCancelled) and exc.kind == "cancelled"
    assert took < 1.5


def test_cancel_ends_a_wait_for_the_rate_limiter(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client(limiter=RateLimiter(rate_per_second=0.05))  # one request every 20 s
    client.get_movie(603)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()

    def call() -> None:
        with client.scope(cancel):
            client.get_movie(550)

    took, exc = _within(10, call)
    assert isinstance(exc, RequestCancelled)
    assert took < 1.5


def test_cancel_ends_a_back_off(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    fake_tmdb.faults.error_rate = 1.0  # 5xx: back off before the next try
    client = make_client(retry=RetryPolicy(base_delay=20.0, max_delay=20.0, max_total_wait=60.0))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()

    def call() -> None:
        with client.scope(cancel):
            client.get_movie(603)

    took, exc = _within(10, call)
    assert isinstance(exc, RequestCancelled)
    assert took < 1.5
