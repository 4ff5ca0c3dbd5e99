"""TMDbClient over real HTTP against the stand-in: every endpoint method, both ways to authenticate,
language/region/include_adult, append_to_response, paging, image URLs, validation and threads."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date
from typing import Any

import pytest

from videomanager.tmdb import NoCredentialError, ServiceUnavailableError, TMDbClient, ValidationResult


@pytest.fixture
def ids(make_client: Any) -> dict[str, int]:
    """Ids that exist in the stand-in's data, found through the API itself."""
    client = make_client()
    movie = client.get_popular_movies()["results"][0]["id"]
    tv = client.get_trending("tv", "week")["results"][0]["id"]
    show = client.get_tv_show(tv)
    season = next(s["season_number"] for s in show["seasons"] if s["season_number"] >= 1)
    episode = client.get_tv_season(tv, season)["episodes"][0]["episode_number"]
    person = client.get_movie_credits(movie)["cast"][0]["id"]
    return {"movie": movie, "tv": tv, "season": season, "episode": episode, "person": person}


# -- authentication -----------------------------------------------------------------------------------


def test_v3_key_goes_as_query_parameter(fake_tmdb: Any, make_client: Any, recording_session: Any) -> None:
    client = make_client(session=recording_session)
    assert client.credential_kind == "v3_key"
    assert "images" in client.get_configuration()
    sent = recording_session.sent[-1]
    assert recording_session.last_params()["api_key"] == fake_tmdb.API_KEY
    assert "Authorization" not in sent.headers


def test_v4_token_goes_as_bearer(fake_tmdb: Any, make_client: Any, recording_session: Any) -> None:
    client = make_client(api_key=None, access_token=fake_tmdb.ACCESS_TOKEN, session=recording_session)
    assert client.credential_kind == "v4_token"
    assert "images" in client.get_configuration()
    assert recording_session.sent[-1].headers["Authorization"] == f"Bearer {fake_tmdb.ACCESS_TOKEN}"
    assert "api_key" not in recording_session.last_params()


def test_token_preferred_when_both_are_set(fake_tmdb: Any, make_client: Any, recording_session: Any) -> None:
    client = make_client(access_token=fake_tmdb.ACCESS_TOKEN, session=recording_session)
    client.get_genres("movie")
    assert "Authorization" in recording_session.sent[-1].headers
    assert "api_key" not in recording_session.last_params()


def test_credentials_in_the_wrong_slot_still_work(
    fake_tmdb: Any, make_client: Any, recording_session: Any
) -> None:
    swapped = make_client(api_key=None, access_token=f'  "{fake_tmdb.API_KEY}" ', session=recording_session)
    assert swapped.credential_kind == "v3_key"
    assert swapped.validate().status == "valid"
    assert recording_session.last_params()["api_key"] == fake_tmdb.API_KEY
    reversed_ = make_client(api_key=fake_tmdb.ACCESS_TOKEN, session=recording_session)
    assert reversed_.credential_kind == "v4_token"
    assert reversed_.validate().status == "valid"
    assert "Authorization" in recording_session.sent[-1].headers


def test_validate_reports_valid_with_time_and_kind(make_client: Any, fake_tmdb: Any) -> None:
    client = make_client()
    result = client.validate()
    assert isinstance(result, ValidationResult) and result.ok
    assert result.status == "valid" and result.credential_kind == "v3_key"
    assert result.checked_at.tzinfo is UTC or result.checked_at.utcoffset().total_seconds() == 0
    count = fake_tmdb.stats.request_count
    client.validate()
    assert fake_tmdb.stats.request_count == count + 1  # never answered from a cache


def test_set_credentials_switches_and_clears(make_client: Any, fake_tmdb: Any) -> None:
    client = make_client(api_key=None)
    with pytest.raises(NoCredentialError):
        client.get_configuration()
    client.set_credentials(access_token=fake_tmdb.ACCESS_TOKEN)
    assert isinstance(client.get_configuration(), dict)
    client.set_credentials(None, None)
    assert not client.has_credential and client.validate().status == "missing"


# -- every endpoint ------------------------------------------------------------------------------------


