"""The TMDb v3 endpoint methods of :class:`~videomanager.tmdb.client.TMDbClient`.

Each method builds a path and parameters and calls ``self._get``; the transport (auth, cache,
limiter, retries, errors) lives in ``client.py``. The client's ``language`` and ``region`` go on every
endpoint that accepts them (an explicit argument wins); ``include_adult`` goes on searches.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

__all__ = ["EndpointsMixin", "TRENDING_MEDIA_TYPES", "TRENDING_WINDOWS", "EXTERNAL_SOURCES"]

TRENDING_MEDIA_TYPES = ("movie", "tv", "person", "all")
TRENDING_WINDOWS = ("day", "week")
EXTERNAL_SOURCES = (
    "imdb_id",
    "facebook_id",
    "instagram_id",
    "tvdb_id",
    "tiktok_id",
    "twitter_id",
    "wikidata_id",
    "youtube_id",
)

Appends = str | Iterable[str] | None
DateLike = str | date | None


def _appends(value: Appends) -> str | None:
    """``append_to_response`` as TMDb wants it: one comma-separated string (20 items max)."""
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    names = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    if len(names) > 20:
        raise ValueError("TMDb accepts at most 20 append_to_response items")
    return ",".join(names) or None


def _id(value: int | str) -> str:
    """A TMDb id or season/episode number for a URL path (ints, or digit strings)."""
    text = str(value).strip()
    if not text or "/" in text or "?" in text or "#" in text:
        raise ValueError(f"not a TMDb id: {value!r}")
    return text


class EndpointsMixin:
    """Endpoint methods; mixed into TMDbClient, which provides ``_get`` and the defaults."""

    language: str | None
    region: str | None
    include_adult: bool

    def _get(self, path: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _lang(self, language: str | None = None) -> dict[str, Any]:
        return {"language": language or self.language}

    # -- search ----------------------------------------------------------------------------------------

    def _search(self, kind: str, query: str, page: int, **extra: Any) -> Any:
        params = {"query": query, "page": page, "include_adult": self.include_adult, **self._lang(), **extra}
        return self._get(f"/search/{kind}", params)

    def search_movie(
        self,
        query: str,
        year: int | str | None = None,
        page: int = 1,
        primary_release_year: int | str | None = None,
    ) -> Any:
        return self._search(
            "movie", query, page, year=year, primary_release_year=primary_release_year, region=self.region
        )

    def search_tv(
        self,
        query: str,
        year: int | str | None = None,
        first_air_date_year: int | str | None = None,
        page: int = 1,
    ) -> Any:
        return self._search("tv", query, page, year=year, first_air_date_year=first_air_date_year)

    def search_person(self, query: str, page: int = 1) -> Any:
        return self._search("person", query, page)

    def search_multi(self, query: str, page: int = 1) -> Any:
        return self._search("multi", query, page)

    # -- movies ----------------------------------------------------------------------------------------

    def get_movie(self, movie_id: int | str, append_to_response: Appends = None) -> Any:
        return self._get(
            f"/movie/{_id(movie_id)}", {**self._lang(), "append_to_response": _appends(append_to_response)}
        )

    def _movie_sub(self, movie_id: int | str, sub: str, **params: Any) -> Any:
        return self._get(f"/movie/{_id(movie_id)}/{sub}", params)

    def get_movie_credits(self, movie_id: int | str) -> Any:
        return self._movie_sub(movie_id, "credits", **self._lang())

    def get_movie_images(self, movie_id: int | str, include_image_language: str | None = None) -> Any:
        # Without include_image_language TMDb filters images by the request language; keep text-less ones.
        lang = (self.language or "en").split("-")[0]
        return self._movie_sub(
            movie_id, "images", include_image_language=include_image_language or f"{lang},null"
        )

    def get_movie_videos(self, movie_id: int | str) -> Any:
        return self._movie_sub(movie_id, "videos", **self._lang())

    def get_movie_recommendations(self, movie_id: int | str, page: int = 1) -> Any:
        return self._movie_sub(movie_id, "recommendations", page=page, **self._lang())

    def get_movie_similar(self, movie_id: int | str, page: int = 1) -> Any:
        return self._movie_sub(movie_id, "similar", page=page, **self._lang())

    def get_movie_external_ids(self, movie_id: int | str) -> Any:
        return self._movie_sub(movie_id, "external_ids")

    def get_movie_alternative_titles(self, movie_id: int | str, country: str | None = None) -> Any:
        return self._movie_sub(movie_id, "alternative_titles", country=country)

    # -- TV --------------------------------------------------------------------------------------------

    def get_tv_show(self, tv_id: int | str, append_to_response: Appends = None) -> Any:
        return self._get(
            f"/tv/{_id(tv_id)}", {**self._lang(), "append_to_response": _appends(append_to_response)}
        )

    def get_tv_season(self, tv_id: int | str, season_number: int, append_to_response: Appends = None) -> Any:
        return self._get(
            f"/tv/{_id(tv_id)}/season/{_id(season_number)}",
            {**self._lang(), "append_to_response": _appends(append_to_response)},
        )

    def get_tv_episode(
        self, tv_id: int | str, season_number: int, episode_number: int, append_to_response: Appends = None
    ) -> Any:
        path = f"/tv/{_id(tv_id)}/season/{_id(season_number)}/episode/{_id(episode_number)}"
        return self._get(path, {**self._lang(), "append_to_response": _appends(append_to_response)})

    def get_tv_external_ids(self, tv_id: int | str) -> Any:
        return self._get(f"/tv/{_id(tv_id)}/external_ids")

    def get_tv_alternative_titles(self, tv_id: int | str) -> Any:
        return self._get(f"/tv/{_id(tv_id)}/alternative_titles")

    # -- people ----------------------------------------------------------------------------------------

    def get_collection(self, collection_id: int | str) -> Any:
        """A TMDb collection (Alien Collection) with its ``parts``, the films of the series."""
        return self._get(f"/collection/{_id(collection_id)}", self._lang())

    def get_person(self, person_id: int | str, append_to_response: Appends = None) -> Any:
        return self._get(
            f"/person/{_id(person_id)}", {**self._lang(), "append_to_response": _appends(append_to_response)}
        )

    def get_person_movie_credits(self, person_id: int | str) -> Any:
        return self._get(f"/person/{_id(person_id)}/movie_credits", self._lang())

    def get_person_external_ids(self, person_id: int | str) -> Any:
        return self._get(f"/person/{_id(person_id)}/external_ids")

    # -- lists, trending, discover ---------------------------------------------------------------------

    def _movie_list(self, name: str, page: int, region: str | None) -> Any:
        return self._get(f"/movie/{name}", {**self._lang(), "page": page, "region": region or self.region})

    def get_popular_movies(self, page: int = 1, region: str | None = None) -> Any:
        return self._movie_list("popular", page, region)

    def get_top_rated_movies(self, page: int = 1, region: str | None = None) -> Any:
        return self._movie_list("top_rated", page, region)

    def get_now_playing_movies(self, region: str | None = None, page: int = 1) -> Any:
        return self._movie_list("now_playing", page, region)

    def get_upcoming_movies(self, region: str | None = None, page: int = 1) -> Any:
        return self._movie_list("upcoming", page, region)

    def get_trending(self, media_type: str, time_window: str, page: int = 1) -> Any:
        if media_type not in TRENDING_MEDIA_TYPES:
            raise ValueError(
                f"media_type must be one of {', '.join(TRENDING_MEDIA_TYPES)}, not {media_type!r}"
            )
        if time_window not in TRENDING_WINDOWS:
            raise ValueError(f"time_window must be 'day' or 'week', not {time_window!r}")
        return self._get(f"/trending/{media_type}/{time_window}", {**self._lang(), "page": page})

    def _discover(self, kind: str, filters: dict[str, Any]) -> Any:
        params: dict[str, Any] = {**self._lang(), "include_adult": self.include_adult, "page": 1}
        if kind == "movie" and self.region:
            params["region"] = self.region
        genre_ids = filters.pop("genre_ids", None)
        if genre_ids is not None:
            # A list means "all of these" (TMDb: comma = AND); pass a "28|12" string for "any of".
            params["with_genres"] = genre_ids if isinstance(genre_ids, str) else ",".join(map(str, genre_ids))
        params.update(filters)  # any other TMDb filter passes through untouched
        return self._get(f"/discover/{kind}", params)

    def get_discover_movies(self, **filters: Any) -> Any:
        return self._discover("movie", filters)

    def get_discover_tv(self, **filters: Any) -> Any:
        return self._discover("tv", filters)

    def find(self, external_id: str, external_source: str = "imdb_id") -> Any:
        if external_source not in EXTERNAL_SOURCES:
            raise ValueError(f"external_source must be one of {', '.join(EXTERNAL_SOURCES)}")
        return self._get(f"/find/{_id(external_id)}", {"external_source": external_source, **self._lang()})

    # -- configuration and reference lists -------------------------------------------------------------

    def get_configuration(self) -> Any:
        return self._get("/configuration")

    def get_languages(self) -> Any:
        return self._get("/configuration/languages")

    def get_countries(self) -> Any:
        return self._get("/configuration/countries", self._lang())

    def get_jobs(self) -> Any:
        return self._get("/configuration/jobs")

    def get_primary_translations(self) -> Any:
        return self._get("/configuration/primary_translations")

    def get_timezones(self) -> Any:
        return self._get("/configuration/timezones")

    def get_genres(self, kind: str) -> Any:
        if kind not in ("movie", "tv"):
            raise ValueError(f"kind must be 'movie' or 'tv', not {kind!r}")
        return self._get(f"/genre/{kind}/list", self._lang())

    # -- changes ---------------------------------------------------------------------------------------

    def _changes(
        self, kind: str, item_id: int | str, start_date: DateLike, end_date: DateLike, page: int
    ) -> Any:
        return self._get(
            f"/{kind}/{_id(item_id)}/changes", {"start_date": start_date, "end_date": end_date, "page": page}
        )

    def get_movie_changes(
        self, movie_id: int | str, start_date: DateLike = None, end_date: DateLike = None, page: int = 1
    ) -> Any:
        return self._changes("movie", movie_id, start_date, end_date, page)

    def get_tv_changes(
        self, tv_id: int | str, start_date: DateLike = None, end_date: DateLike = None, page: int = 1
    ) -> Any:
        return self._changes("tv", tv_id, start_date, end_date, page)

    def get_person_changes(
        self, person_id: int | str, start_date: DateLike = None, end_date: DateLike = None, page: int = 1
    ) -> Any:
        return self._changes("person", person_id, start_date, end_date, page)
