"""Validation at the client boundary: malformed results are dropped and the rest of the answer kept; an
answer whose shape is wrong is a MalformedAnswerError that is never cached; details answers (appended
credits, videos, external ids, seasons, find, configuration) keep what is valid. Against the stand-in's
hostile modes over real HTTP, plus the cleaners on hand-made answers."""

from __future__ import annotations

import math
from typing import Any

import pytest

from videomanager.tmdb import MalformedAnswerError
from videomanager.tmdb.cache import ResponseCache
from videomanager.tmdb.validate import MAX_ID, Cleaning, clean_answer, clean_candidates, clean_title_data

APPENDS = "credits,videos,external_ids"


def _malformed(fake: Any, variant: str, match: str = "") -> None:
    fake.faults.malformed_rate = 1.0
    fake.faults.malformed_variant = variant
    fake.faults.malformed_match = match


def test_search_results_with_bad_ids_and_types_are_dropped_the_rest_kept(
    fake_tmdb: Any, make_client: Any
) -> None:
    clean = make_client().search_movie("Heat")
    _malformed(fake_tmdb, "bad-items")
    client = make_client()
    got = client.search_movie("Heat")
    assert fake_tmdb.stats.malformed and fake_tmdb.stats.malformed[-1][2] == "bad-items"
    assert got == clean  # ids 10**30, null, "abc" and a title that is a list: all dropped
    assert client.answers_cleaned == 1 and client.answers_rejected == 0


def test_a_by_id_answer_that_is_a_list_fails_and_is_never_cached(
    fake_tmdb: Any, make_client: Any, tmp_path
) -> None:
    _malformed(fake_tmdb, "not-an-object", match="/movie/603")
    client = make_client(cache=ResponseCache(tmp_path / "cache.sqlite3"))
    with pytest.raises(MalformedAnswerError) as info:
        client.get_movie(603)
    assert info.value.kind == "malformed" and client.answers_rejected == 1
    fake_tmdb.faults.malformed_rate = 0.0  # TMDb is fine again: the next call asks it, and gets the film
    fake_tmdb.reset_stats()
    assert client.get_movie(603)["title"] == "The Matrix"
    assert fake_tmdb.stats.request_count == 1


@pytest.mark.parametrize("variant", ["results-not-a-list", "not-an-object"])
def test_a_search_answer_of_the_wrong_shape_fails(fake_tmdb: Any, make_client: Any, variant: str) -> None:
    _malformed(fake_tmdb, variant)
    with pytest.raises(MalformedAnswerError):
        make_client().search_movie("Heat")


def test_a_details_id_that_is_not_an_integer_fails(fake_tmdb: Any, make_client: Any) -> None:
    _malformed(fake_tmdb, "bad-id")
    with pytest.raises(MalformedAnswerError):
        make_client().get_tv_show(1399)


def test_a_malformed_answer_in_the_cache_is_asked_again(fake_tmdb: Any, make_client: Any, tmp_path) -> None:
    """A cache written before answers were validated may hold a bad answer for days: it is not used."""
    cache = ResponseCache(tmp_path / "cache.sqlite3")
    client = make_client(cache=cache)
    query = client._clean_params({"language": "en-US", "append_to_response": None})
    cache.put("GET", "/movie/603", query, 200, [{"id": "abc"}])
    assert client.get_movie(603)["id"] == 603
    assert fake_tmdb.stats.request_count == 1
    assert cache.get("GET", "/movie/603", query).data["id"] == 603  # replaced by the good answer


def test_details_with_wrong_types_keep_what_is_valid(fake_tmdb: Any, make_client: Any) -> None:
    clean = make_client().get_movie(603, append_to_response=APPENDS)
    _malformed(fake_tmdb, "bad-fields")
    got = make_client().get_movie(603, append_to_response=APPENDS)
    assert fake_tmdb.stats.malformed[-1][2] == "bad-fields"
    assert "videos" not in got and "genres" not in got and "popularity" not in got  # a string, twice: dropped
    assert "crew" not in got["credits"]  # "nobody" is not a list
    assert got["credits"]["cast"] == clean["credits"]["cast"][1:]  # the member whose name is null: dropped
    assert got["external_ids"] == clean["external_ids"]
    for key in ("id", "title", "release_date", "runtime", "imdb_id", "overview", "poster_path"):
        assert got[key] == clean[key]


def _ctx() -> Cleaning:
    return Cleaning("test")


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ({"id": 10**30, "title": "x"}, "id too big for SQLite"),
        ({"id": 2**63, "title": "x"}, "id one past SQLite's integer"),
        ({"id": 0, "title": "x"}, "id zero"),
        ({"id": -3, "title": "x"}, "negative id"),
        ({"id": True, "title": "x"}, "a boolean is not an id"),
        ({"id": 1.5, "title": "x"}, "a float is not an id"),
        ({"id": None, "title": "x"}, "null id"),
        ({"title": "x"}, "no id"),
        ({"id": 5, "title": ["a"]}, "title a list"),
        ({"id": 5, "name": {"a": 1}}, "name an object"),
        ({"id": 5, "title": "x", "release_date": 1999}, "date a number"),
        ({"id": 5, "title": "x", "release_date": "1999"}, "date without month and day"),
        ({"id": 5, "title": "x", "release_date": "1999-13-01"}, "month 13"),
        ({"id": 5, "title": "\ud800"}, "a lone surrogate cannot be stored"),
        ("not an object", "a string for an item"),
    ],
)
def test_malformed_results_are_dropped(bad: Any, why: str) -> None:
    good = {"id": MAX_ID, "title": "Fine", "release_date": "", "first_air_date": None}
    ctx = _ctx()
    out = clean_answer("/search/multi", {"page": 1, "results": [bad, good], "total_pages": 1}, ctx)
    assert out["results"] == [good], why
    assert ctx.items_dropped == 1