def _calls(ids: dict[str, int]) -> list[tuple[str, Callable[[TMDbClient], Any], str, type]]:
    m, t, s, e, p = ids["movie"], ids["tv"], ids["season"], ids["episode"], ids["person"]
    return [
        (
            "search_movie",
            lambda c: c.search_movie("the", year=1999, primary_release_year=1999),
            "/3/search/movie",
            dict,
        ),
        ("search_tv", lambda c: c.search_tv("the", first_air_date_year=2008), "/3/search/tv", dict),
        ("search_person", lambda c: c.search_person("a"), "/3/search/person", dict),
        ("search_multi", lambda c: c.search_multi("the"), "/3/search/multi", dict),
        ("get_movie", lambda c: c.get_movie(m), f"/3/movie/{m}", dict),
        ("get_movie_credits", lambda c: c.get_movie_credits(m), f"/3/movie/{m}/credits", dict),
        ("get_movie_images", lambda c: c.get_movie_images(m), f"/3/movie/{m}/images", dict),
        ("get_movie_videos", lambda c: c.get_movie_videos(m), f"/3/movie/{m}/videos", dict),
        (
            "get_movie_recommendations",
            lambda c: c.get_movie_recommendations(m),
            f"/3/movie/{m}/recommendations",
            dict,
        ),
        ("get_movie_similar", lambda c: c.get_movie_similar(m), f"/3/movie/{m}/similar", dict),
        ("get_movie_external_ids", lambda c: c.get_movie_external_ids(m), f"/3/movie/{m}/external_ids", dict),
        (
            "get_movie_alternative_titles",
            lambda c: c.get_movie_alternative_titles(m),
            f"/3/movie/{m}/alternative_titles",
            dict,
        ),
        ("get_tv_show", lambda c: c.get_tv_show(t), f"/3/tv/{t}", dict),
        ("get_tv_season", lambda c: c.get_tv_season(t, s), f"/3/tv/{t}/season/{s}", dict),
        ("get_tv_episode", lambda c: c.get_tv_episode(t, s, e), f"/3/tv/{t}/season/{s}/episode/{e}", dict),
        ("get_tv_external_ids", lambda c: c.get_tv_external_ids(t), f"/3/tv/{t}/external_ids", dict),
        (
            "get_tv_alternative_titles",
            lambda c: c.get_tv_alternative_titles(t),
            f"/3/tv/{t}/alternative_titles",
            dict,
        ),
        ("get_person", lambda c: c.get_person(p), f"/3/person/{p}", dict),
        (
            "get_person_movie_credits",
            lambda c: c.get_person_movie_credits(p),
            f"/3/person/{p}/movie_credits",
            dict,
        ),
        (
            "get_person_external_ids",
            lambda c: c.get_person_external_ids(p),
            f"/3/person/{p}/external_ids",
            dict,
        ),
        ("get_popular_movies", lambda c: c.get_popular_movies(page=2), "/3/movie/popular", dict),
        ("get_top_rated_movies", lambda c: c.get_top_rated_movies(), "/3/movie/top_rated", dict),
        ("get_now_playing_movies", lambda c: c.get_now_playing_movies(), "/3/movie/now_playing", dict),
        ("get_upcoming_movies", lambda c: c.get_upcoming_movies(), "/3/movie/upcoming", dict),
        ("get_trending", lambda c: c.get_trending("all", "day"), "/3/trending/all/day", dict),
        (
            "get_discover_movies",
            lambda c: c.get_discover_movies(sort_by="popularity.desc"),
            "/3/discover/movie",
            dict,
        ),
        ("get_discover_tv", lambda c: c.get_discover_tv(sort_by="popularity.desc"), "/3/discover/tv", dict),
        ("find", lambda c: c.find("tt0133093"), "/3/find/tt0133093", dict),
        ("get_configuration", lambda c: c.get_configuration(), "/3/configuration", dict),
        ("get_languages", lambda c: c.get_languages(), "/3/configuration/languages", list),
        ("get_countries", lambda c: c.get_countries(), "/3/configuration/countries", list),
        ("get_jobs", lambda c: c.get_jobs(), "/3/configuration/jobs", list),
        (
            "get_primary_translations",
            lambda c: c.get_primary_translations(),
            "/3/configuration/primary_translations",
            list,
        ),
        ("get_timezones", lambda c: c.get_timezones(), "/3/configuration/timezones", list),
        ("get_collection", lambda c: c.get_collection(8091), "/3/collection/8091", dict),
        ("get_genres", lambda c: c.get_genres("tv"), "/3/genre/tv/list", dict),
        ("get_movie_changes", lambda c: c.get_movie_changes(m), f"/3/movie/{m}/changes", dict),
        ("get_tv_changes", lambda c: c.get_tv_changes(t), f"/3/tv/{t}/changes", dict),
        (
            "get_person_changes",
            lambda c: c.get_person_changes(p, start_date=date(2026, 1, 1), end_date="2026-01-10"),
            f"/3/person/{p}/changes",
            dict,
        ),
    ]


