"""Behaviour of the local TMDb stand-in over real HTTP: auth, error bodies, paging, search semantics,
append_to_response, the image CDN, and every fault switch."""

from __future__ import annotations

import struct
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from videomanager.testing.catalog import normalize
from videomanager.testing.fake_tmdb import FakeTMDb

KEY = {"api_key": FakeTMDb.API_KEY}
INVALID_KEY_BODY = {
    "status_code": 7,
    "status_message": "Invalid API key: You must be granted a valid key.",
    "success": False,
}
NOT_FOUND_BODY = {
    "success": False,
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
}


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeTMDb]:
    """A shared read-only server (tests that flip faults use ``fresh``)."""
    with FakeTMDb() as server:
        yield server


@pytest.fixture
def fresh() -> Iterator[FakeTMDb]:
    with FakeTMDb(seed=7) as server:
        yield server


def get(fake: FakeTMDb, path: str, timeout: float = 10, **params: Any) -> requests.Response:
    return requests.get(fake.base_url + path, params={**KEY, **params}, timeout=timeout)


def ok(fake: FakeTMDb, path: str, **params: Any) -> Any:
    response = get(fake, path, **params)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"] == "application/json;charset=utf-8"
    return response.json()


def ids(body: dict[str, Any]) -> list[int]:
    return [r["id"] for r in body["results"]]


# --- auth --------------------------------------------------------------------------------------------


def test_auth_by_api_key_and_by_bearer_token(fake: FakeTMDb) -> None:
    assert get(fake, "/movie/603").json()["title"] == "The Matrix"
    bearer = requests.get(
        fake.base_url + "/movie/603", headers={"Authorization": f"Bearer {FakeTMDb.ACCESS_TOKEN}"}, timeout=5
    )
    assert bearer.status_code == 200 and bearer.json()["id"] == 603
    valid = requests.get(fake.base_url + "/authentication", params=KEY, timeout=5)
    assert valid.json() == {"success": True, "status_code": 1, "status_message": "Success."}


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({}, {}),
        ({"api_key": ""}, {}),
        ({"api_key": "0123456789abcdef0123456789abcdef"}, {}),
        ({}, {"Authorization": f"Bearer {FakeTMDb.API_KEY}"}),  # the v3 key sent as a Bearer token
        ({}, {"Authorization": "Bearer eyJnot.a.token"}),
    ],
    ids=["none", "empty", "wrong", "v3-as-bearer", "wrong-token"],
)
def test_bad_credentials_get_401_code_7(
    fake: FakeTMDb, params: dict[str, str], headers: dict[str, str]
) -> None:
    for path in ("/movie/603", "/authentication"):
        response = requests.get(fake.base_url + path, params=params, headers=headers, timeout=5)
        assert response.status_code == 401
        assert response.json() == INVALID_KEY_BODY
        assert response.headers["Content-Type"] == "application/json;charset=utf-8"


# --- error bodies ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/movie/999999999",
        "/movie/abc",
        "/movie/550/nonsense",
        "/tv/1399/season/99",
        "/tv/1399/season/1/episode/99",
        "/person/999999999",
        "/nothing/here",
    ],
)
def test_unknown_ids_and_paths_get_404_code_34(fake: FakeTMDb, path: str) -> None:
    response = get(fake, path)
    assert response.status_code == 404
    assert response.json() == NOT_FOUND_BODY


@pytest.mark.parametrize("kind", ["movie", "tv", "person", "multi"])
def test_search_without_query_is_422(fake: FakeTMDb, kind: str) -> None:
    for params in ({}, {"query": ""}, {"query": "   "}):
        response = get(fake, f"/search/{kind}", **params)
        assert response.status_code == 422
        assert response.json() == {"errors": ["query must be provided"]}


def test_page_bounds_are_422_with_an_errors_list(fake: FakeTMDb) -> None:
    too_big = get(fake, "/movie/popular", page=501)
    assert (too_big.status_code, too_big.json()) == (
        422,
        {"errors": ["page must be less than or equal to 500"]},
    )
    zero = get(fake, "/search/movie", query="alien", page=0)
    assert (zero.status_code, zero.json()) == (422, {"errors": ["page must be greater than 0"]})
    beyond_total = ok(fake, "/movie/popular", page=500)
    assert beyond_total["results"] == [] and beyond_total["page"] == 500


