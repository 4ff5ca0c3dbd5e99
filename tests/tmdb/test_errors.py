"""Errors: each TMDb failure becomes its typed error with a readable message, and the credential never
shows up in a message, a repr or a log line. Also credential detection (the settings dialog's hints)."""

from __future__ import annotations

import logging
import socket
import time
from typing import Any

import pytest
import requests

from videomanager.tmdb import (
    BadRequestError,
    InvalidCredentialError,
    NetworkError,
    NoCredentialError,
    NotFoundError,
    ServiceUnavailableError,
    TMDbClient,
    TMDbError,
    credential_warning,
    detect_credential,
    redact,
)
from videomanager.tmdb.client_support import network_reason
from videomanager.tmdb.credentials import clean_credential

V3 = "0123456789abcdef0123456789ABCDEF"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl_-x"


# -- redaction and messages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"https://api.themoviedb.org/3/movie/1?api_key={V3}&language=en",
        f"GET /3/x?language=en&api_key={V3}",
        f"Authorization: Bearer {JWT}",
        f"token was {JWT} here",
        f"the key {V3.lower()} leaked",
    ],
)
def test_redact_removes_credentials(text: str) -> None:
    out = redact(text)
    assert V3 not in out and V3.lower() not in out and JWT not in out
    assert "***" in out


def test_redact_literal_secrets_and_keeps_the_rest() -> None:
    assert redact("weird-key-123 in /3/movie/603", secrets=["weird-key-123"]) == "*** in /3/movie/603"
    assert redact("/3/movie/603?language=en-US") == "/3/movie/603?language=en-US"


def test_error_texts_are_redacted_and_repr_is_safe() -> None:
    err = ServiceUnavailableError(
        f"boom at /3/movie/1?api_key={V3}",
        url=f"http://x/3/movie/1?api_key={V3}",
        detail=f"Bearer {JWT}",
        status=502,
    )
    for text in (str(err), repr(err), err.user_message, err.url or "", err.detail or ""):
        assert V3 not in text and JWT not in text
    assert "status=502" in repr(err)
    assert NoCredentialError().user_message == "No TMDb credential configured: add your API key in Settings."
    assert isinstance(NotFoundError(), TMDbError)