def test_every_endpoint_method(ids: dict[str, int], make_client: Any, recording_session: Any) -> None:
    client = make_client(session=recording_session)
    calls = _calls(ids)
    for name, call, path, kind in calls:
        data = call(client)
        assert isinstance(data, kind), name
        assert recording_session.last_path() == path, name
        if "page" in recording_session.last_params() and not path.endswith("/changes"):
            assert isinstance(data.get("results"), list), name
    assert len(recording_session.sent) == len(calls)
    missing = {n for n in dir(TMDbClient) if n.startswith(("get_", "search_"))} - {c[0] for c in calls}
    assert not missing, f"untested endpoint methods: {missing}"


def test_the_answers_are_about_what_was_asked(ids: dict[str, int], make_client: Any) -> None:
    client = make_client()
    matrix = client.search_movie("The Matrix", year=1999)["results"]
    assert any(r["id"] == 603 and r["title"] == "The Matrix" for r in matrix)
    assert client.get_movie(603)["imdb_id"] == "tt0133093"
    assert [r["id"] for r in client.find("tt0133093")["movie_results"]] == [603]
    assert client.get_movie_external_ids(603)["imdb_id"] == "tt0133093"
    assert client.get_tv_show(ids["tv"])["id"] == ids["tv"]
    season = client.get_tv_season(ids["tv"], ids["season"])
    assert season["season_number"] == ids["season"]
    assert client.get_tv_episode(ids["tv"], ids["season"], ids["episode"])["episode_number"] == ids["episode"]
    assert client.get_person(ids["person"])["id"] == ids["person"]
    assert {g["id"] for g in client.get_genres("movie")["genres"]} >= {28, 12, 878}


def test_append_to_response_string_or_list(make_client: Any, recording_session: Any) -> None:
    client = make_client(session=recording_session)
    as_list = client.get_movie(603, append_to_response=["credits", "external_ids"])
    assert recording_session.last_params()["append_to_response"] == "credits,external_ids"
    assert "cast" in as_list["credits"] and as_list["external_ids"]["imdb_id"] == "tt0133093"
    as_str = client.get_movie(603, append_to_response="videos,images")
    assert "results" in as_str["videos"] and "posters" in as_str["images"]
    with pytest.raises(ValueError):
        client.get_movie(603, append_to_response=[f"x{i}" for i in range(21)])


def test_language_region_and_adult_are_sent(make_client: Any, recording_session: Any) -> None:
    client = make_client(language="fr-FR", region="FR", include_adult=True, session=recording_session)
    client.search_movie("matrix")
    params = recording_session.last_params()
    assert params["language"] == "fr-FR" and params["region"] == "FR" and params["include_adult"] == "true"
    client.search_tv("x")
    assert recording_session.last_params()["include_adult"] == "true"
    client.get_movie(603)
    assert recording_session.last_params()["language"] == "fr-FR"
    for call in (client.get_popular_movies, client.get_now_playing_movies, client.get_upcoming_movies):
        call()
        assert recording_session.last_params()["region"] == "FR"
    client.get_popular_movies(region="DE")
    assert recording_session.last_params()["region"] == "DE"
    client.get_trending("movie", "week")
    assert recording_session.last_params()["language"] == "fr-FR"
    client.get_configuration()
    assert "language" not in recording_session.last_params()