def test_secondary_fields_are_dropped_numbers_finite_lists_lists() -> None:
    item = {"id": 7, "title": "T", "popularity": math.nan, "vote_average": math.inf, "vote_count": 10**30,
            "genre_ids": [18, "x", None, 28], "poster_path": 5, "origin_country": "US", "adult": "no",
            "overview": None}  # fmt: skip
    out = clean_answer("/search/movie", {"results": [item]})["results"][0]
    assert out == {"id": 7, "title": "T", "genre_ids": [18, 28], "overview": None}


def test_find_configuration_seasons_and_appended_lists() -> None:
    found = clean_answer("/find/tt0133093", {"movie_results": [{"id": "x"}, {"id": 603, "title": "M"}],
                                              "tv_results": "none"})  # fmt: skip
    assert found == {"movie_results": [{"id": 603, "title": "M"}]}
    config = clean_answer("/configuration", {"images": {"secure_base_url": "https://i/", "poster_sizes": ["w92", 5]},
                                             "change_keys": None})  # fmt: skip
    assert config == {"images": {"secure_base_url": "https://i/", "poster_sizes": ["w92"]}}
    assert clean_answer("/configuration", {"images": {"poster_sizes": []}}) == {}  # no base URL: no images
    season = clean_answer("/tv/1399/season/1", {"season_number": 1, "episodes": [
        {"episode_number": 1, "air_date": "2011-04-17", "name": "Winter Is Coming"},
        {"episode_number": "two"}, {"episode_number": 3, "air_date": 2011}]})  # fmt: skip
    assert [e["episode_number"] for e in season["episodes"]] == [1, 3]  # "two": dropped
    assert "air_date" not in season["episodes"][1]  # a number for a date: that field dropped
    movie = clean_answer("/movie/603", {"id": 603, "title": "M", "alternative_titles": {"titles": [
        {"title": "Matrix", "iso_3166_1": "FR"}, {"title": None}]}, "translations": {"translations": [
        {"iso_639_1": "fr", "data": {"title": "Matrix"}}, {"iso_639_1": 5}, {"iso_639_1": "de", "data": "x"}]},
        "seasons": "many", "created_by": [{"id": 1, "name": "A"}, {"name": "no id"}]})  # fmt: skip
    assert movie["alternative_titles"] == {"titles": [{"title": "Matrix", "iso_3166_1": "FR"}]}
    assert movie["translations"]["translations"] == [{"iso_639_1": "fr", "data": {"title": "Matrix"}},
                                                     {"iso_639_1": "de"}]  # fmt: skip
    assert "seasons" not in movie and movie["created_by"] == [{"id": 1, "name": "A"}]
    with pytest.raises(MalformedAnswerError):
        clean_answer("/configuration/languages", {"not": "a list"})
    with pytest.raises(MalformedAnswerError):
        clean_answer("/movie/603", {"id": 603, "title": ["a list"]})  # a details answer's own title


def test_stored_title_data_and_candidates_are_cleaned() -> None:
    assert clean_title_data({"id": 1, "title": ["x"], "release_date": 1999}) is None  # nothing usable left
    assert clean_title_data([1]) is None
    assert clean_title_data({"id": 1, "title": "Heat", "release_date": 1999, "popularity": "x"}) == {
        "id": 1,
        "title": "Heat",
    }
    cands = clean_candidates([
        {"tmdb_id": 10**30, "kind": "movie", "title": "x"},
        {"tmdb_id": 5, "kind": "movie", "title": ["x"]},
        {"tmdb_id": 6, "kind": "film", "title": "x"},
        {"tmdb_id": 7, "kind": "tv", "title": "ok", "year": "1999", "score": math.nan, "reasons": 3},
        "junk",
    ])  # fmt: skip
    assert cands == [{"tmdb_id": 7, "kind": "tv", "title": "ok", "year": None, "original_title": None,
                      "popularity": 0.0, "poster_path": None, "score": 0.0, "reasons": ""}]  # fmt: skip
    assert clean_candidates("not a list") == []


def test_an_answer_with_a_lone_surrogate_is_cached_safely(tmp_path) -> None:
    """JSON may carry "\\ud800" in a field nobody validates: storing it must not fail the request."""
    cache = ResponseCache(tmp_path / "cache.sqlite3")
    data = {"id": 603, "title": "The Matrix", "tagline_extra": "\ud800 broken"}
    assert cache.put("GET", "/movie/603", {}, 200, data)
    assert cache.get("GET", "/movie/603", {}).data == data
