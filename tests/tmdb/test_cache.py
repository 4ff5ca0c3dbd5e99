"""ResponseCache: lifetimes, keys without credentials, corruption recovery, and hits that skip the
network, the limiter and the daily budget (checked against the fake's own request counter)."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import pytest

from videomanager.tmdb import DailyBudget, NotFoundError, ResponseCache
from videomanager.tmdb.cache import DAY, HOUR, cache_key, ttl_for


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("path", "status", "expected"),
    [
        ("/configuration", 200, 3 * DAY),
        ("/configuration/languages", 200, 3 * DAY),
        ("/genre/movie/list", 200, 3 * DAY),
        ("/search/movie", 200, 7 * DAY),
        ("/movie/603", 200, 7 * DAY),
        ("/find/tt0133093", 200, 7 * DAY),
        ("/trending/movie/day", 200, 6 * HOUR),
        ("/movie/popular", 200, 6 * HOUR),
        ("/movie/now_playing", 200, 6 * HOUR),
        ("/movie/upcoming", 200, 6 * HOUR),
        ("/movie/603/changes", 200, HOUR),
        ("/movie/603", 404, DAY),
        ("/movie/603", 500, None),
        ("/movie/603", 401, None),
        ("/search/movie", 429, None),
        ("/authentication", 200, None),
    ],
)
def test_ttl_by_endpoint(path: str, status: int, expected: float | None) -> None:
    assert ttl_for(path, status) == expected


def test_key_ignores_credential_and_param_order() -> None:
    a = cache_key("GET", "/search/movie", {"query": "x", "page": "1", "api_key": "0" * 32})
    b = cache_key("get", "/search/movie", {"page": "1", "query": "x"})
    c = cache_key("GET", "/search/movie", {"page": "2", "query": "x"})
    assert a == b != c
    assert len(a) == 64 and "0" * 32 not in a


def test_put_get_expiry_and_stats(tmp_path: Any) -> None:
    clock = Clock()
    cache = ResponseCache(tmp_path / "c.sqlite", clock=clock)
    assert cache.put("GET", "/trending/movie/day", {"page": "1"}, 200, {"results": [1]})
    assert cache.put("GET", "/search/movie", {"query": "nothing"}, 200, {"results": []})  # empty is cached
    assert not cache.put("GET", "/movie/1", {}, 503, {"status_code": 9})
    assert cache.get("GET", "/trending/movie/day", {"page": "1"}).data == {"results": [1]}
    assert cache.get("GET", "/search/movie", {"query": "nothing"}).data == {"results": []}
    assert cache.get("GET", "/movie/1", {}) is None
    clock.now += 6 * HOUR + 1
    assert cache.get("GET", "/trending/movie/day", {"page": "1"}) is None
    assert cache.get("GET", "/search/movie", {"query": "nothing"}) is not None
    stats = cache.stats()
    assert stats["entries"] == 2 and stats["bytes"] > 0
    cache.clear()
    assert cache.stats()["entries"] == 0
    cache.close()


def test_persists_across_instances(tmp_path: Any) -> None:
    path = tmp_path / "sub" / "c.sqlite"
    first = ResponseCache(path)
    first.put("GET", "/movie/603", {"language": "en-US"}, 200, {"id": 603, "title": "The Matrix"})
    first.close()
    second = ResponseCache(path)
    assert second.get("GET", "/movie/603", {"language": "en-US"}).data["title"] == "The Matrix"
    assert second.get("GET", "/movie/603", {"language": "fr-FR"}) is None
    second.close()


def test_disabled_cache_stores_nothing() -> None:
    cache = ResponseCache(None)
    assert not cache.enabled
    assert not cache.put("GET", "/movie/1", {}, 200, {"id": 1})
    assert cache.get("GET", "/movie/1", {}) is None
    assert cache.stats() == {"entries": 0, "bytes": 0}


def test_corrupt_file_is_moved_aside(tmp_path: Any) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    cache = ResponseCache(path)
    assert cache.enabled
    assert cache.put("GET", "/movie/1", {}, 200, {"id": 1})
    assert cache.get("GET", "/movie/1", {}).data == {"id": 1}
    aside = [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert aside, "the damaged file should be kept aside for inspection"
    cache.close()


def test_concurrent_writers(tmp_path: Any) -> None:
    cache = ResponseCache(tmp_path / "c.sqlite")

    def work(n: int) -> None:
        for i in range(50):
            cache.put("GET", f"/movie/{n * 100 + i}", {}, 200, {"id": n * 100 + i})
            assert cache.get("GET", f"/movie/{n * 100 + i}", {}).data["id"] == n * 100 + i

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.stats()["entries"] == 200
    cache.close()


# -- through the client, against the stand-in ---------------------------------------------------------


def test_cache_hit_makes_no_request(fake_tmdb: Any, make_client: Any, tmp_path: Any) -> None:
    budget = DailyBudget(limit=100)
    client = make_client(cache=ResponseCache(tmp_path / "c.sqlite"), budget=budget)
    first = client.search_movie("the")
    fake_tmdb.reset_stats()
    sent_before, used_before = client.limiter.requests_sent, budget.used_today()
    again = client.search_movie("the")
    assert again == first
    assert fake_tmdb.stats.request_count == 0
    assert client.limiter.requests_sent == sent_before  # the limiter was not touched
    assert budget.used_today() == used_before  # nor the daily budget
    assert (client.cache_hits, client.cache_misses) == (1, 1)
    # A different language is a different request.
    client.language = "fr-FR"
    client.search_movie("the")
    assert fake_tmdb.stats.request_count == 1


def test_cache_survives_a_new_client_and_keeps_no_credential(
    fake_tmdb: Any, make_client: Any, tmp_path: Any
) -> None:
    path = tmp_path / "c.sqlite"
    client = make_client(cache=ResponseCache(path))
    movie_id = client.get_popular_movies()["results"][0]["id"]
    movie = client.get_movie(movie_id)
    client.cache.close()
    other = make_client(access_token=fake_tmdb.ACCESS_TOKEN, api_key=None, cache=ResponseCache(path))
    count = fake_tmdb.stats.request_count
    assert other.get_movie(movie_id) == movie  # the key is credential-independent
    assert fake_tmdb.stats.request_count == count
    other.cache.close()
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert fake_tmdb.API_KEY.encode() not in blob
    assert fake_tmdb.ACCESS_TOKEN.encode() not in blob
    names = " ".join(p.name for p in tmp_path.iterdir())
    assert fake_tmdb.API_KEY not in names


def test_404_is_cached_but_errors_are_not(fake_tmdb: Any, make_client: Any, tmp_path: Any) -> None:
    client = make_client(cache=ResponseCache(tmp_path / "c.sqlite"))
    for _ in range(2):
        with pytest.raises(NotFoundError):
            client.get_movie(999_999_999)
    assert fake_tmdb.stats.request_count == 1
    fake_tmdb.faults.error_rate = 1.0
    client.retry.max_attempts = 2
    for _ in range(2):
        with pytest.raises(Exception):  # noqa: B017 - the type is checked in test_errors
            client.get_configuration()
    fake_tmdb.faults.error_rate = 0.0
    assert isinstance(client.get_configuration(), dict)  # the failure was not remembered


def test_corrupt_cache_does_not_stop_the_client(fake_tmdb: Any, make_client: Any, tmp_path: Any) -> None:
    path = tmp_path / "c.sqlite"
    path.write_bytes(b"\x00garbage" * 1000)
    client = make_client(cache=ResponseCache(path))
    assert isinstance(client.get_genres("movie"), dict)
    client.get_genres("movie")
    assert client.cache_hits == 1
    # Damage it while open: the client keeps answering.
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE responses")
    assert isinstance(client.get_genres("tv"), dict)