def test_more_than_20_appends_is_400_code_27(fake: FakeTMDb) -> None:
    names = ",".join(["credits", "videos", "images"] * 7)  # 21 names
    response = get(fake, "/movie/550", append_to_response=names)
    assert response.status_code == 400
    assert response.json()["status_code"] == 27 and response.json()["success"] is False
    assert ok(fake, "/movie/550", append_to_response=",".join(["credits"] * 20))["credits"]["cast"]


def test_changes_range_over_14_days_is_422_code_20(fake: FakeTMDb) -> None:
    response = get(fake, "/movie/550/changes", start_date="2024-01-01", end_date="2024-01-20")
    assert response.status_code == 422 and response.json()["status_code"] == 20
    assert "changes" in ok(fake, "/movie/550/changes", start_date="2024-01-01", end_date="2024-01-10")


# --- paging and lists --------------------------------------------------------------------------------


def test_paged_lists_have_20_items_and_real_totals(fake: FakeTMDb) -> None:
    first, second = ok(fake, "/movie/popular"), ok(fake, "/movie/popular", page=2)
    total = len(fake.catalog.movies)
    assert first["total_results"] == total and first["total_pages"] == -(-total // 20)
    assert len(first["results"]) == 20 and not set(ids(first)) & set(ids(second))
    pops = [r["popularity"] for r in first["results"] + second["results"]]
    assert pops == sorted(pops, reverse=True)
    top = ok(fake, "/movie/top_rated")["results"]
    assert [r["vote_average"] for r in top] == sorted((r["vote_average"] for r in top), reverse=True)


def test_now_playing_and_upcoming_carry_dates(fake: FakeTMDb) -> None:
    for which in ("now_playing", "upcoming"):
        body = ok(fake, f"/movie/{which}")
        low, high = body["dates"]["minimum"], body["dates"]["maximum"]
        assert low <= high and body["results"]
        for item in body["results"]:
            movie = fake.catalog.movies[item["id"]]
            assert any(low <= d <= high for d in [movie["release_date"], *movie["release_dates"].values()])


def test_trending_items_carry_media_type(fake: FakeTMDb) -> None:
    for kind in ("movie", "tv", "person"):
        assert {r["media_type"] for r in ok(fake, f"/trending/{kind}/week")["results"]} == {kind}
    assert {r["media_type"] for r in ok(fake, "/trending/all/day", page=1)["results"]} <= {
        "movie",
        "tv",
        "person",
    }


def test_discover_filters_and_sorts(fake: FakeTMDb) -> None:
    both = ok(fake, "/discover/movie", with_genres="28,878", sort_by="vote_average.desc")["results"]
    assert both and all({28, 878} <= set(r["genre_ids"]) for r in both)
    assert [r["vote_average"] for r in both] == sorted((r["vote_average"] for r in both), reverse=True)
    newest = ok(fake, "/discover/movie", sort_by="primary_release_date.desc")["results"]
    assert [r["release_date"] for r in newest] == sorted((r["release_date"] for r in newest), reverse=True)
    in_1999 = ok(fake, "/discover/movie", primary_release_year="1999")["results"]
    assert in_1999 and all(r["release_date"].startswith("1999") for r in in_1999)
    assert all(10765 in r["genre_ids"] for r in ok(fake, "/discover/tv", with_genres="10765")["results"])


def test_find_by_imdb_and_tvdb_returns_all_five_arrays(fake: FakeTMDb) -> None:
    arrays = {"movie_results", "person_results", "tv_results", "tv_episode_results", "tv_season_results"}
    movie = ok(fake, "/find/tt0133093", external_source="imdb_id")
    assert set(movie) == arrays and [r["id"] for r in movie["movie_results"]] == [603]
    show = ok(fake, "/find/81189", external_source="tvdb_id")
    assert [r["id"] for r in show["tv_results"]] == [1396] and show["tv_results"][0]["media_type"] == "tv"
    assert ok(fake, "/find/tt0000000", external_source="imdb_id") == {k: [] for k in arrays}


# --- search semantics --------------------------------------------------------------------------------


def test_search_ranks_by_popularity_so_prefix_traps_work(fake: FakeTMDb) -> None:
    carter = ok(fake, "/search/movie", query="Carter")
    assert ids(carter).index(7214) < ids(carter).index(800939)  # Coach Carter above Carter (2022)
    pops = [r["popularity"] for r in carter["results"]]
    assert pops == sorted(pops, reverse=True)
    robocop = ids(ok(fake, "/search/movie", query="RoboCop"))
    more_popular = max((5548, 97020), key=lambda i: fake.catalog.movies[i]["popularity"])
    assert robocop[0] == more_popular and set(robocop) >= {5548, 97020}


def test_every_query_word_must_start_a_title_word(fake: FakeTMDb) -> None:
    results = ok(fake, "/search/movie", query="dark kni")["results"]
    assert results and all(
        all(
            any(w.startswith(q) for w in normalize(" ".join([r["title"], r["original_title"]])).split())
            for q in ("dark", "kni")
        )
        for r in results
    )
    assert ok(fake, "/search/movie", query="ark knight")["total_results"] == 0  # not a substring search


@pytest.mark.parametrize(
    ("query", "movie_id"),
    [
        ("기생충", 496243),  # original title
        ("Le Fabuleux Destin d'Amélie Poulain", 194),
        ("amelie", 194),  # accents stripped
        ("El laberinto del fauno", 1417),
        ("12 Monkeys", 63),  # alternative titles
        ("Harry Potter and the Sorcerer's Stone", 671),
        ("Live Die Repeat", 137113),
        ("Star Wars Episode IV A New Hope", 11),
        ("Seven", 807),
        ("WALL-E", 10681),
        ("Mission Impossible Fallout", 353081),
    ],
)
def test_search_by_original_and_alternative_titles(fake: FakeTMDb, query: str, movie_id: int) -> None:
    assert movie_id in ids(ok(fake, "/search/movie", query=query))


def test_ampersand_matches_and() -> None:
    with FakeTMDb(movies=[{"id": 1, "title": "Fast & Furious", "popularity": 5.0}], shows=[]) as server:
        assert ids(ok(server, "/search/movie", query="fast and furious")) == [1]
        assert ids(ok(server, "/search/movie", query="Fast & Furious")) == [1]


def test_year_matches_any_release_but_primary_release_year_only_the_first(fake: FakeTMDb) -> None:
    movie = next(
        m for m in fake.catalog.movies.values()
        if any(d[:4] > m["release_date"][:4] for d in m["release_dates"].values()) and len(m["title"].split()) > 1
    )  # fmt: skip
    later = max(d[:4] for d in movie["release_dates"].values())
    primary = movie["release_date"][:4]
    assert movie["id"] in ids(ok(fake, "/search/movie", query=movie["title"], year=later))
    assert movie["id"] not in ids(ok(fake, "/search/movie", query=movie["title"], primary_release_year=later))
    assert movie["id"] in ids(ok(fake, "/search/movie", query=movie["title"], primary_release_year=primary))
    parasite = ok(fake, "/search/movie", query="Parasite", year="2020")
    assert ids(parasite) == [496243] and parasite["results"][0]["release_date"] == "2019-05-30"


def test_region_shows_the_regional_release_date(fake: FakeTMDb) -> None:
    item = ok(fake, "/search/movie", query="Spirited Away", region="US")["results"][0]
    assert item["release_date"] == fake.catalog.movies[129]["release_dates"]["US"]


def test_tv_search_first_air_date_year_and_same_names(fake: FakeTMDb) -> None:
    both = ok(fake, "/search/tv", query="doctor who")
    assert set(ids(both)) == {121, 57243} and ids(both)[0] == 57243
    assert ids(ok(fake, "/search/tv", query="doctor who", first_air_date_year=1963)) == [121]
    assert ids(ok(fake, "/search/tv", query="doctor who", year=1975)) == [121]  # an episode aired that year


def test_language_returns_the_translated_title(fake: FakeTMDb) -> None:
    fr = ok(fake, "/movie/11", language="fr-FR")
    assert (fr["title"], fr["original_title"]) == ("La Guerre des étoiles", "Star Wars")
    assert ok(fake, "/movie/11", language="de-DE")["title"] == "Star Wars"  # no German title -> English
    assert (
        ok(fake, "/search/movie", query="jaws", language="fr-FR")["results"][0]["title"]
        == "Les Dents de la mer"
    )


def test_search_person_and_multi(fake: FakeTMDb) -> None:
    person = ok(fake, "/search/person", query="keanu")["results"][0]
    assert (
        person["id"] == 6384
        and person["known_for"]
        and all(k["media_type"] == "movie" for k in person["known_for"])
    )
    multi = ok(fake, "/search/multi", query="the office")["results"]
    assert {r["media_type"] for r in multi} >= {"tv"}


# --- details and append_to_response ------------------------------------------------------------------


def test_append_to_response_adds_sub_paths_without_their_id(fake: FakeTMDb) -> None:
    body = ok(
        fake,
        "/movie/550",
        append_to_response="credits,videos,external_ids,alternative_titles,recommendations,bogus",
    )
    assert {"credits", "videos", "external_ids", "alternative_titles", "recommendations"} <= set(body)
    assert "bogus" not in body
    for key in ("credits", "videos", "external_ids", "alternative_titles"):
        assert "id" not in body[key], key
    assert body["credits"]["cast"][0]["name"] == "Brad Pitt"
    assert body["recommendations"]["results"][0]["media_type"] == "movie"
    show = ok(fake, "/tv/1399", append_to_response="season/1,season/42,external_ids")
    assert show["season/1"]["episodes"][0]["name"] == "Winter Is Coming" and "season/42" not in show
    assert show["external_ids"]["tvdb_id"] == 121361 and "id" not in show["external_ids"]
    person = ok(fake, "/person/6384", append_to_response="movie_credits,external_ids")
    assert 603 in [c["id"] for c in person["movie_credits"]["cast"]]
    season = ok(fake, "/tv/1396/season/1", append_to_response="external_ids")
    assert "external_ids" in season and len(season["episodes"]) == 7
    episode = ok(fake, "/tv/1396/season/1/episode/2", append_to_response="credits")
    assert episode["name"] == "Cat's in the Bag..." and "credits" in episode


def test_alternative_titles_keys_differ_for_movie_and_tv(fake: FakeTMDb) -> None:
    assert "titles" in ok(fake, "/movie/63/alternative_titles") and "results" in ok(
        fake, "/tv/1972/alternative_titles"
    )
    us = ok(fake, "/movie/101/alternative_titles", country="US")["titles"]
    assert us and all(t["iso_3166_1"] == "US" for t in us)


# --- images ------------------------------------------------------------------------------------------


def test_configuration_points_images_at_this_server(fake: FakeTMDb) -> None:
    images = ok(fake, "/configuration")["images"]
    assert images["secure_base_url"] == images["base_url"] == fake.image_base_url
    assert images["poster_sizes"] == ["w92", "w154", "w185", "w342", "w500", "w780", "original"]


def test_poster_is_a_real_png_of_the_requested_size_without_auth(fake: FakeTMDb) -> None:
    poster = ok(fake, "/movie/603")["poster_path"]
    response = requests.get(f"{fake.image_base_url}w342{poster}", timeout=5)  # no key: the CDN needs none
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/png"
    data = response.content
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (342, 513)
    assert requests.get(f"{fake.image_base_url}w342{poster}", timeout=5).content == data  # deterministic
    still = ok(fake, "/tv/1399/season/1/episode/1")["still_path"]
    assert requests.get(f"{fake.image_base_url}w300{still}", timeout=5).status_code == 200


@pytest.mark.parametrize(
    "suffix", ["w343/{p}", "w342/nope.jpg", "w342/..{p}", "w342/../../etc/passwd", "w342"]
)
def test_unknown_image_sizes_and_files_are_404(fake: FakeTMDb, suffix: str) -> None:
    poster = fake.catalog.movies[603]["poster_path"]
    url = fake.image_base_url + suffix.format(p=poster)
    assert requests.get(url, timeout=5).status_code == 404


# --- faults ------------------------------------------------------------------------------------------


def test_rate_limit_429_without_and_with_retry_after(fresh: FakeTMDb) -> None:
    fresh.faults.rate_limit = 5
    codes = [get(fresh, "/configuration") for _ in range(12)]
    limited = [r for r in codes if r.status_code == 429]
    assert 5 <= len(codes) - len(limited) <= 6 and limited
    assert limited[0].json()["status_code"] == 25 and "Retry-After" not in limited[0].headers
    assert fresh.stats.count_429 == len(limited)
    fresh.faults.retry_after = 3
    response = get(fresh, "/configuration")
    assert response.status_code == 429 and response.headers["Retry-After"] == "3"
    fresh.faults.rate_limit = None
    assert get(fresh, "/configuration").status_code == 200


def test_5xx_with_json_and_html_bodies(fresh: FakeTMDb) -> None:
    fresh.faults.error_rate = 1.0
    seen = set()
    for _ in range(12):
        response = get(fresh, "/movie/550")
        seen.add(response.status_code)
        assert response.json()["success"] is False and response.json()["status_code"] in (11, 43, 46, 24)
    assert seen <= {500, 502, 503, 504} and len(seen) > 1
    fresh.faults.html_errors = True
    response = get(fresh, "/movie/550")
    assert response.status_code >= 500 and response.headers["Content-Type"] == "text/html"
    with pytest.raises(ValueError):
        response.json()
    assert fresh.stats.count_5xx == 13


def test_partial_error_rate_is_seeded() -> None:
    def run() -> list[int]:
        with FakeTMDb(seed=3) as server:
            server.faults.error_rate = 0.5
            return [get(server, "/configuration").status_code for _ in range(20)]

    first = run()
    assert first == run() and 200 in first and any(code >= 500 for code in first)


def test_stall_makes_the_client_time_out(fresh: FakeTMDb) -> None:
    fresh.faults.stall_rate, fresh.faults.stall_seconds = 1.0, 0.6
    with pytest.raises(requests.exceptions.ReadTimeout):
        get(fresh, "/configuration", timeout=0.2)


def test_latency_is_added_to_every_response(fresh: FakeTMDb) -> None:
    fresh.latency = 0.3
    assert get(fresh, "/configuration").elapsed.total_seconds() >= 0.3


def test_drop_and_down_close_the_connection(fresh: FakeTMDb) -> None:
    fresh.faults.drop_rate = 1.0
    with pytest.raises(requests.exceptions.ConnectionError):
        get(fresh, "/configuration")
    fresh.faults.drop_rate = 0.0
    fresh.faults.down = True
    with pytest.raises(requests.exceptions.ConnectionError):
        get(fresh, "/configuration")
    fresh.faults.down = False
    assert get(fresh, "/configuration").status_code == 200


def test_connection_cap_answers_429(fresh: FakeTMDb) -> None:
    fresh.faults.max_connections = 2
    fresh.latency = 0.4
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def worker() -> None:
        barrier.wait()
        statuses.append(get(fresh, "/configuration").status_code)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses.count(200) >= 2 and statuses.count(429) >= 1
    assert fresh.stats.max_concurrency_seen > 2


def test_stats_count_paths_and_redact_the_key(fresh: FakeTMDb) -> None:
    get(fresh, "/movie/550", language="fr-FR")
    get(fresh, "/movie/550")
    stats = fresh.stats
    assert stats.request_count == 2 and stats.by_path["/3/movie/550"] == 2
    assert stats.log[0] == ("GET", "/3/movie/550", "api_key=REDACTED&language=fr-FR")
    assert all(FakeTMDb.API_KEY not in entry[2] for entry in stats.log)
    fresh.reset_stats()
    assert fresh.stats.request_count == 0 and not fresh.stats.log


def test_custom_catalog_with_minimal_dicts() -> None:
    movies = [{"id": 10 + i, "title": f"Generated Film {i}", "popularity": float(i)} for i in range(45)]
    shows = [
        {
            "id": 5,
            "name": "Generated Show",
            "seasons": [{"season_number": 1, "air_date": "2020-01-01", "episode_count": 3}],
        }
    ]
    with FakeTMDb(movies=movies, shows=shows) as server:
        found = ok(server, "/search/movie", query="generated film", page=3)
        assert found["total_results"] == 45 and found["total_pages"] == 3 and len(found["results"]) == 5
        details = ok(server, "/movie/54")
        assert details["release_date"] == "" and details["imdb_id"] is None and details["runtime"] is None
        assert len(ok(server, "/tv/5/season/1")["episodes"]) == 3
        assert get(server, "/movie/603").status_code == 404  # the built-in catalog is replaced
