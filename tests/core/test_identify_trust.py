"""The identify pipeline when TMDb cannot be trusted: a malformed answer fails its title only (pending, not
cached, counted in the summary); the summary's counts add up to what is really pending; rate-limit
refusals in a row stop the run with one clear sentence; a stop interrupts lookups in flight; back-off
after errors is not reported as rate-limit waiting; stops and failures carry the error's kind. Real
pipeline, real client, real HTTP to the local stand-in, real SQLite."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.helpers import catalog_films, make_films
from videomanager.core.identify import RATE_LIMIT_STOP, IdentifyRunner
from videomanager.core.indexer import scan_into_library
from videomanager.core.library import Library
from videomanager.testing.fake_tmdb import FakeTMDb
from videomanager.tmdb import RateLimiter, RetryPolicy, TMDbClient
from videomanager.tmdb.cache import ResponseCache

N = 6


@pytest.fixture
def fake() -> Iterator[FakeTMDb]:
    server = FakeTMDb(seed=3).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    films = tmp_path / "films"
    make_films(films, N, unique_titles=True)
    library = Library(tmp_path / "library.sqlite3")
    scan_into_library(library, [str(films)], workers=1)
    try:
        yield library
    finally:
        library.close()


def _client(fake: FakeTMDb, tmp_path: Path, **kw) -> TMDbClient:
    options = {
        "api_key": fake.API_KEY,
        "base_url": fake.base_url,
        "limiter": RateLimiter(rate_per_second=500, burst=50),
        "cache": ResponseCache(tmp_path / "cache.sqlite3"),
        "retry": RetryPolicy(base_delay=0.01, max_delay=0.02),
    }
    options.update(kw)
    return TMDbClient(**options)


def _states(lib: Library) -> dict[str, str]:
    return {r.key: r.state for r in lib.lookups()}


def test_a_malformed_answer_fails_its_title_only(fake: FakeTMDb, lib: Library, tmp_path: Path) -> None:
    title = catalog_films(N, unique_titles=True)[0][0]
    fake.faults.malformed_rate, fake.faults.malformed_variant = 1.0, "not-an-object"
    fake.faults.malformed_match = f"query={title.replace(' ', '+')}&"
    client = _client(fake, tmp_path)
    summary = IdentifyRunner(lib, client).run()
    assert fake.stats.malformed, "the fault did not fire"
    assert summary.stop_reason is None
    pending = [k for k, s in _states(lib).items() if s == "pending"]
    assert len(pending) == 1 and summary.pending == 1  # that title alone, kept for the next run
    assert summary.matched == N - 1
    assert summary.failed == 1 and summary.failed_kind == "malformed" and summary.malformed >= 1
    assert "1 still pending" in summary.line() and "malformed TMDb answers" in summary.line()
    fake.faults.malformed_rate = 0.0  # the bad answer was not cached: the next run gets the good one
    again = IdentifyRunner(lib, client).run()
    client.close()
    assert again.matched == 1 and again.pending == 0
    assert set(_states(lib).values()) == {"matched"}


def test_a_by_id_answer_that_is_a_list_does_not_stop_the_run(
    fake: FakeTMDb, lib: Library, tmp_path: Path
) -> None:
    extra = tmp_path / "films" / "Whatever {tmdb-603}.mkv"
    extra.write_bytes(b"by id\n" * 64)
    scan_into_library(lib, [str(tmp_path / "films")], workers=1)
    fake.faults.malformed_rate, fake.faults.malformed_variant = 1.0, "not-an-object"
    fake.faults.malformed_match = "/movie/603?"
    client = _client(fake, tmp_path)
    summary = IdentifyRunner(lib, client).run()
    client.close()
    assert summary.stop_reason is None and summary.failed_kind == "malformed"
    states = _states(lib)
    assert states["tmdb:movie:603"] == "pending"
    assert sum(1 for s in states.values() if s == "matched") == N


def _refused_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/3"


def test_the_summary_adds_up_when_the_server_is_down(tmp_path: Path) -> None:
    films = tmp_path / "films"
    make_films(films, 12)
    lib = Library(tmp_path / "library.sqlite3")
    scan_into_library(lib, [str(films)], workers=1)
    client = TMDbClient(api_key=FakeTMDb.API_KEY, base_url=_refused_url(), retry=RetryPolicy(base_delay=0.01))
    summary = IdentifyRunner(lib, client).run()
    client.close()
    really_pending = sum(1 for s in _states(lib).values() if s == "pending")
    lib.close()
    assert really_pending == 12
    assert summary.stop_kind == "network" and summary.stop_reason
    assert summary.pending == really_pending
    assert summary.matched + summary.ambiguous + summary.not_found + summary.pending == summary.keys_total
    assert summary.line().startswith(
        "12 titles to identify: 0 matched, 0 ambiguous, 0 not found, 12 still pending"
    )


def test_rate_limit_refusals_in_a_row_stop_the_run(fake: FakeTMDb, lib: Library, tmp_path: Path) -> None:
    fake.faults.rate_limit = 0  # every request is refused
    fake.faults.retry_after = 999_999_999
    client = _client(fake, tmp_path, retry=RetryPolicy())
    started = time.monotonic()
    summary = IdentifyRunner(lib, client, workers=2).run()
    client.close()
    assert time.monotonic() - started < 5
    assert summary.stop_kind == "rate-limit" and summary.stop_reason == RATE_LIMIT_STOP
    assert summary.pending == N and set(_states(lib).values()) == {"pending"}
    assert fake.stats.request_count <= 4  # three refusals in a row, and what was already on its way


def test_a_stop_interrupts_the_lookups_in_flight(fake: FakeTMDb, lib: Library, tmp_path: Path) -> None:
    fake.faults.drip = 2.0  # every lookup would hang until its deadline
    client = _client(fake, tmp_path, deadline=60.0)
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    started = time.monotonic()
    summary = IdentifyRunner(lib, client, cancel=cancel).run()
    took = time.monotonic() - started
    client.close()
    assert took < 3, f"the stop waited {took:.1f} s for the requests in flight"
    assert summary.cancelled and summary.pending == N


def test_back_off_after_errors_is_not_reported_as_rate_limit_waiting(fake: FakeTMDb, lib: Library,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    fake.faults.error_rate = 0.5  # 5xx: back off and retry
    client = _client(fake, tmp_path, limiter=RateLimiter(rate_per_second=1000, burst=100),
                     retry=RetryPolicy(base_delay=0.2, max_delay=0.2, max_attempts=12))  # fmt: skip
    seen: list = []
    summary = IdentifyRunner(lib, client, progress=seen.append).run()
    client.close()
    assert summary.stop_reason is None and fake.stats.count_5xx > 0
    last = seen[-1]
    assert last.backoff_seconds > 0.1
    assert last.wait_seconds < last.backoff_seconds / 2  # the rate limit hardly held anything back
    assert last.waits_429 == 0


def test_an_invalid_key_stops_with_the_credential_kind(fake: FakeTMDb, lib: Library, tmp_path: Path) -> None:
    client = _client(fake, tmp_path, api_key="0123456789abcdef0123456789abcdef")
    summary = IdentifyRunner(lib, client).run()
    client.close()
    assert summary.stop_kind == "credential" and summary.pending == N
