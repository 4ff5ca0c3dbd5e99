"""Fixtures for the TMDb client tests: the local stand-in over real HTTP, and fast client settings.

Every client test talks HTTP to ``videomanager.testing.fake_tmdb.FakeTMDb`` on 127.0.0.1; nothing is
mocked. ``record_session`` observes what actually went over the wire (a requests response hook), so
tests can check parameters and headers the real server received.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from videomanager.tmdb import RateLimiter, RetryPolicy, TMDbClient


@pytest.fixture
def fake_tmdb() -> Iterator[Any]:
    """A started FakeTMDb with its default data set; stopped after the test."""
    from videomanager.testing.fake_tmdb import FakeTMDb

    fake = FakeTMDb(seed=0)
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def _fast_retry(**kw: Any) -> RetryPolicy:
    """Short back-off so retry tests take milliseconds, seeded so they are repeatable."""
    values: dict[str, Any] = {
        "base_delay": 0.01,
        "max_delay": 0.05,
        "retry_after_cap": 2.0,
        "rng": random.Random(1),
    }
    values.update(kw)
    return RetryPolicy(**values)


@pytest.fixture
def fast_retry() -> Callable[..., RetryPolicy]:
    """``fast_retry(**overrides)`` builds a RetryPolicy with millisecond back-off."""
    return _fast_retry


class RecordingSession(requests.Session):
    """A plain requests.Session that remembers each prepared request it sent (URL and headers)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []
        self.hooks["response"].append(self._remember)

    def _remember(self, resp: requests.Response, *args: Any, **kwargs: Any) -> None:
        self.sent.append(resp.request)

    def last_params(self) -> dict[str, str]:
        from urllib.parse import parse_qsl, urlsplit

        return dict(parse_qsl(urlsplit(self.sent[-1].url or "").query, keep_blank_values=True))

    def last_path(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.sent[-1].url or "").path


@pytest.fixture
def make_client(fake_tmdb: Any) -> Iterator[Callable[..., TMDbClient]]:
    """Factory for clients pointed at the fake, with a fast limiter and fast retries by default."""
    made: list[TMDbClient] = []

    def make(**kw: Any) -> TMDbClient:
        options: dict[str, Any] = {
            "api_key": fake_tmdb.API_KEY,
            "base_url": fake_tmdb.base_url,
            "limiter": RateLimiter(rate_per_second=500, burst=50),
            "retry": _fast_retry(),
            "timeout": (2.0, 5.0),
        }
        options.update(kw)
        client = TMDbClient(**options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def recording_session() -> Iterator[RecordingSession]:
    """A real requests.Session that records what it sent (pass it as ``session=`` to a client)."""
    session = RecordingSession()
    yield session
    session.close()