# -- credential detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (V3, "v3_key"),
        (f"  '{V3}'\n", "v3_key"),
        (JWT, "v4_token"),
        (f"Bearer {JWT}", "v4_token"),
        (V3[:-1], "unknown"),
        ("eyJonly.two", "unknown"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_detect_credential(text: str | None, kind: str) -> None:
    assert detect_credential(text) == kind


def test_credential_warnings() -> None:
    assert credential_warning("api_key", V3) is None
    assert credential_warning("access_token", JWT) is None
    assert credential_warning("api_key", "") is None
    assert "v3 API key" in (credential_warning("access_token", V3) or "")
    assert "read access token" in (credential_warning("api_key", JWT) or "")
    assert "removed" in (credential_warning("api_key", f' "{V3}" ') or "")
    assert "does not look like" in (credential_warning("api_key", "hello") or "")
    for warning in (credential_warning("access_token", V3), credential_warning("api_key", JWT)):
        assert warning and V3 not in warning and JWT not in warning
    with pytest.raises(ValueError):
        credential_warning("password", V3)
    assert clean_credential("   ") is None


# -- over HTTP against the stand-in ------------------------------------------------------------------


def test_no_credential_raises_without_a_request(fake_tmdb: Any) -> None:
    client = TMDbClient(base_url=fake_tmdb.base_url, api_key="  ", access_token="")
    for call in (lambda: client.search_movie("x"), lambda: client.get_movie(1), client.get_configuration):
        with pytest.raises(NoCredentialError):
            call()
    assert fake_tmdb.stats.request_count == 0
    assert client.validate().status == "missing"


def test_invalid_key(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client(api_key="f" * 32)
    with pytest.raises(InvalidCredentialError) as info:
        client.search_movie("matrix")
    assert info.value.status == 401 and info.value.tmdb_code == 7
    assert "Settings" in info.value.user_message
    assert fake_tmdb.stats.request_count == 1  # a 401 is not retried
    result = client.validate()
    assert result.status == "invalid" and result.credential_kind == "v3_key"


def test_invalid_token(make_client: Any) -> None:
    client = make_client(api_key=None, access_token="eyJhbGciOiJIUzI1NiJ9.eyJ3cm9uZyI6MX0.bm9wZQ")
    with pytest.raises(InvalidCredentialError) as info:
        client.get_configuration()
    assert "access token" in info.value.user_message


def test_not_found(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client()
    for call in (
        lambda: client.get_movie(987_654_321),
        lambda: client.get_tv_show(987_654_321),
        lambda: client.get_person(987_654_321),
    ):
        with pytest.raises(NotFoundError) as info:
            call()
        assert info.value.status == 404 and info.value.tmdb_code == 34
    assert fake_tmdb.stats.request_count == 3


def test_validation_errors_use_the_errors_list(make_client: Any) -> None:
    client = make_client()
    with pytest.raises(BadRequestError) as info:
        client.search_movie("")
    assert info.value.status == 422 and info.value.errors == ["query must be provided"]
    assert "query must be provided" in info.value.user_message
    with pytest.raises(BadRequestError) as info:
        client.search_movie("matrix", page=501)
    assert "500" in info.value.user_message


@pytest.mark.parametrize("html", [False, True])
def test_server_errors_json_and_html(fake_tmdb: Any, make_client: Any, fast_retry: Any, html: bool) -> None:
    client = make_client(retry=fast_retry(max_attempts=3))
    fake_tmdb.faults.error_rate = 1.0
    fake_tmdb.faults.html_errors = html
    with pytest.raises(ServiceUnavailableError) as info:
        client.get_movie(603)
    assert info.value.status is not None and info.value.status >= 500
    assert "try again" in info.value.user_message
    assert fake_tmdb.stats.count_5xx == 3 == fake_tmdb.stats.request_count  # retried, then gave up


def test_transient_server_errors_are_retried_away(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    client = make_client(retry=fast_retry(max_attempts=10))
    movie_ids = [m["id"] for m in client.get_popular_movies()["results"]][:10]
    fake_tmdb.faults.error_rate = 0.4
    fake_tmdb.faults.html_errors = True
    assert [client.get_movie(i)["id"] for i in movie_ids] == movie_ids
    assert fake_tmdb.stats.count_5xx > 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused(fast_retry: Any) -> None:
    client = TMDbClient(api_key=V3, base_url=f"http://127.0.0.1:{_free_port()}/3", retry=fast_retry())
    with pytest.raises(NetworkError) as info:
        client.get_configuration()
    assert info.value.reason == "refused" and "refused" in info.value.user_message
    assert info.value.__context__ is None and info.value.__cause__ is None  # no chained text with the URL
    assert client.requests_sent == client.retry.max_network_attempts
    assert client.validate().status == "unreachable"


def test_server_down(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client()
    assert isinstance(client.get_configuration(), dict)
    fake_tmdb.faults.down = True
    with pytest.raises((NetworkError, ServiceUnavailableError)):
        client.get_genres("movie")
    assert client.validate().status == "unreachable"
    fake_tmdb.faults.down = False
    assert isinstance(client.get_genres("movie"), dict)


def test_timeout_on_a_stalled_server(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    client = make_client(timeout=(1.0, 0.3), retry=fast_retry(max_network_attempts=2))
    fake_tmdb.faults.stall_rate = 1.0
    fake_tmdb.faults.stall_seconds = 1.0
    start = time.monotonic()
    with pytest.raises(NetworkError) as info:
        client.get_configuration()
    assert info.value.reason == "timeout" and "time" in info.value.user_message
    assert time.monotonic() - start < 3.0


def test_dropped_connections_are_retried(fake_tmdb: Any, make_client: Any, fast_retry: Any) -> None:
    client = make_client(retry=fast_retry(max_attempts=10, max_network_attempts=10))
    ids = [m["id"] for m in client.get_popular_movies()["results"]][:8]
    fake_tmdb.faults.drop_rate = 0.3
    assert [client.get_movie(i)["id"] for i in ids] == ids


def test_credential_never_in_logs_messages_or_reprs(
    fake_tmdb: Any, make_client: Any, fast_retry: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    for creds in ({"api_key": fake_tmdb.API_KEY}, {"api_key": None, "access_token": fake_tmdb.ACCESS_TOKEN}):
        client = make_client(retry=fast_retry(max_attempts=2), **creds)
        texts += [repr(client), str(vars(client)), repr(client.limiter), repr(client.cache)]
        client.get_configuration()
        texts.append(repr(client.validate()))
        for method, arg in ((client.get_movie, 987_654_321), (client.search_movie, "")):
            with pytest.raises(TMDbError) as info:
                method(arg)
            texts += [str(info.value), repr(info.value), str(info.value.detail), str(info.value.url)]
        fake_tmdb.faults.error_rate = 1.0
        with pytest.raises(TMDbError) as info:
            client.get_genres("tv")
        texts += [str(info.value), repr(info.value), str(info.value.detail)]
        fake_tmdb.faults.error_rate = 0.0
    refused = TMDbClient(
        api_key=fake_tmdb.API_KEY, base_url=f"http://127.0.0.1:{_free_port()}/3", retry=fast_retry()
    )
    with pytest.raises(NetworkError) as info:
        refused.get_configuration()
    texts += [str(info.value), repr(info.value), str(info.value.detail)]
    texts += [r.getMessage() for r in caplog.records]
    blob = "\n".join(texts)
    assert "api_key=***" in caplog.text  # urllib3 did log the request lines, redacted
    assert fake_tmdb.API_KEY not in blob and fake_tmdb.API_KEY not in caplog.text
    assert fake_tmdb.ACCESS_TOKEN not in blob and fake_tmdb.ACCESS_TOKEN not in caplog.text


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (requests.exceptions.ConnectTimeout("connect timed out"), "timeout"),
        (requests.exceptions.ReadTimeout("read timed out"), "timeout"),
        (
            requests.exceptions.ConnectionError("Failed to resolve 'x.invalid' (Name or service not known)"),
            "dns",
        ),
        (requests.exceptions.ConnectionError("[Errno 111] Connection refused"), "refused"),
        (requests.exceptions.ConnectionError("('Connection aborted.', RemoteDisconnected())"), "reset"),
        (requests.exceptions.ChunkedEncodingError("IncompleteRead(10 bytes read)"), "reset"),
        (requests.exceptions.SSLError("CERTIFICATE_VERIFY_FAILED"), "tls"),
        (requests.exceptions.MissingSchema("Invalid URL 'x/3/movie'"), "url"),
    ],
)
def test_network_failures_are_told_apart(exc: Exception, reason: str) -> None:
    got, sentence = network_reason(exc)
    assert got == reason and "TMDb" in sentence


def test_bad_base_url_is_not_retried(fast_retry: Any) -> None:
    client = TMDbClient(api_key=V3, base_url="127.0.0.1:9/3", retry=fast_retry())
    with pytest.raises(NetworkError) as info:
        client.get_configuration()
    assert info.value.reason == "url" and client.requests_sent == 1