def test_search_parameters(make_client: Any, recording_session: Any) -> None:
    client = make_client(session=recording_session)
    client.search_movie("matrix", year=1999, page=1, primary_release_year=1999)
    assert recording_session.last_params() | {"api_key": ""} == {
        "query": "matrix",
        "year": "1999",
        "primary_release_year": "1999",
        "page": "1",
        "include_adult": "false",
        "language": "en-US",
        "api_key": "",
    }
    client.search_tv("breaking", year=2008, first_air_date_year=2008, page=1)
    assert recording_session.last_params()["first_air_date_year"] == "2008"


def test_discover_filters(make_client: Any, recording_session: Any) -> None:
    client = make_client(session=recording_session)
    data = client.get_discover_movies(
        sort_by="vote_average.desc", year=1999, genre_ids=[28, 12], page=1, **{"vote_count.gte": 100}
    )
    params = recording_session.last_params()
    assert params["with_genres"] == "28,12" and params["sort_by"] == "vote_average.desc"
    assert params["year"] == "1999" and params["vote_count.gte"] == "100" and "genre_ids" not in params
    assert isinstance(data["results"], list)
    client.get_discover_tv(with_genres="18|35", first_air_date_year=2008)
    assert recording_session.last_params()["with_genres"] == "18|35"


def test_bad_arguments_raise_before_any_request(fake_tmdb: Any, make_client: Any) -> None:
    client = make_client()
    for call in (
        lambda: client.get_trending("film", "day"),
        lambda: client.get_trending("movie", "month"),
        lambda: client.get_genres("anime"),
        lambda: client.find("tt0133093", external_source="imdb"),
        lambda: client.get_movie("603/credits"),
    ):
        with pytest.raises(ValueError):
            call()
    assert fake_tmdb.stats.request_count == 0


def test_iter_pages(make_client: Any, fake_tmdb: Any) -> None:
    client = make_client()
    first = client.get_popular_movies()
    items = list(client.iter_pages(client.get_popular_movies, max_pages=2))
    expected = min(2, first["total_pages"])
    assert len(items) == sum(
        len(client.get_popular_movies(page=p)["results"]) for p in range(1, expected + 1)
    )
    assert items[: len(first["results"])] == first["results"]
    everything = list(client.iter_pages(client.search_movie, "the", max_pages=50))
    assert (
        len({r["id"] for r in everything}) == len(everything) == client.search_movie("the")["total_results"]
    )


def test_image_url(make_client: Any, fake_tmdb: Any) -> None:
    client = make_client()
    config = client.get_configuration()["images"]
    url = client.image_url("/abc.jpg")
    assert url == f"{config['secure_base_url'].rstrip('/')}/w342/abc.jpg"
    assert client.image_url("/abc.jpg", size="original").endswith("/original/abc.jpg")
    assert client.image_url(None) is None
    with pytest.raises(ValueError):
        client.image_url("/abc.jpg", size="w999")
    count = fake_tmdb.stats.request_count
    for _ in range(5):
        client.image_url("/x.jpg", size=config["poster_sizes"][0])
    assert fake_tmdb.stats.request_count == count  # configuration is fetched once


def test_image_url_needs_a_credential(fake_tmdb: Any) -> None:
    with pytest.raises(NoCredentialError):
        TMDbClient(base_url=fake_tmdb.base_url).image_url("/abc.jpg")


def test_oversized_answers_are_refused(make_client: Any) -> None:
    client = make_client(max_response_bytes=300)
    with pytest.raises(ServiceUnavailableError) as info:
        client.get_movie(603, append_to_response="credits,images,videos")
    assert "larger than" in info.value.user_message


def test_many_threads_share_one_client(make_client: Any, fake_tmdb: Any) -> None:
    client = make_client()
    movie_ids = [m["id"] for m in client.get_popular_movies()["results"]]
    fake_tmdb.latency = 0.005

    def lookup(i: int) -> tuple[int, int]:
        return movie_ids[i % len(movie_ids)], client.get_movie(movie_ids[i % len(movie_ids)])["id"]

    with ThreadPoolExecutor(16) as pool:
        pairs = list(pool.map(lookup, range(120)))
    assert all(a == b for a, b in pairs)
    assert client.requests_sent == 121 and client.cache_misses == 121
