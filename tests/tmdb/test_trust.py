"""Trust in the client's errors, waits and counts: every error carries its kind; a credential echoed back
by the server (glued to other text) is masked from messages, exceptions and logs; a huge Retry-After or a
long run of 429s cannot stall a request past its wait budget; the daily count holds only requests that
reached TMDb and tells listeners; the image settings never depend on the daily budget; the unreachable
message points at settings that exist."""

from __future__ import annotations

import logging
import socket
import time
from datetime import date
from typing import Any

import pytest

from videomanager.tmdb import (
    BadRequestError,
    DailyBudget,
    DailyLimitReachedError,
    InvalidCredentialError,
    MalformedAnswerError,
    MemoryRequestStore,
    NetworkError,
    NoCredentialError,
    NotFoundError,
    RateLimitedError,
    RequestCancelled,
    RetryPolicy,
    ServiceUnavailableError,
    TMDbClient,
    TMDbError,
)
from videomanager.tmdb.errors import ERROR_KINDS

HEX_KEY = "0123456789abcdef0123456789abcdef"  # a wrong v3 key
TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ3cm9uZyJ9.c2lnbmF0dXJlX3dyb25n"  # a wrong v4 token


def test_every_error_carries_its_kind() -> None:
    kinds = {
        InvalidCredentialError: "credential",
        NoCredentialError: "credential",
        DailyLimitReachedError: "daily-limit",
        NetworkError: "network",
        ServiceUnavailableError: "network",
        RateLimitedError: "rate-limit",
        NotFoundError: "not-found",
        BadRequestError: "bad-request",
        MalformedAnswerError: "malformed",
        RequestCancelled: "cancelled",
        TMDbError: "other",
    }
    for cls, kind in kinds.items():
        err = cls(3, 2) if cls is DailyLimitReachedError else cls()
        assert err.kind == kind, cls
        assert kind in ERROR_KINDS


@pytest.mark.parametrize(("key", "token", "glue"), [(HEX_KEY, None, "ab{}cd"), (None, TOKEN, "xx{}yy")])
def test_an_echoed_credential_is_masked_everywhere(fake_tmdb: Any, make_client: Any, caplog: Any, key: str | None,
                                                   token: str | None, glue: str) -> None:  # fmt: skip
    """The 401's status message echoes the credential glued to other characters, where the patterns
    (32 hex digits alone, a JWT after a word boundary) do not see it: the literal value is masked."""
    secret = key or token
    assert secret
    fake_tmdb.faults.echo_key = glue
    caplog.set_level(logging.DEBUG)
    client = make_client(api_key=key, access_token=token)
    with pytest.raises(InvalidCredentialError) as info:
        client.get_movie(603)
    err = info.value
    texts = [str(err), repr(err), err.user_message, err.detail or "", str(err.args), caplog.text]
    assert "You sent" in err.user_message  # the server's text is there, the credential is not
    for text in texts:
        assert secret not in text
    result = client.validate()
    assert result.status == "invalid" and secret not in result.message


def test_a_huge_retry_after_gives_up_at_once(fake_tmdb: Any, make_client: Any) -> None:
    fake_tmdb.faults.rate_limit = 0  # every request: 429
    fake_tmdb.faults.retry_after = 999_999_999
    client = make_client(retry=RetryPolicy())  # the defaults: a 30 s cap, 6 attempts
    started = time.monotonic()
    with pytest.raises(RateLimitedError) as info:
        client.get_movie(603)
    assert time.monotonic() - started < 2  # before: 5 waits of 30 s, 2.5 minutes for one title
    assert "asked to wait 999999999 s" in info.value.user_message and info.value.kind == "rate-limit"
    assert fake_tmdb.stats.request_count == 1


def test_retry_waits_of_one_request_are_bounded(fake_tmdb: Any, make_client: Any) -> None:
    fake_tmdb.faults.rate_limit = 0
    fake_tmdb.faults.retry_after = 1
    client = make_client(retry=RetryPolicy(max_attempts=6, base_delay=0.01, max_total_wait=2.5))
    started = time.monotonic()
    with pytest.raises(RateLimitedError):
        client.get_movie(603)
    took = time.monotonic() - started
    assert 2.0 <= took < 3.5  # two waits of ~1 s, then the third would pass the 2.5 s budget
    assert fake_tmdb.stats.request_count == 3


def test_retry_waits_of_a_scope_are_shared(fake_tmdb: Any, make_client: Any) -> None:
    """One lookup makes several requests: their waits together stay within the scope's budget."""
    fake_tmdb.faults.rate_limit = 0
    fake_tmdb.faults.retry_after = 1
    client = make_client(retry=RetryPolicy(base_delay=0.01))
    started = time.monotonic()
    with client.scope(max_wait=1.5):
        for movie in (603, 550):
            with pytest.raises(RateLimitedError):
                client.get_movie(movie)
    assert time.monotonic() - started < 3.2  # ~1 s of retry wait in all (and the 429 pause), not 5 s each


def _refused_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/3"


def test_the_daily_count_holds_only_requests_that_reached_tmdb(fake_tmdb: Any, make_client: Any) -> None:
    budget = DailyBudget(0, MemoryRequestStore())
    seen: list[int] = []
    budget.add_listener(seen.append)
    down = make_client(base_url=_refused_url(), budget=budget)
    with pytest.raises(NetworkError):
        down.get_movie(603)  # three attempts, none reached TMDb
    assert budget.used_today() == 0 and seen == []
    up = make_client(budget=budget)
    up.get_movie(603)
    with pytest.raises(NotFoundError):
        up.get_movie(999_999_999)  # an answer, even a 404, was counted by TMDb
    assert budget.used_today() == 2 == fake_tmdb.stats.request_count
    assert seen == [1, 2]  # listeners follow the count as it changes


def test_requests_in_flight_count_against_the_limit() -> None:
    budget = DailyBudget(2, MemoryRequestStore(), today=lambda: date(2026, 1, 1))
    a = budget.reserve()
    budget.reserve()
    with pytest.raises(DailyLimitReachedError):
        budget.reserve()  # two in flight already hold the whole day
    budget.release(a)  # one never reached TMDb: its place is free again
    assert budget.commit(budget.reserve()) == 1


def test_image_urls_work_when_the_daily_limit_is_reached(fake_tmdb: Any, make_client: Any) -> None:
    budget = DailyBudget(1, MemoryRequestStore())
    budget.consume()  # the day's budget is spent
    client = make_client(budget=budget)
    with pytest.raises(DailyLimitReachedError):
        client.get_movie(603)  # lookups stop...
    url = client.image_url("/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg", "w342")  # ...the posters do not
    assert url and url.startswith(fake_tmdb.image_base_url)
    assert budget.used_today() == 2  # the image settings were counted, not refused


def test_the_unreachable_message_points_at_settings_that_exist() -> None:
    url = _refused_url()
    client = TMDbClient(api_key=HEX_KEY, base_url=url, retry=RetryPolicy(base_delay=0.01, max_delay=0.02))
    try:
        result = client.validate()
    finally:
        client.close()
    assert result.status == "unreachable"
    assert "address in Settings" not in result.message  # the dialog has no such field
    assert (
        url in result.message
        and "VIDEOMANAGER_TMDB_URL" in result.message
        and "settings.json" in result.message
    )
    default = TMDbClient(api_key=HEX_KEY)
    try:
        assert default._connection_advice() == "check your internet connection"
    finally:
        default.close()
